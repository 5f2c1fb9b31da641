import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow } from './follow.js';
import type { LogClient } from './logClient.js';
import type { LogHit } from './logHit.js';
import { bulkCreate, createTestDataStream, type TestDataStream } from './testing/index.js';
import { testClient } from './testing/testClient.js';

let admin: LogClient;
let client: LogClient;
let stream: TestDataStream;

beforeAll(async () => {
  admin = testClient('unused');
  // Refresh every 200 ms; the test's skew plus this stays well inside follow's delay.
  stream = await createTestDataStream(admin, 'follow', { refresh_interval: '200ms' });
  client = testClient(stream.name);
});

afterAll(async () => {
  await stream?.remove();
  await client?.close();
  await admin?.close();
});

const TOTAL = 10_000;
const BATCHES = 40;
const MAX_SKEW_MS = 1500;

/** Writes TOTAL documents in batches over ~4 s, each stamped up to MAX_SKEW_MS in the past. */
async function writeSkewed(writer: LogClient): Promise<void> {
  let sequence = 0;
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const documents = Array.from({ length: TOTAL / BATCHES }, () => {
      sequence += 1;
      return {
        '@timestamp': new Date(Date.now() - Math.floor(Math.random() * MAX_SKEW_MS)).toISOString(),
        kubernetes: { namespace_name: 'follow', pod_name: 'writer-0' },
        app: { level: 'info', message: `line ${sequence}`, http: { request: { id: `f${sequence}` } } },
      };
    });
    await bulkCreate(writer, stream.name, documents, { refresh: false });
    await sleep(100);
  }
}

describe('follow', () => {
  it('prints every document written concurrently with skewed timestamps once, in order', async () => {
    const controller = new AbortController();
    const seen: LogHit[] = [];
    const reading = (async () => {
      for await (const hit of follow(client, {
        filters: { namespace: 'follow' },
        // From a minute back, so documents written before the first poll count too.
        since: '1m',
        pollIntervalMs: 250,
        delayMs: 4000,
        signal: controller.signal,
      })) {
        seen.push(hit);
      }
    })();
    const writer = testClient(stream.name);
    await writeSkewed(writer);
    await writer.close();
    const deadline = Date.now() + 30_000;
    while (seen.length < TOTAL && Date.now() < deadline) await sleep(200);
    // A few more polls: nothing may be printed twice after everything arrived.
    await sleep(1500);
    controller.abort();
    await reading;

    const ids = seen.map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.length).toBe(TOTAL);
    const times = seen.map((hit) => Date.parse(hit.timestamp));
    const outOfOrder = times.filter((time, i) => i > 0 && time < (times[i - 1] as number));
    expect(outOfOrder).toEqual([]);
  });

  it('starts with the last --tail documents and stops cleanly on abort', async () => {
    const base = Date.now() - 60_000;
    await bulkCreate(
      client,
      stream.name,
      [1, 2, 3, 4, 5].map((n) => ({
        '@timestamp': new Date(base + n).toISOString(),
        kubernetes: { namespace_name: 'tail' },
        app: { message: `old ${n}` },
      })),
    );
    const controller = new AbortController();
    const messages: string[] = [];
    for await (const hit of follow(client, {
      filters: { namespace: 'tail' },
      tail: 2,
      pollIntervalMs: 100,
      delayMs: 0,
      signal: controller.signal,
    })) {
      messages.push(String(hit.source.app?.message));
      if (messages.length === 2) setTimeout(() => controller.abort(), 500);
    }
    expect(messages).toEqual(['old 4', 'old 5']);
  });
});
