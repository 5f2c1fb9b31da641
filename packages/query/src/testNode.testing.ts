import { inject } from 'vitest';
import { createClient } from './createClient.js';
import type { LogClient } from './logClient.js';

/** What tools/opensearch's global setup provides (declared here: tests do not depend on that tool's build). */
export interface TestNode {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly caFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    opensearch: { url: string; username: string; password: string; caFile: string; version: string };
  }
}

/** The shared test node: from the global setup, or from LOGLIFT_OPENSEARCH_* when set. */
export function testNode(): TestNode {
  const env = process.env;
  if (env.LOGLIFT_OPENSEARCH_URL) {
    return {
      url: env.LOGLIFT_OPENSEARCH_URL,
      username: env.LOGLIFT_OPENSEARCH_USERNAME ?? 'admin',
      password: env.LOGLIFT_OPENSEARCH_PASSWORD ?? '',
      caFile: env.LOGLIFT_OPENSEARCH_CA ?? '',
    };
  }
  return inject('opensearch');
}

export function testClient(index: string): LogClient {
  const node = testNode();
  return createClient({
    url: node.url,
    auth: { type: 'basic', username: node.username, password: node.password },
    caFile: node.caFile,
    index,
  });
}
