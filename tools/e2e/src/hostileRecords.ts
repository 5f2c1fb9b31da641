/**
 * What the hostile app prints: one entry per record it expects to become exactly one document.
 * Each carries `seq=<n>` (raw text) or `"seq": n` (JSON) so a reader can match documents to
 * records. The lines are what real apps print and what breaks naive pipelines: the same key with
 * different types, dotted keys, contract parents as plain values, lines longer than the
 * runtime's 16 KiB split, non-JSON text and multi-line stack traces printed raw.
 */
export interface HostileRecord {
  readonly seq: number;
  readonly stream: 'stdout' | 'stderr';
  /** Output lines; more than one only for stack traces, which must be joined into one document. */
  readonly lines: readonly string[];
  readonly kind: 'json' | 'text' | 'stack';
}

const json = (seq: number, body: Record<string, unknown>, stream: 'stdout' | 'stderr' = 'stdout'): HostileRecord => ({
  seq,
  stream,
  lines: [JSON.stringify({ seq, ...body })],
  kind: 'json',
});

const text = (seq: number, line: string, stream: 'stdout' | 'stderr' = 'stdout'): HostileRecord => ({
  seq,
  stream,
  lines: [line],
  kind: 'text',
});

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: depth };
  for (let i = depth - 1; i >= 0; i -= 1) value = { [`level${i}`]: value };
  return value;
}

/** The records of one round; `round` keeps sequence numbers unique across rounds. */
export function hostileRecords(round = 0): HostileRecord[] {
  const base = round * 100;
  const s = (n: number) => base + n;
  const manyKeys = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`key_${round}_${i}`, i]));
  return [
    json(s(1), { value: 'a string' }),
    json(s(2), { value: 42 }),
    json(s(3), { value: { nested: true } }),
    json(s(4), { value: [1, 'two', { three: 3 }] }),
    json(s(5), { level: { value: 30 }, message: { text: 'object message' }, time: 'not a date' }),
    json(s(6), { error: 'boom', service: 'billing', http: 'plain', k8s: { pod: 'p' }, url: 42 }),
    json(s(7), { 'a.b.c': 1, a: { b: 2 }, 'kubernetes.io/name': 'dotted', 'weird key': 'spaces' }),
    json(s(8), { http: { response: { status_code: 'abc' }, server: { duration_ms: 'slow' } } }),
    json(s(9), { level: 'info', message: `huge message ${'x'.repeat(20_000)}` }),
    json(s(10), { blob: 'y'.repeat(70_000) }, 'stderr'),
    text(s(11), `plain text seq=${s(11)} with "quotes", a \\ backslash and {braces}`),
    text(s(12), `seq=${s(12)} {"broken json": `, 'stderr'),
    text(s(13), `["seq=${s(13)}", 1, 2]`),
    json(s(14), { message: 'unicode ünïcødé 🚀 \u0001 tab\t end' }),
    json(s(15), { '@timestamp': 'bogus', stream: 'fake', kubernetes: { pod_name: 'spoofed' }, log: 'inner' }),
    json(s(16), { deep: nested(25) }),
    json(s(17), { many: manyKeys }),
    {
      seq: s(18),
      stream: 'stderr',
      kind: 'stack',
      lines: [
        `Exception in thread "main" java.lang.IllegalStateException: seq=${s(18)} order failed`,
        '\tat com.example.orders.OrderService.place(OrderService.java:42)',
        '\tat com.example.orders.OrderController.post(OrderController.java:17)',
        'Caused by: java.io.IOException: disk full',
        '\tat com.example.io.Store.write(Store.java:88)',
        '\t... 2 more',
      ],
    },
    {
      seq: s(19),
      stream: 'stderr',
      kind: 'stack',
      lines: [
        'Traceback (most recent call last):',
        '  File "/app/main.py", line 10, in <module>',
        '    main()',
        '  File "/app/main.py", line 6, in main',
        "    raise ValueError('bad value')",
        `ValueError: seq=${s(19)} bad value`,
      ],
    },
    {
      seq: s(20),
      stream: 'stderr',
      kind: 'stack',
      lines: [
        `TypeError: seq=${s(20)} cannot read properties of undefined (reading 'id')`,
        '    at handler (/app/dist/routes.js:12:19)',
        '    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      ],
    },
    json(s(21), { level: 'info', message: 'after the traces', stream_check: true }),
  ];
}

/** The sequence number a stored document carries, from `app.seq` or the raw `log` text. */
export function seqOfDocument(source: {
  app?: { seq?: unknown };
  log?: unknown;
  message?: unknown;
}): number | undefined {
  if (typeof source.app?.seq === 'number') return source.app.seq;
  // A line that was not JSON is `message` after the lift (`log` without it).
  const text = source.app === undefined && typeof source.message === 'string' ? source.message : source.log;
  if (typeof text === 'string') {
    const match = /seq=(\d+)/.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}
