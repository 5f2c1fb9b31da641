import type { LogHit } from '@loglift/query';
import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './formatTimestamp.js';
import { getPath } from './getPath.js';
import { formatPretty } from './pretty.js';

const hit = (source: Record<string, unknown>): LogHit =>
  ({ id: '1', index: 'i', timestamp: source['@timestamp'] as string, sort: [], source }) as unknown as LogHit;

describe('formatPretty', () => {
  it('prints time, place, level, message and key fields on one line', () => {
    const line = formatPretty(
      hit({
        '@timestamp': '2024-05-01T10:00:00.000Z',
        kubernetes: { namespace_name: 'shop', pod_name: 'api-1', container_name: 'app' },
        app: {
          level: 'warn',
          message: 'slow',
          service: { name: 'api' },
          http: { route: '/a b', response: { status_code: 200 } },
        },
      }),
      { color: false, timeZone: 'UTC' },
    );
    expect(line).toBe('2024-05-01T10:00:00.000Z shop/api-1/app WARN  slow service=api route="/a b" status=200');
  });

  it('indents the stack trace and extra message lines', () => {
    const text = formatPretty(
      hit({
        '@timestamp': '2024-05-01T10:00:00.000Z',
        app: { level: 'error', message: 'failed\nsecond line', error: { stack_trace: 'Error: x\n    at y' } },
      }),
      { color: false, timeZone: 'UTC' },
    );
    expect(text.split('\n')).toEqual([
      '2024-05-01T10:00:00.000Z -/-/- ERROR failed',
      '    second line',
      '    Error: x',
      '        at y',
    ]);
  });

  it('shows plain lines from stderr and colours levels when asked', () => {
    const plain = formatPretty(hit({ '@timestamp': '2024-05-01T10:00:00.000Z', stream: 'stderr', log: 'oops\n' }), {
      color: false,
      timeZone: 'UTC',
    });
    expect(plain).toBe('2024-05-01T10:00:00.000Z -/-/- STDERR oops');
    const colored = formatPretty(hit({ '@timestamp': '2024-05-01T10:00:00.000Z', app: { level: 'error' } }), {
      color: true,
      timeZone: 'UTC',
    });
    expect(colored).toContain('\u001b[31mERROR\u001b[39m');
  });
});

describe('formatPretty on records without a message', () => {
  const at = '2024-05-01T10:00:00.000Z';
  const settings = { color: false, timeZone: 'UTC' };

  it('reads the root message and level of the document model', () => {
    const line = formatPretty(
      hit({
        '@timestamp': at,
        level: 'error',
        message: 'payment failed',
        service: { name: 'billing' },
        http: { response: { status_code: 502 } },
        app: { msg: 'payment failed', level: 50 },
      }),
      settings,
    );
    expect(line).toBe(`${at} -/-/- ERROR payment failed service=billing status=502`);
  });

  it('prints the app fields when a JSON record has no message', () => {
    const line = formatPretty(
      hit({ '@timestamp': at, app: { user: { id: 7, name: 'Ann Lee' }, tags: ['a', 'b'], level: 'info' } }),
      settings,
    );
    expect(line).toBe(`${at} -/-/- INFO  user.id=7 user.name="Ann Lee" tags="[\\"a\\",\\"b\\"]"`);
  });

  it('never prints an object level, and names numeric pino levels', () => {
    const objectLevel = formatPretty(
      hit({ '@timestamp': at, app: { level: { VALUE: 30 }, message: 'odd' } }),
      settings,
    );
    expect(objectLevel).toBe(`${at} -/-/- odd`);
    const numeric = formatPretty(hit({ '@timestamp': at, app: { level: 40, message: 'slow' } }), settings);
    expect(numeric).toBe(`${at} -/-/- WARN  slow`);
  });

  it('cuts a long summary of app fields', () => {
    const line = formatPretty(hit({ '@timestamp': at, app: { blob: 'x'.repeat(1000) } }), settings);
    expect(line.length).toBeLessThan(400);
    expect(line.endsWith('…')).toBe(true);
  });

  it('shows the raw line of older documents', () => {
    const line = formatPretty(hit({ '@timestamp': at, log: 'plain text line' }), settings);
    expect(line).toBe(`${at} -/-/- plain text line`);
  });
});

describe('formatTimestamp and getPath', () => {
  it('prints instants in a zone with its offset', () => {
    expect(formatTimestamp('2024-07-01T12:00:00.5Z', 'America/New_York')).toBe('2024-07-01T08:00:00.500-04:00');
    expect(formatTimestamp('2024-07-01T12:00:00Z', '+05:30')).toBe('2024-07-01T17:30:00.000+05:30');
    expect(formatTimestamp('not a time', 'UTC')).toBe('not a time');
  });

  it('follows nested objects and literal dotted keys', () => {
    expect(getPath({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1);
    expect(getPath({ a: { 'b.c': 2 } }, 'a.b.c')).toBe(2);
    expect(getPath({ a: 1 }, 'a.b')).toBeUndefined();
  });
});
