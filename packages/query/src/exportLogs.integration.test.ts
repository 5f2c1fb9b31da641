import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLogs } from './exportLogs.js';
import type { LogClient } from './logClient.js';
import type { LogHit } from './logHit.js';
import { bulkCreate, createTestDataStream, type TestDataStream } from './testing/index.js';
import { testClient } from './testing/testClient.js';

let admin: LogClient;
let client: LogClient;
let stream: TestDataStream;
const TOTAL = 100_000;
const START = Date.parse('2024-06-01T00:00:00.000Z');

function* documents(): Generator<Record<string, unknown>> {
  for (let n = 0; n < TOTAL; n += 1) {
    // Only 997 distinct timestamps, so the tiebreak has to keep order among equal times.
    yield {
      '@timestamp': new Date(START + ((n * 7919) % 997) * 1000).toISOString(),
      kubernetes: { namespace_name: n % 10 === 0 ? 'tenth' : 'rest' },
      app: { level: 'info', message: `m${n}` },
    };
  }
}

beforeAll(async () => {
  admin = testClient('unused');
  stream = await createTestDataStream(admin, 'export', { refresh_interval: '-1' });
  await bulkCreate(admin, stream.name, documents());
  client = testClient(stream.name);
}, 240_000);

afterAll(async () => {
  await stream?.remove();
  await client?.close();
  await admin?.close();
});

async function openPits(): Promise<string[]> {
  const response = await client.request<{ pits?: { pit_id: string }[] }>({
    method: 'GET',
    path: '/_search/point_in_time/_all',
  });
  return (response.pits ?? []).map((pit) => pit.pit_id);
}

function checkOrder(hits: { id: string; time: number }[], direction: 1 | -1): void {
  for (let i = 1; i < hits.length; i += 1) {
    const previous = hits[i - 1] as { id: string; time: number };
    const current = hits[i] as { id: string; time: number };
    const ordered =
      (current.time - previous.time) * direction > 0 ||
      (current.time === previous.time && (direction === 1 ? current.id >= previous.id : current.id <= previous.id));
    if (!ordered) throw new Error(`out of order at ${i}: ${JSON.stringify([previous, current])}`);
  }
}

const brief = (hit: LogHit) => ({ id: hit.id, time: Date.parse(hit.timestamp) });

describe('exportLogs', () => {
  it('exports 100,000 documents exactly once, in order, and deletes the Point-in-Time', async () => {
    const before = await openPits();
    const hits: { id: string; time: number }[] = [];
    for await (const hit of exportLogs(client, { pageSize: 5000 })) hits.push(brief(hit));
    expect(hits.length).toBe(TOTAL);
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(TOTAL);
    checkOrder(hits, 1);
    expect(await openPits()).toEqual(before);
  });

  it('exports newest first with a filter', async () => {
    const hits: { id: string; time: number }[] = [];
    for await (const hit of exportLogs(client, { order: 'newest', filters: { namespace: 'tenth' }, pageSize: 3000 })) {
      hits.push(brief(hit));
    }
    expect(hits.length).toBe(TOTAL / 10);
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(TOTAL / 10);
    checkOrder(hits, -1);
  });

  it('deletes the Point-in-Time when aborted midway', async () => {
    const before = await openPits();
    const controller = new AbortController();
    let exported = 0;
    let openDuringExport: string[] = [];
    const run = async () => {
      for await (const _hit of exportLogs(client, { pageSize: 1000, signal: controller.signal })) {
        exported += 1;
        if (exported === 1) openDuringExport = await openPits();
        if (exported === 2500) controller.abort(new Error('stop'));
      }
    };
    await expect(run()).rejects.toThrow('stop');
    expect(openDuringExport.length).toBe(before.length + 1);
    expect(exported).toBe(2500);
    expect(await openPits()).toEqual(before);
  });

  it('deletes the Point-in-Time when the consumer stops early', async () => {
    const before = await openPits();
    let exported = 0;
    for await (const _hit of exportLogs(client, { pageSize: 1000 })) {
      exported += 1;
      if (exported === 1500) break;
    }
    expect(exported).toBe(1500);
    expect(await openPits()).toEqual(before);
  });
});
