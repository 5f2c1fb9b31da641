/**
 * The lift's case table: records as they leave Fluent Bit's kubernetes filter, and the documents
 * that must be stored for them. Every implementation of the lift (TypeScript in this package, the
 * Lua filter the chart ships) runs this same table. Logger lines are real output of each library
 * (see loggerSamples.ts for where each comes from); expected documents are written by hand.
 */
import { LOGGER_SAMPLES } from './loggerSamples.js';
import { workloadCases } from './workloadCases.js';

type Json = Record<string, unknown>;

export interface LiftCase {
  readonly name: string;
  /** The record after the kubernetes filter (CRI `time`/`stream`/`_p`, `app` or `log`, `kubernetes`). */
  readonly record: Json;
  /** The stored document, without `@timestamp` (the output adds it). `app` defaults to the record's. */
  readonly expected: Json;
}

/** The record's own time (the runtime's), used when the app logged none. */
export const RECORD_MILLIS = Date.UTC(2026, 11, 1, 10, 0, 0, 500);
const RECORD_TIME = '2026-12-01T10:00:00.500Z';
const CRI = { time: '2026-12-01T10:00:00.500123456Z', stream: 'stdout', _p: 'F' };
const POD = { namespace_name: 'shop', pod_name: 'api-7d9f-x2k4q', container_name: 'api', host: 'node-1' };
const KUBE_PROXY = {
  namespace_name: 'kube-system',
  pod_name: 'kube-proxy-x2k4q',
  container_name: 'kube-proxy',
  labels: { 'k8s-app': 'kube-proxy' },
};

function json(line: string, extra: Json = {}): Json {
  return { ...CRI, app: JSON.parse(line) as Json, kubernetes: POD, ...extra };
}
function text(line: string, stream = 'stdout'): Json {
  return { ...CRI, stream, log: line, kubernetes: POD };
}
/** What every pod document carries besides the lifted fields. */
function pod(stream = 'stdout'): Json {
  return { stream, kubernetes: POD };
}
const containerService = { name: 'api', name_source: 'container' };

export const liftCases: readonly LiftCase[] = [
  {
    name: 'pino: numeric level, epoch-millisecond time, msg',
    record: json(LOGGER_SAMPLES.pino),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'info',
      message: 'listening',
      service: containerService,
    },
  },
  {
    name: 'pino: err object with type, message and stack',
    record: json(LOGGER_SAMPLES.pinoError),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'payment failed',
      error: {
        type: 'Error',
        message: 'card declined',
        stack_trace: 'Error: card declined\n    at charge (/app/pay.js:3:9)',
      },
      service: containerService,
    },
  },
  {
    name: 'pino-http: req, res and responseTime',
    record: json(LOGGER_SAMPLES.pinoHttp),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'info',
      message: 'request completed',
      http: { request: { id: '1', method: 'GET' }, response: { status_code: 200 }, server: { duration_ms: 4 } },
      url: { path: '/api/tasks' },
      user_agent: { original: 'curl/8.5.0' },
      client: { address: '::ffff:127.0.0.1' },
      service: containerService,
    },
  },
  {
    name: 'bunyan: numeric level and ISO time',
    record: json(LOGGER_SAMPLES.bunyan),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'warn',
      message: 'slow query',
      service: containerService,
    },
  },
  {
    name: 'winston: level word, timestamp and a service string from defaultMeta',
    record: json(LOGGER_SAMPLES.winston),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'payment failed',
      service: { name: 'payments', name_source: 'app' },
    },
  },
  {
    name: 'zap: ts in epoch seconds, error string and stacktrace',
    record: json(LOGGER_SAMPLES.zap),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'request failed',
      error: {
        message: 'dial tcp 10.0.0.7:5432: i/o timeout',
        stack_trace: 'main.handle\n\t/app/main.go:42\nmain.main\n\t/app/main.go:20',
      },
      service: containerService,
    },
  },
  {
    name: 'logrus: warning and RFC 3339 time',
    record: json(LOGGER_SAMPLES.logrus),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.000Z',
      level: 'warn',
      message: 'disk almost full',
      service: containerService,
    },
  },
  {
    name: 'zerolog: error field and an offset time',
    record: json(LOGGER_SAMPLES.zerolog),
    expected: {
      ...pod(),
      time: '2026-12-01T09:00:00.000Z',
      level: 'error',
      message: 'cannot reach database',
      error: { message: 'connection refused' },
      service: containerService,
    },
  },
  {
    name: 'Go slog: upper-case level and nanosecond time',
    record: json(LOGGER_SAMPLES.slog),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'warn',
      message: 'retrying',
      service: containerService,
    },
  },
  {
    name: 'structlog: event is the message',
    record: json(LOGGER_SAMPLES.structlog),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'info',
      message: 'user logged in',
      service: containerService,
    },
  },
  {
    name: 'python-json-logger: levelname, asctime with a comma and exc_info',
    record: json(LOGGER_SAMPLES.pythonJsonLogger),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'checkout failed',
      error: {
        stack_trace:
          'Traceback (most recent call last):\n  File "/app/shop.py", line 12, in checkout\n    total = price / qty\nZeroDivisionError: division by zero',
      },
      service: containerService,
    },
  },
  {
    name: 'logstash-logback-encoder: @timestamp, level and stack_trace',
    record: json(LOGGER_SAMPLES.logstashLogback),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'Request failed',
      error: { stack_trace: 'java.lang.IllegalStateException: boom\n\tat com.example.Api.handle(Api.java:42)' },
      service: containerService,
    },
  },
  {
    name: 'ECS (log4j2 EcsLayout): dotted keys log.level and error.*',
    record: json(LOGGER_SAMPLES.ecsLog4j2),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'Failed to process order',
      service: { name: 'orders', name_source: 'app' },
      error: {
        type: 'java.lang.RuntimeException',
        message: 'boom',
        stack_trace: 'java.lang.RuntimeException: boom\n\tat com.example.App.main(App.java:5)',
      },
    },
  },
  {
    name: 'OpenTelemetry JSON: severity_text, body, ids and resource service.name',
    record: json(LOGGER_SAMPLES.otel),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'warn',
      message: 'cache miss',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      service: { name: 'cart', name_source: 'app' },
    },
  },
  {
    name: 'OpenTelemetry JSON: only severity_number and time_unix_nano',
    record: json('{"time_unix_nano":1796119200123456789,"severity_number":17,"body":"quota exceeded"}'),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'quota exceeded',
      service: containerService,
    },
  },
  {
    name: 'Serilog CLEF: no @l means Information, @mt is the message',
    record: json(LOGGER_SAMPLES.serilog),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'info',
      message: 'Processed {Count} items',
      service: containerService,
    },
  },
  {
    name: 'Serilog CLEF: @l and @x',
    record: json(LOGGER_SAMPLES.serilogError),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'error',
      message: 'Order {OrderId} failed',
      error: {
        stack_trace: 'System.InvalidOperationException: boom\n   at Shop.Orders.Place() in /src/Orders.cs:line 12',
      },
      service: containerService,
    },
  },
  {
    name: '.NET JSON console: LogLevel, Message and Exception',
    record: json(LOGGER_SAMPLES.dotnetConsole),
    expected: {
      ...pod(),
      time: RECORD_TIME,
      level: 'error',
      message: 'Work failed',
      error: { stack_trace: 'System.Exception: boom\n   at App.Worker.Run() in /src/Worker.cs:line 12' },
      service: containerService,
    },
  },
  {
    name: '@loglift/logger: the contract fields as written',
    record: json(LOGGER_SAMPLES.loglift),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'info',
      message: 'request completed',
      service: { name: 'task-service', version: '1.4.0', environment: 'production', name_source: 'app' },
      k8s: { pod: { name: 'api-7d9f-x2k4q' }, namespace: { name: 'shop' } },
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      trace_flags: '01',
      http: {
        request: { id: 'req-1', method: 'POST' },
        route: '/api/tasks/:id',
        response: { status_code: 201, body: { size: 57 } },
        server: { duration_ms: 12.5 },
      },
      url: { path: '/api/tasks/42' },
      user_agent: { original: 'curl/8.5.0' },
      client: { address: '10.0.0.9' },
    },
  },
  {
    name: '@loglift/logger: a truncated line keeps its marker, typed under loglift',
    record: json(
      '{"time":"2026-12-01T10:00:00.123Z","level":"warn","message":"huge","log":{"truncated":true,"original_size":40960}}',
    ),
    expected: {
      ...pod(),
      time: '2026-12-01T10:00:00.123Z',
      level: 'warn',
      message: 'huge',
      loglift: { truncated: true, original_size: 40960 },
      service: containerService,
    },
  },
  {
    name: 'klog text: the letter is the level',
    record: text(LOGGER_SAMPLES.klog, 'stderr'),
    expected: {
      ...pod('stderr'),
      time: RECORD_TIME,
      message: LOGGER_SAMPLES.klog,
      level: 'error',
      service: containerService,
    },
  },
  ...[
    ['ERROR something broke', 'error'],
    ['[WARN] disk 91% full', 'warn'],
    ['2026-12-01 10:00:00,123 INFO  [main] c.e.App - started', 'info'],
    ['2026/12/01 10:00:00 [error] 7#7: *1 open() failed', 'error'],
    ['level=warn msg="slow request" duration=2.1s', 'warn'],
    ['ts=2026-12-01T10:00:00Z lvl=debug msg=tick', 'debug'],
    ['ERROR:root:could not connect', 'error'],
    ['Info: starting worker', 'info'],
    ['I1201 10:00:00.000000 1 server.go:12] serving', 'info'],
  ].map(
    ([line, level]): LiftCase => ({
      name: `plain text level: ${line}`,
      record: text(line as string),
      expected: { ...pod(), time: RECORD_TIME, message: line, level, service: containerService },
    }),
  ),
  ...['error reading config, using defaults', 'Starting server on :8080', 'INFORMATIVE banner', 'info'].map(
    (line): LiftCase => ({
      name: `plain text without a level: ${line}`,
      record: text(line),
      expected: { ...pod(), time: RECORD_TIME, message: line, service: containerService },
    }),
  ),
  {
    name: 'raw Node.js stack trace on stderr is an error',
    record: text(LOGGER_SAMPLES.nodeTrace, 'stderr'),
    expected: {
      ...pod('stderr'),
      time: RECORD_TIME,
      message: LOGGER_SAMPLES.nodeTrace,
      level: 'error',
      error: {
        type: 'TypeError',
        message: "Cannot read properties of undefined (reading 'id')",
        stack_trace: LOGGER_SAMPLES.nodeTrace,
      },
      service: containerService,
    },
  },
  {
    name: 'raw Java exception with Caused by is an error',
    record: text(LOGGER_SAMPLES.javaTrace, 'stderr'),
    expected: {
      ...pod('stderr'),
      time: RECORD_TIME,
      message: LOGGER_SAMPLES.javaTrace,
      level: 'error',
      error: { stack_trace: LOGGER_SAMPLES.javaTrace },
      service: containerService,
    },
  },
  {
    name: 'raw Python traceback is an error',
    record: text(LOGGER_SAMPLES.pythonTrace, 'stderr'),
    expected: {
      ...pod('stderr'),
      time: RECORD_TIME,
      message: LOGGER_SAMPLES.pythonTrace,
      level: 'error',
      error: { stack_trace: LOGGER_SAMPLES.pythonTrace },
      service: containerService,
    },
  },
  {
    name: 'raw Go panic is an error',
    record: text(LOGGER_SAMPLES.goPanic, 'stderr'),
    expected: {
      ...pod('stderr'),
      time: RECORD_TIME,
      message: LOGGER_SAMPLES.goPanic,
      level: 'error',
      error: { stack_trace: LOGGER_SAMPLES.goPanic },
      service: containerService,
    },
  },
  {
    name: 'values of the wrong type are not lifted and stay under app',
    record: json(
      '{"level":{"VALUE":30},"message":["a","b"],"status":"OK","http":{"response":{"status_code":"abc"}},"trace_id":true,"time":"yesterday","responseTime":"fast","method":"/pkg.Svc/Call"}',
    ),
    expected: { ...pod(), time: RECORD_TIME, service: containerService },
  },
  {
    name: 'numbers given as digit strings, an integer request id and a lower-case method are typed',
    record: json(
      '{"level":"50","msg":"x","statusCode":"503","request_id":17,"method":"post","duration_ms":"250.5","url":"https://shop.example.com/cart/items?id=1#top"}',
    ),
    expected: {
      ...pod(),
      time: RECORD_TIME,
      level: 'error',
      message: 'x',
      http: { request: { id: '17', method: 'POST' }, response: { status_code: 503 }, server: { duration_ms: 250.5 } },
      url: { path: '/cart/items' },
      service: containerService,
    },
  },
  {
    name: 'the contract path wins over aliases; an out-of-range status is skipped for the next alias',
    record: json('{"level":"warn","severity":"error","status":1,"statusCode":404,"message":"m","msg":"n"}'),
    expected: {
      ...pod(),
      time: RECORD_TIME,
      level: 'warn',
      message: 'm',
      http: { response: { status_code: 404 } },
      service: containerService,
    },
  },
  {
    name: 'hostile shapes are kept whole under app',
    record: json(
      '{"msg":"hostile","a":{"b":{"c":{"d":{"e":{"f":1}}}}},"":"empty key","a.b":"dotted","x..y":1,"mixed":[1,"two",{"three":3},null,[4]],"nothing":null,"e":{"":{".":"dots"}}}',
    ),
    expected: { ...pod(), time: RECORD_TIME, message: 'hostile', service: containerService },
  },
  {
    name: 'a value too long to index is set aside, whole, in loglift.oversize',
    record: json(JSON.stringify({ msg: 'big', payload: { sql: 'x'.repeat(33000) }, keep: 'y' })),
    expected: {
      ...pod(),
      time: RECORD_TIME,
      message: 'big',
      app: { msg: 'big', payload: {}, keep: 'y' },
      loglift: { oversize: { 'payload.sql': 'x'.repeat(33000) }, oversize_fields: ['payload.sql'] },
      service: containerService,
    },
  },
  {
    name: 'a key too long to index is set aside with its value',
    record: json(JSON.stringify({ msg: 'k', ['k'.repeat(32000)]: 'v' })),
    expected: {
      ...pod(),
      time: RECORD_TIME,
      message: 'k',
      app: { msg: 'k' },
      loglift: { oversize: { ['k'.repeat(32000)]: 'v' }, oversize_fields: ['k'.repeat(32000)] },
      service: containerService,
    },
  },
  {
    name: 'the service name comes from app.kubernetes.io/name, and workload labels are typed',
    record: json('{"msg":"x"}', {
      kubernetes: {
        ...POD,
        labels: {
          'app.kubernetes.io/name': 'checkout',
          'app.kubernetes.io/part-of': 'shop',
          app: 'legacy',
          'pod-template-hash': '7d9f',
        },
      },
    }),
    expected: {
      stream: 'stdout',
      kubernetes: {
        ...POD,
        labels: {
          'app.kubernetes.io/name': 'checkout',
          'app.kubernetes.io/part-of': 'shop',
          app: 'legacy',
          'pod-template-hash': '7d9f',
        },
      },
      time: RECORD_TIME,
      message: 'x',
      labels: { app_kubernetes_io_name: 'checkout', app_kubernetes_io_part_of: 'shop', app: 'legacy' },
      service: { name: 'checkout', name_source: 'label:app.kubernetes.io/name' },
    },
  },
  {
    name: 'the service name comes from the k8s-app label (kube-system style)',
    record: { ...text('I1201 10:00:00.000000 1 proxier.go:1] synced', 'stderr'), kubernetes: KUBE_PROXY },
    expected: {
      stream: 'stderr',
      kubernetes: KUBE_PROXY,
      time: RECORD_TIME,
      message: 'I1201 10:00:00.000000 1 proxier.go:1] synced',
      level: 'info',
      labels: { k8s_app: 'kube-proxy' },
      service: { name: 'kube-proxy', name_source: 'label:k8s-app' },
    },
  },
  {
    name: 'labels given with dots replaced (app_kubernetes_io/name) are read too',
    record: {
      ...CRI,
      app: { msg: 'x' },
      kubernetes: { ...POD, labels: { 'app_kubernetes_io/name': 'web', 'k8s-app': 'dns' } },
    },
    expected: {
      stream: 'stdout',
      kubernetes: { ...POD, labels: { 'app_kubernetes_io/name': 'web', 'k8s-app': 'dns' } },
      time: RECORD_TIME,
      message: 'x',
      labels: { app_kubernetes_io_name: 'web', k8s_app: 'dns' },
      service: { name: 'web', name_source: 'label:app.kubernetes.io/name' },
    },
  },
  {
    name: 'a record outside Kubernetes with no service anywhere has no service.name',
    record: { app: { msg: 'local' } },
    expected: { time: RECORD_TIME, message: 'local' },
  },
  {
    name: 'root keys another filter added that collide with lifted names move under app',
    record: { ...CRI, app: { msg: 'x', level: 'info' }, kubernetes: POD, level: 'custom', cluster: 'prod-eu' },
    expected: {
      ...pod(),
      cluster: 'prod-eu',
      app: { msg: 'x', level: 'info', 'root.level': 'custom' },
      time: RECORD_TIME,
      level: 'info',
      message: 'x',
      service: containerService,
    },
  },
  ...workloadCases,
];

/** The full expected document of a case (its `app` filled in from the record when not spelled out). */
export function expectedDocument(liftCase: LiftCase): Json {
  if ('app' in liftCase.expected || !('app' in liftCase.record)) return liftCase.expected;
  return { ...liftCase.expected, app: liftCase.record.app };
}
