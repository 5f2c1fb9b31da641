import { inject } from 'vitest';
import type { OpenSearchConnection } from './providedContext.js';

/**
 * Inside an integration test: the node the global setup started, or the one it reused from
 * LOGLIFT_OPENSEARCH_* (the setup resolves both, so tests never read the environment themselves).
 */
export function testNode(): OpenSearchConnection {
  return inject('opensearch');
}
