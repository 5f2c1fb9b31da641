/**
 * What the vitest global setup hands to integration tests through
 * `inject('opensearch')`. Importing this module (even type-only) brings the
 * `ProvidedContext` typing into a compilation.
 */
export interface OpenSearchConnection {
  /** e.g. https://127.0.0.1:PORT */
  url: string;
  username: string;
  password: string;
  /** PEM file of the CA for `url`; empty when the system CAs (or plain http) are used */
  caFile: string;
  /** e.g. "2.19.4" */
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    opensearch: OpenSearchConnection;
  }
}
