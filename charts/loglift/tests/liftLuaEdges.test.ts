import { liftRecord } from '@loglift/log-schema';
import { RECORD_MILLIS } from '@loglift/log-schema/testing';
import { describe, expect, it } from 'vitest';
import { emptyArraysAsObjects } from './emptyArraysAsObjects.js';
import { runLuaLift } from './runLuaLift.js';

// Edge inputs beyond the case table, where a Lua pattern could part from a JavaScript regex: the
// Lua lift must store exactly what liftRecord stores for each.
const BIG = 'x'.repeat(33000);
const POD = { namespace_name: 'shop', pod_name: 'api-1', container_name: 'api' };
const times = [
  '2026-12-01',
  '2026-12-01 ',
  '2026-12-01 Z',
  '2026-12-01 +01:00',
  '2026-12-01T10:00',
  '2026-12-01 10:00:00,5',
  '2026-12-01T10:00:00.123456789+05:30',
  '2026-12-01T10:00:00.1234567891Z',
  '2026-12-01T10:00:00.Z',
  '2026-12-01T10:00:00+0530',
  '2026-12-01T10:00:00+05:3',
  '2026-12-01T10:00:00+05',
  '2026-12-01T10:00:00 -08:00',
  '2026-12-01T10:00:00+24:00',
  '2026-12-01t10:00:00z',
  '2026-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2026-12-01T24:00:00Z',
  '2026-12-01T10:60:00Z',
  '2026-13-01',
  '1969-12-31T23:59:59Z',
  '1970-01-01T00:00:00.001Z',
  '0000-03-01T00:00:00+00:00',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999-00:01',
  '10000-01-01',
  '2026-12-01T10:00:00Z\n',
  1796119200,
  1796119200.5,
  1796119200123,
  1796119200123456,
  1.7961192001234568e18,
  99999999999,
  '1796119200.25',
  '1796119200123',
  '00001796119200',
  0,
  -5,
  '-5',
  1e30,
  true,
];
const apps: Record<string, unknown>[] = [
  ...times.map((time) => ({ time })),
  ...['WARN2', 'Warning', 'error5', 'ERROR1', 35, 30.5, '35', '0', 5, 61, '', 'Informational', 'dpanic'].map(
    (level) => ({ level }),
  ),
  ...[17, '17', 25, 0, 4.5, '24'].map((severity_number) => ({ severity_number })),
  { '@t': '2026-12-01T10:00:00Z', '@m': 'clef' },
  { '@t': '2026-12-01T10:00:00Z', msg: 'not clef' },
  { statusCode: '099', status: 599, http: { status_code: '1e3' } },
  { statusCode: 200.5, status_code: '200' },
  { request_id: 1.5, requestId: 9007199254740994, reqId: -17 },
  { req_id: 123456789012345, msg: 12 },
  ...['GET1', 'ab', 'abcdefghijk', 'delete', 'PÖST'].map((method) => ({ method })),
  ...['http://host', 'https://h/p?x#y', 'ftp://h/a/b', 'relative/path', '/a#b?c', '?x', '/', 42].map((url) => ({
    url,
  })),
  ...['-5', '1.', '.5', '0012.50', '1234567890123456', '123456789012345.5', 7, -0.5].map((duration_ms) => ({
    duration_ms,
  })),
  { event: { duration: 1500000 } },
  { 'event.duration': '-1' },
  { request_time: '0.25' },
  { log: { truncated: false, original_size: '40960' } },
  { log: { truncated: 'yes' } },
  { level: null, msg: null, message: 'nulls', time: null },
  { service: { name: '' }, serviceName: 'from-alias', 'service.version': 2 },
  { trace_id: 12345, span_id: 1.5 },
  { err: { name: 'TypeError', message: 'boom', stack: 'TypeError: boom\n    at f (a.js:1:1)' } },
  { list: ['a', BIG, 'b', [BIG], { deep: BIG }], keep: 1 },
  { '': { k: BIG, small: 'y' } },
  { a: BIG, b: BIG },
  { ['é'.repeat(15998)]: 'v' },
  { ['é'.repeat(15997)]: 'vvvvvv' },
  { nested: { ['n'.repeat(31980)]: 'abcdefghijklmnop' } },
];
const lines = [
  '[ERROR]: x',
  '<warn> x',
  '(info) x',
  '[] ERROR',
  '[x]: ERROR',
  '[error:] x',
  'WARN',
  'W',
  'Warn x',
  'w1201 10:00:00.000 x',
  'E1201 10:00:0 x',
  '12:00:00 ERROR x',
  'a1 b2 c3 d4 e5 f6 ERROR',
  '1 2 3 4 5 ERROR',
  'ERROR\tx',
  '  ERROR  indented',
  'error: x',
  'error x',
  'Error x',
  'level="WARN" x',
  'xlevel=warn level=error',
  'level=bogus lvl=warn',
  'msg=hi lvl=',
  'severity=CRITICAL',
  'INFO\u{1F600} x',
  '\u00e9 ERROR',
  `${'1 '.repeat(255)}ERROR`,
  `${'1'.repeat(505)} ERROR\u{1F600}`,
  `${'\u00e9'.repeat(600)} level=warn`,
  `${'a'.repeat(530)} level=warn`,
  'ERROR:root:x',
  'TypeError: x\r\n    at f (a.js:1:1)',
  'Error: \n    at x',
  'MyError:boom\n    at x',
  'foo.BarException: \n\tat x',
  'panic: x\n',
  'fatal error: all goroutines are asleep\n',
  'Something Error happened\n   at x',
  'Exception in thread "main"\n',
  'oops\u2028Error: no\n    at x',
  'Error: line\u2029sep\n    at x',
  'ValueError has no colon\n    at x',
  '',
];
const records: Record<string, unknown>[] = [
  ...apps.map((app) => ({ time: 'x', stream: 'stdout', _p: 'F', app, kubernetes: POD })),
  ...lines.map((log) => ({ stream: 'stderr', log, kubernetes: POD })),
  { app: 'not an object', level: 'warn', kubernetes: POD },
  { app: [1, 2], message: 'root message' },
  { app: { log: 'app log' }, log: { nested: true } },
  { log: 42, stream: null, kubernetes: null },
  { app: { msg: 'x' }, kubernetes: { ...POD, labels: null } },
  { app: { msg: 'x' }, kubernetes: { ...POD, labels: { app: '', 'k8s-app': 'dns', 'app.kubernetes.io/version': 3 } } },
  {
    app: { msg: 'x' },
    kubernetes: { ...POD, labels: { 'app.kubernetes.io/name': null, 'app_kubernetes_io/name': 'w' } },
  },
  { app: { msg: 'x' }, kubernetes: { labels: { 'app.kubernetes.io/instance': 'i' }, container_name: '' } },
  { app: { msg: 'x' }, 'service.name': 'dotted root key', cluster: { region: 'eu' } },
];

describe('the lua filter script on edge inputs', () => {
  const sec = Math.floor(RECORD_MILLIS / 1000);
  const nsec = (RECORD_MILLIS % 1000) * 1e6;
  const results = runLuaLift(records.map((record) => ({ tag: 'kube.x', sec, nsec, record })));

  it.each(records.map((record, index) => [JSON.stringify(record).slice(0, 120), index] as const))(
    '%s',
    (_name, index) => {
      const record = records[index] as Record<string, unknown>;
      expect(emptyArraysAsObjects(results[index]?.record)).toEqual(
        emptyArraysAsObjects(liftRecord(record, RECORD_MILLIS)),
      );
    },
  );
});
