import { createClient } from '../src/createClient.js';
import type { LogClient } from '../src/logClient.js';

type StartOpenSearch = (options: { heap?: string }) => Promise<{
  url: string;
  username: string;
  password: string;
  caFile: string;
  stop: () => Promise<void>;
}>;

export interface BenchNode {
  readonly client: (index: string) => LogClient;
  readonly stop: () => Promise<void>;
}

/** The node named by LOGLIFT_OPENSEARCH_* or a fresh test node, stopped at the end. */
export async function benchNode(): Promise<BenchNode> {
  const env = process.env;
  let connection = env.LOGLIFT_OPENSEARCH_URL
    ? {
        url: env.LOGLIFT_OPENSEARCH_URL,
        username: env.LOGLIFT_OPENSEARCH_USERNAME ?? 'admin',
        password: env.LOGLIFT_OPENSEARCH_PASSWORD ?? '',
        caFile: env.LOGLIFT_OPENSEARCH_CA ?? '',
      }
    : undefined;
  let stop = async () => {};
  if (!connection) {
    // Loaded by path at run time: the test bed is a tool, not a build dependency of this package.
    const testBed = new URL(
      ['..', '..', '..', 'tools', 'opensearch', 'src', 'startOpenSearch.ts'].join('/'),
      import.meta.url,
    );
    const { startOpenSearch } = (await import(testBed.href)) as { startOpenSearch: StartOpenSearch };
    const node = await startOpenSearch({ heap: '2g' });
    connection = node;
    stop = () => node.stop();
  }
  const { url, username, password, caFile } = connection;
  return {
    client: (index) =>
      createClient({
        url,
        auth: { type: 'basic', username, password },
        ...(caFile ? { caFile } : {}),
        index,
        requestTimeoutMs: 120_000,
      }),
    stop,
  };
}

/** Samples RSS every 20 ms; `peakGrowth()` is the highest RSS seen minus RSS at start, in MB. */
export function rssProbe(): { peakGrowthMb: () => number; stop: () => void } {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    peakGrowthMb: () => (Math.max(peak, process.memoryUsage.rss()) - start) / 1024 / 1024,
    stop: () => clearInterval(timer),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
