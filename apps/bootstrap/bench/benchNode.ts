/** The OpenSearch node a bench runs against. */
export interface BenchNode {
  url: string;
  username: string;
  password: string;
  caFile: string;
  stop(): Promise<void>;
}

/**
 * The node named by LOGLIFT_OPENSEARCH_URL/_USERNAME/_PASSWORD/_CA, else a fresh test node. The
 * test bed (a dev dependency) is loaded only when no node is named, so a named node needs no Java.
 */
export async function benchNode(env: NodeJS.ProcessEnv = process.env): Promise<BenchNode> {
  if (env.LOGLIFT_OPENSEARCH_URL) {
    return {
      url: env.LOGLIFT_OPENSEARCH_URL,
      username: env.LOGLIFT_OPENSEARCH_USERNAME ?? 'admin',
      password: env.LOGLIFT_OPENSEARCH_PASSWORD ?? '',
      caFile: env.LOGLIFT_OPENSEARCH_CA ?? '',
      stop: async () => undefined,
    };
  }
  const testbed = (await import('@loglift/opensearch-testbed')) as { startOpenSearch(): Promise<BenchNode> };
  return testbed.startOpenSearch();
}
