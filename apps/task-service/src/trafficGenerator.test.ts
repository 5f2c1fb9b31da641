import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.js';
import { buildTestApp } from './testApp.testing.js';
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
    const summary = await runTraffic({
      url: withFaults.url,
      durationMs: 1200,
      rate: 100,
      random: seeded(7),
      onResult: (result) => results.push(result),
    });
    expect(summary.unexpected).toBe(0);
    expect(summary.sent).toBe(results.length);
    // One tick every 10 ms for 1.2 s; ticks beyond the concurrency cap are dropped, not delayed.
    expect(summary.sent + summary.dropped).toBe(120);
    expect(summary.sent).toBeGreaterThanOrEqual(30);
    const statuses = new Set(results.map((result) => result.status));
    for (const status of [200, 201, 400, 404, 500]) expect(statuses).toContain(status);
    const slow = results.filter((result) => result.action === 'slow-list');
    expect(Math.min(...slow.map((result) => result.durationMs))).toBeGreaterThanOrEqual(290);
    expect(new Set(results.map((result) => result.requestId)).size).toBe(results.length);
    // Each request's lines carry the trace id its traceparent header named.
    const answered = results.filter((result) => result.status !== undefined);
    for (const result of answered) {
      const lines = withFaults.logs.lines.filter((line) => line.http?.request?.id === result.requestId);
      expect(lines.length, result.requestId).toBeGreaterThan(0);
      for (const line of lines) expect(line.trace_id).toBe(result.traceId);
    }
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
    const summary = await runTraffic({ url: withoutFaults.url, durationMs: 600, rate: 100, random: seeded(3) });
    expect(summary.byAction.fail).toEqual({ '404': expect.any(Number) });
    expect(summary.unexpected).toBe(summary.byAction.fail?.['404']);
  });

  it('leaves out the fault actions when faults are off', async () => {
    const summary = await runTraffic({
      url: withoutFaults.url,
      durationMs: 500,
      rate: 100,
      faults: false,
      random: seeded(3),
    });
    expect(summary.unexpected).toBe(0);
    expect(Object.keys(summary.byAction)).not.toContain('fail');
    expect(Object.keys(summary.byAction)).not.toContain('slow-list');
  });

  it('reports network failures as unexpected', async () => {
    const summary = await runTraffic({ url: 'http://127.0.0.1:9', durationMs: 100, rate: 20, random: seeded(1) });
    expect(summary.sent).toBeGreaterThan(0);
    expect(summary.unexpected).toBe(summary.sent);
    expect(Object.values(summary.byAction).every((counts) => Object.keys(counts).join() === 'error')).toBe(true);
  });

  it('stops early when aborted', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const summary = await runTraffic({ url: withFaults.url, durationMs: 60_000, rate: 20, signal: stop.signal });
    expect(summary.elapsedMs).toBeLessThan(3000);
  });

  it('rejects a rate that is not positive', async () => {
    await expect(runTraffic({ url: withFaults.url, durationMs: 100, rate: 0 })).rejects.toThrow(/rate must be above 0/);
  });
});
