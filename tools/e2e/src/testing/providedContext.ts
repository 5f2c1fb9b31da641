/** What tools/opensearch's vitest global setup provides as `inject('opensearch')`. */
export interface ProvidedOpenSearch {
  url: string;
  username: string;
  password: string;
  caFile: string;
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    opensearch: ProvidedOpenSearch;
  }
}
