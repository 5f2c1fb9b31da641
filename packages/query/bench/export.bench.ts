import { exportLogs } from '../src/exportLogs.js';
import type { LogClient } from '../src/logClient.js';
import { bulkCreate, createTestDataStream } from '../src/testing/index.js';
import { benchNode, rssProbe } from './benchNode.js';
import { followLatency } from './followLatency.js';

const TOTAL = Number(process.env.LOGLIFT_BENCH_DOCS ?? 1_000_000);
const PAGE = 5000;

function* documents(): Generator<Record<string, unknown>> {
  const start = Date.parse('2024-06-01T00:00:00.000Z');
  for (let n = 0; n < TOTAL; n += 1) {
    yield {
      '@timestamp': new Date(start + n * 37).toISOString(),
      stream: 'stdout',
      kubernetes: { namespace_name: `ns-${n % 7}`, pod_name: `api-${n % 13}`, container_name: 'app' },
      app: { level: n % 50 === 0 ? 'error' : 'info', message: `request ${n} handled`, service: { name: 'api' } },
    };
  }
}

/** What an application would write by hand: PIT + search_after, counting hits, nothing else. */
async function rawLoop(client: LogClient): Promise<number> {
  const os = client.opensearch;
  const pit = (await os.createPit({ index: client.index, keep_alive: '5m' })).body.pit_id as string;
  let after: unknown[] | undefined;
  let seen = 0;
  try {
    for (;;) {
      const response = await os.search({
        body: {
          size: PAGE,
          sort: [{ '@timestamp': 'asc' }, { _id: 'asc' }],
          pit: { id: pit, keep_alive: '5m' },
          track_total_hits: false,
          ...(after ? { search_after: after } : {}),
        },
      } as never);
      const hits = (response.body as { hits: { hits: { sort: unknown[] }[] } }).hits.hits;
      seen += hits.length;
      if (hits.length < PAGE) return seen;
      after = hits.at(-1)?.sort;
    }
  } finally {
    await os.deletePit({ body: { pit_id: [pit] } } as never);
  }
}

async function library(client: LogClient): Promise<number> {
  let seen = 0;
  for await (const _hit of exportLogs(client, { pageSize: PAGE })) seen += 1;
  return seen;
}

async function measure(name: string, run: () => Promise<number>): Promise<{ rate: number; rssMb: number }> {
  const probe = rssProbe();
  const started = performance.now();
  const count = await run();
  const seconds = (performance.now() - started) / 1000;
  probe.stop();
  if (count !== TOTAL) throw new Error(`${name} saw ${count} documents, expected ${TOTAL}`);
  return { rate: count / seconds, rssMb: probe.peakGrowthMb() };
}

const node = await benchNode();
const admin = node.client('unused');
const stream = await createTestDataStream(admin, 'bench', { refresh_interval: '-1' });
try {
  const seedStart = performance.now();
  await bulkCreate(admin, stream.name, documents());
  await admin.request({ method: 'POST', path: `/${stream.name}/_forcemerge`, querystring: { max_num_segments: 1 } });
  console.log(`seeded ${TOTAL} documents in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const client = node.client(stream.name);
  // Warm up caches (fielddata for the _id tiebreak) so neither side pays for it alone.
  await measure('warm-up', () => rawLoop(client));
  const results = { raw: [] as { rate: number; rssMb: number }[], library: [] as { rate: number; rssMb: number }[] };
  for (let round = 0; round < 2; round += 1) {
    results.raw.push(await measure('raw', () => rawLoop(client)));
    results.library.push(await measure('exportLogs', () => library(client)));
  }
  const best = (list: { rate: number }[]) => Math.max(...list.map((r) => r.rate));
  const rss = (list: { rssMb: number }[]) => Math.max(...list.map((r) => r.rssMb));
  console.log('\nexport of %d documents (best of 2)', TOTAL);
  console.log(
    '  raw search_after loop : %s docs/s, peak RSS growth %s MB',
    best(results.raw).toFixed(0),
    rss(results.raw).toFixed(1),
  );
  console.log(
    '  exportLogs            : %s docs/s, peak RSS growth %s MB',
    best(results.library).toFixed(0),
    rss(results.library).toFixed(1),
  );
  console.log(
    '  ratio exportLogs/raw  : %sx (target >= 0.9x; RSS target < 100 MB)',
    (best(results.library) / best(results.raw)).toFixed(2),
  );
  await client.close();

  console.log('');
  for (const settings of [
    { delayMs: 3000, pollIntervalMs: 1000, label: 'defaults (delay 3000 ms, poll 1000 ms)' },
    { delayMs: 500, pollIntervalMs: 200, label: 'low latency (delay 500 ms, poll 200 ms)' },
  ]) {
    const latency = await followLatency(node, settings);
    console.log(
      'follow latency insert -> line, %s: p50 %d ms, p99 %d ms over %d lines',
      settings.label,
      latency.p50,
      latency.p99,
      latency.count,
    );
  }
} finally {
  await stream.remove();
  await admin.close();
  await node.stop();
}
