// Lines per second written to /dev/null by @loglift/logger, raw pino with equivalent options,
// winston (JSON) and bunyan. Run with `nx run @loglift/logger:bench`; prints a table, asserts nothing.
import { closeSync, openSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger, runWithLogContext } from '@loglift/logger';
import bunyan from 'bunyan';
import { pino } from 'pino';
import winston from 'winston';

const MEASURE_MS = Number(process.env.BENCH_MS ?? 1_000);
const WARMUP_MS = Math.min(200, MEASURE_MS / 5);
const fd = openSync('/dev/null', 'w');

// Every library writes synchronously to the same file descriptor, so only formatting differs.
const syncNull = () =>
  new Writable({
    write(chunk, _encoding, callback) {
      writeSync(fd, chunk);
      callback();
    },
  });
const pinoNull = () => pino.destination({ dest: '/dev/null', sync: true });

const service = { name: 'bench', version: '1.0.0', environment: 'bench' };
const objectLine = { user: { id: 42, name: 'ann' }, items: 3, tags: ['a', 'b'], order: { id: 'o-1', total: 12.5 } };
const requestIds = {
  requestId: '6f1c2f3e-8a1b-4c55-9d7e-2b0f4a3c1d9e',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: '01',
};
const requestBindings = {
  http: { request: { id: requestIds.requestId } },
  trace_id: requestIds.traceId,
  span_id: requestIds.spanId,
  trace_flags: requestIds.traceFlags,
};

interface Subject {
  plain(): void;
  object(): void;
  /** One line while handling a request (the request scope is entered once per round). */
  request(): void;
  /** Runs a round inside this library's request scope. */
  inRequest?: (run: () => void) => void;
}

const loglift = createLogger({ service, level: 'info', handleExit: false, env: {}, destination: pinoNull() });
const raw = pino(
  {
    level: 'info',
    messageKey: 'message',
    errorKey: 'error',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  pinoNull(),
);
const rawRequest = raw.child(requestBindings);
const win = winston.createLogger({
  level: 'info',
  defaultMeta: { service },
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Stream({ stream: syncNull() })],
});
const winRequest = win.child(requestBindings);
const bun = bunyan.createLogger({ name: 'bench', service, streams: [{ level: 'info', stream: syncNull() }] });
const bunRequest = bun.child(requestBindings);

const subjects: Record<string, Subject> = {
  '@loglift/logger': {
    plain: () => loglift.info('task created'),
    object: () => loglift.info(objectLine, 'task created'),
    request: () => loglift.info(objectLine, 'task created'),
    inRequest: (run) => runWithLogContext(requestIds, run),
  },
  pino: {
    plain: () => raw.info('task created'),
    object: () => raw.info(objectLine, 'task created'),
    request: () => rawRequest.info(objectLine, 'task created'),
  },
  winston: {
    plain: () => win.info('task created'),
    object: () => win.info('task created', objectLine),
    request: () => winRequest.info('task created', objectLine),
  },
  bunyan: {
    plain: () => bun.info('task created'),
    object: () => bun.info(objectLine, 'task created'),
    request: () => bunRequest.info(objectLine, 'task created'),
  },
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

// Lines per second of CPU time (user + system) for one short round, including work a library
// defers to later ticks. CPU time, not wall time, so other load on the machine does not count.
async function round(fn: () => void, ms: number, scope: (run: () => void) => void = (run) => run()): Promise<number> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let lines = 0;
  scope(() => {
    while (performance.now() - started < ms) {
      for (let i = 0; i < 200; i += 1) fn();
      lines += 200;
    }
  });
  await settle();
  const used = process.cpuUsage(cpu);
  return (lines / (used.user + used.system)) * 1e6;
}

const scenarios = ['plain', 'object', 'request'] as const;
const rounds = 8;
const rows: Record<string, string | number>[] = [];
for (const scenario of scenarios) {
  const best: Record<string, number> = {};
  const scopeOf = (subject: Subject) => (scenario === 'request' ? subject.inRequest : undefined);
  for (const subject of Object.values(subjects)) await round(subject[scenario], WARMUP_MS, scopeOf(subject));
  // Subjects take turns, so a burst of load on the machine hits them alike; the best round counts.
  for (let r = 0; r < rounds; r += 1) {
    for (const [name, subject] of Object.entries(subjects)) {
      const rate = await round(subject[scenario], MEASURE_MS / rounds, scopeOf(subject));
      best[name] = Math.max(best[name] ?? 0, rate);
    }
  }
  const mine = best['@loglift/logger'] ?? 0;
  rows.push({
    scenario,
    ...Object.fromEntries(Object.entries(best).map(([name, value]) => [name, Math.round(value)])),
    'vs pino (>= 0.9)': (mine / (best.pino ?? 1)).toFixed(2),
    'vs winston (>= 3)': (mine / (best.winston ?? 1)).toFixed(2),
    'vs bunyan': (mine / (best.bunyan ?? 1)).toFixed(2),
  });
}
console.log(`lines per CPU-second to /dev/null, best of ${rounds} interleaved rounds of ${MEASURE_MS / rounds} ms`);
console.table(rows);
closeSync(fd);
