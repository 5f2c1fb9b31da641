import { liftRecord } from '@loglift/log-schema';

/** A small, varied set of log documents; `http.request.id` names each one (d1..d8). */
export const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const k8s = (namespace: string, pod: string, container = 'app', labels: Record<string, string> = {}) => ({
  namespace_name: namespace,
  pod_name: pod,
  container_name: container,
  host: 'node-1',
  labels,
});

/** What the pods logged, as records after Fluent Bit's kubernetes filter. */
const SEED_RECORDS: Record<string, unknown>[] = [
  {
    '@timestamp': at(1),
    stream: 'stdout',
    kubernetes: k8s('shop', 'api-7d9f-abc'),
    app: {
      level: 'info',
      message: 'user logged in',
      service: { name: 'api' },
      http: {
        request: { id: 'd1' },
        route: '/api/tasks',
        response: { status_code: 200 },
        server: { duration_ms: 12.5 },
      },
    },
  },
  {
    '@timestamp': at(2),
    stream: 'stdout',
    kubernetes: k8s('shop', 'api-7d9f-abc'),
    app: {
      level: 'error',
      message: 'connection refused by upstream',
      service: { name: 'api' },
      http: { request: { id: 'd2' }, response: { status_code: 502 } },
      error: { type: 'Error', code: 'ECONNREFUSED', stack_trace: 'Error: connect\n    at a.js:1\n    at b.js:2' },
    },
  },
  {
    '@timestamp': at(3),
    stream: 'stdout',
    kubernetes: k8s('shop', 'checkout-5c4-xyz'),
    app: {
      level: 'warn',
      message: 'slow request',
      service: { name: 'checkout' },
      http: { request: { id: 'd3' }, response: { status_code: 200 }, server: { duration_ms: 950 } },
    },
  },
  {
    '@timestamp': at(4),
    stream: 'stdout',
    kubernetes: k8s('payments', 'payments-1'),
    app: {
      level: 'error',
      message: 'payment declined',
      service: { name: 'checkout' },
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      http: { request: { id: 'd4' }, response: { status_code: 402 } },
    },
  },
  {
    '@timestamp': at(5),
    stream: 'stderr',
    kubernetes: k8s('batch', 'worker-0', 'worker'),
    app: {
      level: 'fatal',
      message: 'out of memory',
      service: { name: 'worker' },
      http: { request: { id: 'd5' } },
      log: { truncated: true },
    },
  },
  {
    '@timestamp': at(6),
    stream: 'stderr',
    kubernetes: k8s('ingress', 'nginx-1', 'nginx'),
    log: 'plain text line from nginx',
  },
  {
    '@timestamp': at(7),
    stream: 'stdout',
    kubernetes: k8s('shop', 'api-7d9f-def', 'app', { app: 'api', 'app_kubernetes_io/name': 'api' }),
    app: {
      level: 'debug',
      message: 'cache hit for key user:42',
      service: { name: 'api' },
      http: { request: { id: 'd7' } },
    },
  },
  {
    '@timestamp': at(8),
    stream: 'stdout',
    kubernetes: k8s('shop', 'api-7d9f-def'),
    app: {
      level: 'info',
      message: 'connection established',
      service: { name: 'api' },
      http: { request: { id: 'd8' } },
      order_id: 42,
      order: { ref: 'o-42' },
    },
  },
];

/** The stored documents: each record lifted as the pipeline does, with its `@timestamp`. */
export const SEED_DOCUMENTS: Record<string, unknown>[] = SEED_RECORDS.map((record) => {
  const { '@timestamp': timestamp, ...rest } = record as { '@timestamp': string };
  return { '@timestamp': timestamp, ...liftRecord(rest, Date.parse(timestamp)) };
});

/** Document names (d1..d8) of hits, d6 for the one plain-text line. */
export function names(hits: readonly { source: unknown }[]): string[] {
  return hits.map((hit) => {
    const source = hit.source as { http?: { request?: { id?: string } } };
    return source.http?.request?.id ?? 'd6';
  });
}
