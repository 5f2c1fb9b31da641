import { setTimeout as sleep } from 'node:timers/promises';
import { follow } from '../src/follow.js';
import { bulkCreate, createTestDataStream } from '../src/testing/index.js';
import { type BenchNode, percentile } from './benchNode.js';

const LINES = 200;

/** Inserts LINES documents one by one (refresh 1 s, like a default index) and times each until follow yields it. */
export async function followLatency(
  node: BenchNode,
  settings: { delayMs: number; pollIntervalMs: number },
): Promise<{ p50: number; p99: number; count: number }> {
  const admin = node.client('unused');
  const stream = await createTestDataStream(admin, 'benchfollow', { refresh_interval: '1s' });
  const client = node.client(stream.name);
  const inserted = new Map<string, number>();
  const latencies: number[] = [];
  const controller = new AbortController();
  try {
    const reading = (async () => {
      for await (const hit of follow(client, { ...settings, since: '1m', signal: controller.signal })) {
        const message = String(hit.source.app?.message);
        const at = inserted.get(message);
        if (at !== undefined) latencies.push(performance.now() - at);
        if (latencies.length === LINES) controller.abort();
      }
    })();
    for (let n = 0; n < LINES; n += 1) {
      const message = `line ${n}`;
      inserted.set(message, performance.now());
      await bulkCreate(admin, stream.name, [{ '@timestamp': new Date().toISOString(), app: { message } }], {
        refresh: false,
      });
      await sleep(25);
    }
    const deadline = Date.now() + 30_000;
    while (latencies.length < LINES && Date.now() < deadline) await sleep(100);
    controller.abort();
    await reading;
  } finally {
    await client.close();
    await stream.remove();
    await admin.close();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), count: sorted.length };
}
