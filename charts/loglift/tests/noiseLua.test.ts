import { describe, expect, it } from 'vitest';
import { type NoiseLine, type NoiseResult, renderedNoiseScript, runNoise } from './runNoiseLua.js';

const SEC = 1796119200;
const MARK = 'loglift_rate_limited';

/** A line of pod <pod> in <namespace>, container <container>, as the tail input tags it. */
function tag(namespace: string, container: string, pod = `${container}-7d9f-x2k4q`): string {
  return `kube.var.log.containers.${pod}_${namespace}_${container}-0123456789abcdef.log`;
}

/** An access-log line exactly as @loglift/logger's httpLogger writes it. */
function accessLine(path: string, status: number, userAgent: string): string {
  return JSON.stringify({
    time: '2026-12-01T10:00:00.123Z',
    level: status >= 500 ? 'error' : 'info',
    message: `GET ${path} ${status}`,
    service: { name: 'task-service', version: '1.4.0', environment: 'production' },
    http: {
      request: { id: 'req-1', method: 'GET' },
      response: { status_code: status, body: { size: 2 } },
      server: { duration_ms: 0.4 },
    },
    url: { path },
    user_agent: { original: userAgent },
    client: { address: '10.0.0.1' },
  });
}

function line(namespace: string, container: string, text: string, now = 1000): NoiseLine {
  const app = text.startsWith('{') ? { app: JSON.parse(text) as Record<string, unknown> } : { log: text };
  return {
    tag: tag(namespace, container),
    sec: SEC,
    nsec: 0,
    now,
    record: {
      time: '2026-12-01T10:00:00.000000000Z',
      stream: 'stdout',
      _p: 'F',
      ...app,
      kubernetes: { namespace_name: namespace, pod_name: `${container}-7d9f-x2k4q`, container_name: container },
    },
  };
}

function repeat(count: number, make: (index: number) => NoiseLine): NoiseLine[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

function tally(results: readonly NoiseResult[]) {
  const counts = { select: 0, probe: 0, shipped: 0, limited: {} as Record<string, number>, summaries: [] as unknown[] };
  for (const result of results) {
    if ('dropped' in result) {
      counts[result.dropped] += 1;
      continue;
    }
    for (const record of result.records) {
      const marked = record[MARK];
      if (typeof marked === 'string') counts.limited[marked] = (counts.limited[marked] ?? 0) + 1;
      else if ((record.loglift as { rate_limit?: unknown } | undefined)?.rate_limit) counts.summaries.push(record);
      else counts.shipped += 1;
    }
  }
  return counts;
}

describe('noise control on real lines (files/noise.lua as the ConfigMap ships it, under LuaJIT)', () => {
  it('drops excluded namespaces by name and glob and excluded containers, before any metadata', () => {
    const script = renderedNoiseScript({
      'fluentBit.config.noise.namespaces.exclude': ['kube-*', 'istio-system'],
      'fluentBit.config.noise.excludeContainers': ['istio-proxy', 'linkerd-*'],
    });
    const lines = [
      ...repeat(10, () => line('shop', 'api', 'order 42 placed')),
      ...repeat(7, () => line('kube-system', 'coredns', '[INFO] plugin/reload: Running configuration')),
      ...repeat(3, () => line('kube-public', 'probe', 'hello')),
      ...repeat(4, () => line('istio-system', 'pilot', 'push debounce stable')),
      ...repeat(5, () => line('shop', 'istio-proxy', '[2026-12-01T10:00:00.000Z] "GET /api HTTP/1.1" 200')),
      ...repeat(2, () => line('shop', 'linkerd-proxy', 'INFO ThreadId(01) linkerd2_proxy: ready')),
      ...repeat(6, () => line('kubernetes-dashboard', 'web', 'kept: kube-* is not kubernetes-*')),
    ];
    const counts = tally(runNoise(script, lines));
    expect(counts).toMatchObject({ select: 21, probe: 0, shipped: 16 });
  });

  it('ships only included namespaces, and exclude wins over include', () => {
    const script = renderedNoiseScript({
      'fluentBit.config.noise.namespaces.include': ['team-*', 'shop', 'ba?ch'],
      'fluentBit.config.noise.namespaces.exclude': ['team-legacy'],
    });
    const lines = [
      ...repeat(3, () => line('team-a', 'api', 'a')),
      ...repeat(4, () => line('team-legacy', 'api', 'b')),
      ...repeat(5, () => line('shop', 'api', 'c')),
      ...repeat(2, () => line('shop-staging', 'api', 'd')),
      ...repeat(1, () => line('batch', 'job', 'e')),
      ...repeat(6, () => line('default', 'web', 'f')),
    ];
    expect(tally(runNoise(script, lines))).toMatchObject({ select: 12, shipped: 9 });
  });

  it('drops successful probe request lines of the access log by default, keeps failing probes and other paths', () => {
    const script = renderedNoiseScript({});
    const lines = [
      ...repeat(5, () => line('shop', 'task-service', accessLine('/healthz', 200, 'kube-probe/1.37'))),
      ...repeat(2, () => line('shop', 'task-service', accessLine('/health/readiness', 503, 'kube-probe/1.37'))),
      ...repeat(3, () => line('shop', 'task-service', accessLine('/health/liveness', 204, 'kube-probe/1.37'))),
      ...repeat(4, () => line('shop', 'task-service', accessLine('/livez/ping', 200, 'curl/8.5.0'))),
      ...repeat(6, () => line('shop', 'task-service', accessLine('/api/tasks', 200, 'curl/8.5.0'))),
      ...repeat(1, () => line('shop', 'task-service', accessLine('/healthzcheck', 200, 'curl/8.5.0'))),
      ...repeat(2, () => line('shop', 'task-service', 'GET /healthz 200 (plain text, no typed path)')),
    ];
    expect(tally(runNoise(script, lines))).toMatchObject({ select: 0, probe: 12, shipped: 11 });
  });

  it('keeps probe lines when probes.drop is off', () => {
    const script = renderedNoiseScript({ 'fluentBit.config.noise.probes.drop': false });
    const lines = repeat(5, () => line('shop', 'task-service', accessLine('/healthz', 200, 'kube-probe/1.37')));
    expect(tally(runNoise(script, lines))).toMatchObject({ probe: 0, shipped: 5 });
  });

  it('limits each namespace on its own, marks exactly the lines over the limit and summarises them', () => {
    const script = renderedNoiseScript({
      'fluentBit.config.noise.rateLimit': {
        enabled: true,
        linesPerSecond: 10,
        burst: 20,
        summaryIntervalSeconds: 60,
        overrides: [{ namespaces: ['batch-*'], linesPerSecond: 1, burst: 2 }],
        metricsPort: 2021,
      },
    });
    const lines = [
      // A burst of 100 at t=1000: the bucket holds 20.
      ...repeat(100, (i) => line('shop', 'api', `order ${i} placed`, 1000)),
      // 3 s later: 30 tokens refilled, capped at the burst of 20.
      ...repeat(50, (i) => line('shop', 'api', `order ${i} shipped`, 1003)),
      // Another namespace has its own bucket.
      ...repeat(15, () => line('billing', 'worker', 'invoice sent', 1003)),
      // An override: burst 2, then 1 line a second.
      ...repeat(5, () => line('batch-nightly', 'job', 'row copied', 1010)),
      ...repeat(3, () => line('batch-nightly', 'job', 'row copied', 1012)),
      // After the interval: the line passes and the summaries ride along with it.
      line('billing', 'worker', 'invoice sent', 1061),
    ];
    const results = runNoise(script, lines);
    const counts = tally(results);
    expect(counts.shipped).toBe(20 + 20 + 15 + 2 + 2 + 1);
    expect(counts.limited).toEqual({ shop: 80 + 30, 'batch-nightly': 3 + 1 });
    expect(counts.summaries).toEqual([
      {
        time: '1970-01-01T00:17:41Z',
        level: 'warn',
        message: 'rate limit: dropped 4 lines of namespace batch-nightly in the last 61 s (limit 1 lines/s, burst 2)',
        kubernetes: { namespace_name: 'batch-nightly' },
        loglift: { rate_limit: { dropped: 4, interval_seconds: 61 } },
      },
      {
        time: '1970-01-01T00:17:41Z',
        level: 'warn',
        message: 'rate limit: dropped 110 lines of namespace shop in the last 61 s (limit 10 lines/s, burst 20)',
        kubernetes: { namespace_name: 'shop' },
        loglift: { rate_limit: { dropped: 110, interval_seconds: 61 } },
      },
    ]);
    // The summaries come out beside the line that was processed when the interval ended.
    const last = results.at(-1);
    expect(last && 'records' in last ? last.records.map((r) => r.message) : []).toEqual([
      'invoice sent',
      expect.stringContaining('batch-nightly'),
      expect.stringContaining('namespace shop'),
    ]);
  });

  it('sends no summary for an interval in which nothing was dropped', () => {
    const script = renderedNoiseScript({
      'fluentBit.config.noise.rateLimit': { enabled: true, linesPerSecond: 100, burst: 100 },
    });
    const lines = [line('shop', 'api', 'a', 1000), line('shop', 'api', 'b', 1100), line('shop', 'api', 'c', 1200)];
    expect(tally(runNoise(script, lines))).toMatchObject({ shipped: 3, limited: {}, summaries: [] });
  });

  it('keeps only the selected pod annotations', () => {
    const script = renderedNoiseScript({
      'fluentBit.config.kubernetes.annotations': true,
      'fluentBit.config.kubernetes.keepAnnotations': ['team.example.com/owner'],
    });
    const annotated = line('shop', 'api', 'x');
    (annotated.record.kubernetes as Record<string, unknown>).annotations = {
      'team.example.com/owner': 'payments',
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}',
    };
    const bare = line('shop', 'api', 'y');
    (bare.record.kubernetes as Record<string, unknown>).annotations = { 'prometheus.io/scrape': 'true' };
    const [first, second] = runNoise(script, [annotated, bare]);
    const kubernetesOf = (result: NoiseResult | undefined) =>
      result && 'records' in result ? result.records[0]?.kubernetes : undefined;
    expect(kubernetesOf(first)).toEqual({
      namespace_name: 'shop',
      pod_name: 'api-7d9f-x2k4q',
      container_name: 'api',
      annotations: { 'team.example.com/owner': 'payments' },
    });
    expect(kubernetesOf(second)).toEqual({ namespace_name: 'shop', pod_name: 'api-7d9f-x2k4q', container_name: 'api' });
  });
});
