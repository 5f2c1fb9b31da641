import type { OpenSearchConnection } from './openSearchConnection.js';

export type { OpenSearchConnection };

/**
 * What the vitest global setup hands to integration tests through
 * `inject('opensearch')`. Importing this module (even type-only) brings the
 * `ProvidedContext` typing into a compilation.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    opensearch: OpenSearchConnection;
  }
}
