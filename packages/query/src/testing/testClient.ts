import { testNode } from '@loglift/opensearch-testbed/testing';
import { createClient } from '../createClient.js';
import type { LogClient } from '../logClient.js';

export { testNode };

export function testClient(index: string): LogClient {
  const node = testNode();
  return createClient({
    url: node.url,
    auth: { type: 'basic', username: node.username, password: node.password },
    caFile: node.caFile,
    index,
  });
}
