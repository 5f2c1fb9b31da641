import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.js';
import { buildTestApp } from './testing/testApp.js';
import { TRAFFIC_ACTIONS } from './trafficActions.js';
import { runTraffic, type TrafficResult } from './trafficGenerator.js';

/** Small deterministic PRNG (mulberry32), so each run sends the same mix. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function serve(
  enableFaults: boolean,
): Promise<{ server: RunningServer; url: string; logs: ReturnType<typeof buildTestApp>['logs'] }> {
  const test = buildTestApp({ enableFaults, bodyLimit: '100kb' }, { started: false });
  const server = await startServer({
    app: test.app,
    port: 0,
    host: '127.0.0.1',
    logger: test.logs.logger,
    health: test.health,
    shutdownGraceMs: 1000,
  });
  return { server, url: `http://127.0.0.1:${server.port}`, logs: test.logs };
}

describe('runTraffic', () => {
  let withFaults: Awaited<ReturnType<typeof serve>>;
  let withoutFaults: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    withFaults = await serve(true);
    withoutFaults = await serve(false);
  });

  afterAll(async () => {
    await withFaults.server.shutdown('test');
    await withoutFaults.server.shutdown('test');
  });

  it('sends a mix of successful, 4xx, 5xx and slow requests that a healthy service answers as expected', async () => {
    const results: TrafficResult[] = [];
    // One request at a time, so each draw sees the tasks the earlier requests created and the
    // seeded mix is the same on every run, however fast the machine is. Seed 1 draws every
    // status below within 40 requests.
    const summary = await runTraffic({
      url: withFaults.url,
      durationMs: 60_000,
      count: 40,
      rate: 500,
      concurrency: 1,
      random: seeded(1),
      onResult: (result) => results.push(result),
    });
    expect(summary.unexpected).toBe(0);
    expect(summary.sent).toBe(40);
    expect(results).toHaveLength(40);
    const statuses = new Set(results.map((result) => result.status));
    for (const status of [200, 201, 204, 400, 404, 500]) expect(statuses).toContain(status);
    const slow = results.filter((result) => result.action === 'slow-list');
    expect(slow.length).toBeGreaterThan(0);
    expect(Math.min(...slow.map((result) => result.durationMs))).toBeGreaterThanOrEqual(290);
    expect(new Set(results.map((result) => result.requestId)).size).toBe(results.length);
    // Each request's lines carry the trace id its traceparent header named.
    for (const result of results) {
      const lines = withFaults.logs.lines.filter((line) => line.http?.request?.id === result.requestId);
      expect(lines.length, result.requestId).toBeGreaterThan(0);
      for (const line of lines) expect(line.trace_id).toBe(result.traceId);
    }
    // Bounded by the slow requests' sleeps (up to 1.5 s each), not by CPU.
  }, 60_000);

  it('drops the ticks that come while the concurrency cap is reached, instead of delaying them', async () => {
    const slowList = TRAFFIC_ACTIONS.filter((action) => action.name === 'slow-list');
    // Ten ticks in 100 ms; the first request sleeps at least 300 ms, so the other nine find the
    // single slot taken.
    const summary = await runTraffic({
      url: withFaults.url,
      durationMs: 100,
      rate: 100,
      concurrency: 1,
      actions: slowList,
      random: seeded(5),
    });
    expect(summary).toMatchObject({ sent: 1, dropped: 9, expected: 1, unexpected: 0 });
  });

  it('defines every action so that a healthy service answers it as expected', async () => {
    const created = await fetch(`${withFaults.url}/api/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'target' }),
    });
    const { id } = (await created.json()) as { id: string };
    const random = seeded(11);
    for (const action of TRAFFIC_ACTIONS) {
      const { method, path, body } = action.request({ random, taskId: id });
      const res = await fetch(`${withFaults.url}${path}`, {
        method,
        ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
      });
      await res.arrayBuffer();
      expect({ action: action.name, expected: action.expected.includes(res.status) }).toEqual({
        action: action.name,
        expected: true,
      });
    }
  });

  it('counts 404s from a service without ENABLE_FAULTS as unexpected', async () => {
    // Two actions answered 404 there: `fail` (a fault route, expected 500) and `get-missing`.
    const summary = await runTraffic({
      url: withoutFaults.url,
      durationMs: 60_000,
      count: 12,
      rate: 500,
      actions: TRAFFIC_ACTIONS.filter((action) => action.name === 'fail' || action.name === 'get-missing'),
      random: seeded(3),
    });
    const fails = summary.byAction.fail?.['404'] ?? 0;
    const missing = summary.byAction['get-missing']?.['404'] ?? 0;
    expect(fails).toBeGreaterThan(0);
    expect(missing).toBeGreaterThan(0);
    expect(fails + missing).toBe(12);
    expect(summary.unexpected).toBe(fails);
  });

  it('leaves out the fault actions when faults are off', async () => {
    const summary = await runTraffic({
      url: withoutFaults.url,
      durationMs: 60_000,
      count: 40,
      rate: 500,
      concurrency: 1,
      faults: false,
      random: seeded(3),
    });
    expect(summary.sent).toBe(40);
    expect(summary.unexpected).toBe(0);
    expect(Object.keys(summary.byAction)).not.toContain('fail');
    expect(Object.keys(summary.byAction)).not.toContain('slow-list');
  });

  it('reports network failures as unexpected', async () => {
    const summary = await runTraffic({
      url: 'http://127.0.0.1:9',
      durationMs: 60_000,
      count: 3,
      rate: 100,
      random: seeded(1),
    });
    expect(summary.sent).toBe(3);
    expect(summary.unexpected).toBe(3);
    expect(Object.values(summary.byAction).every((counts) => Object.keys(counts).join() === 'error')).toBe(true);
  });

  it('stops when aborted', async () => {
    const stop = new AbortController();
    // Aborted by the first answer: with one slot, no second request can have started.
    const summary = await runTraffic({
      url: withFaults.url,
      durationMs: 60_000,
      rate: 20,
      concurrency: 1,
      signal: stop.signal,
      onResult: () => stop.abort(),
    });
    expect(summary.sent).toBe(1);
  });

  it('rejects a count that is not a whole number above 0', async () => {
    await expect(runTraffic({ url: withFaults.url, durationMs: 100, rate: 1, count: 0 })).rejects.toThrow(
      /count must be a whole number above 0, got 0/,
    );
  });

  it('rejects a rate that is not positive', async () => {
    await expect(runTraffic({ url: withFaults.url, durationMs: 100, rate: 0 })).rejects.toThrow(/rate must be above 0/);
  });
});
