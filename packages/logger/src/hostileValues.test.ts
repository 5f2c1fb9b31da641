import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { lineSink } from './testing/lineSink.js';

function setup() {
  const sink = lineSink();
  const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream });
  return { sink, logger };
}

function deep(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i += 1) value = { next: value };
  return value;
}

const throwingGetter = {
  ok: 1,
  get broken(): never {
    throw new Error('getter exploded');
  },
};

const circular: Record<string, unknown> = { name: 'loop' };
circular.self = circular;
circular.list = [circular];

const hostile: [string, unknown][] = [
  ['a circular reference', { value: circular }],
  ['a BigInt', { value: 2n ** 80n }],
  ['symbol keys and values', { [Symbol('hidden')]: 1, value: Symbol('s') }],
  ['a throwing getter', { value: throwingGetter }],
  ['a throwing getter at the top level', throwingGetter],
  ['undefined and functions', { value: { a: undefined, b: () => 1, c: [undefined, () => 2] } }],
  ['a very deep object', { value: deep(10_000) }],
  ['a very long string', { value: 'x'.repeat(1_000_000) }],
  ['newlines and control characters', { value: 'a\nb\r\nc\u0000d\u2028e' }],
  ['lone surrogates', { value: '\ud800 and \udfff' }],
  ['NaN and Infinity', { value: [Number.NaN, Number.POSITIVE_INFINITY] }],
  [
    'a throwing toJSON',
    {
      value: {
        toJSON: () => {
          throw new Error('no json');
        },
      },
    },
  ],
  [
    'a revoked proxy',
    {
      value: (() => {
        const p = Proxy.revocable({}, {});
        p.revoke();
        return p.proxy;
      })(),
    },
  ],
  [
    'a proxy whose traps throw',
    {
      value: new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('trap');
          },
        },
      ),
    },
  ],
  ['a huge array', { value: Array.from({ length: 100_000 }, (_, i) => i) }],
  ['an object with many keys', { value: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) }],
  ['a Buffer', { value: Buffer.alloc(100_000) }],
  ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}')],
  ['a null-prototype object', { value: Object.assign(Object.create(null), { a: 1 }) }],
  ['a Date and an invalid Date', { value: [new Date(0), new Date(Number.NaN)] }],
];

describe('hostile values', () => {
  it.each(hostile)('writes %s as one valid JSON line without throwing', (_name, value) => {
    const { sink, logger } = setup();
    expect(() => logger.info(value as object, 'hostile')).not.toThrow();
    expect(sink.lines).toHaveLength(1);
    const record = sink.last();
    expect(record.level).toBe('info');
    expect(Buffer.byteLength(sink.lines[0] ?? '')).toBeLessThanOrEqual(16_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('marks circular references and keeps the rest', () => {
    const { sink, logger } = setup();
    logger.info({ value: circular }, 'm');
    expect(sink.last()).toMatchObject({ value: { name: 'loop', self: '[Circular]', list: ['[Circular]'] } });
  });

  it('writes BigInt as a string, symbols as text, and drops functions and symbol keys', () => {
    const { sink, logger } = setup();
    logger.info({ big: 2n ** 70n, sym: Symbol('s'), fn: () => 1, [Symbol('k')]: 1 }, 'm');
    const record = sink.last();
    expect(record).toMatchObject({ big: '1180591620717411303424', sym: 'Symbol(s)' });
    expect(record).not.toHaveProperty('fn');
  });

  it('reports a throwing getter in place of its value', () => {
    const { sink, logger } = setup();
    logger.info({ value: throwingGetter }, 'm');
    expect(sink.last()).toMatchObject({ value: { ok: 1, broken: '[Unreadable: getter exploded]' } });
  });

  it('cuts deep nesting with a marker', () => {
    const { sink, logger } = setup();
    logger.info({ value: deep(50) }, 'm');
    expect(sink.lines[0]).toContain('"[Object]"');
  });

  it('writes a message that is an object or contains newlines on one line', () => {
    const { sink, logger } = setup();
    logger.info('first\nsecond');
    logger.info({}, circular as unknown as string);
    const [first, second] = sink.records();
    expect(first?.message).toBe('first\nsecond');
    expect(second?.message).toContain('[Circular]');
  });

  it('writes Errors under any key in the error shape', () => {
    const { sink, logger } = setup();
    logger.warn({ failure: new RangeError('too big'), nested: { errors: [new Error('inner')] } }, 'm');
    expect(sink.last()).toMatchObject({
      failure: { type: 'RangeError', message: 'too big' },
      nested: { errors: [{ type: 'Error', message: 'inner' }] },
    });
  });

  it('writes an Error passed first as error.* with its message', () => {
    const { sink, logger } = setup();
    logger.error(new TypeError('bad'));
    logger.error(new TypeError('bad'), 'while saving');
    const [plain, withMessage] = sink.records();
    expect(plain).toMatchObject({ message: 'bad', error: { type: 'TypeError', message: 'bad' } });
    expect(withMessage).toMatchObject({ message: 'while saving', error: { type: 'TypeError', message: 'bad' } });
    expect(plain?.error?.stack_trace).toContain('TypeError: bad');
  });

  it('writes any thrown value under err or error in the error shape, err as error', () => {
    const { sink, logger } = setup();
    logger.error({ err: 'plain string' }, 'a');
    logger.error({ error: { code: 'E1', message: 'object thrown' } }, 'b');
    logger.error({ err: new Error('as err') });
    const [a, b, c] = sink.records();
    expect(a).toMatchObject({ error: { type: 'string', message: 'plain string' } });
    expect(a).not.toHaveProperty('err');
    expect(b).toMatchObject({ error: { type: 'Object', message: 'object thrown', code: 'E1' } });
    expect(c).toMatchObject({ message: 'as err', error: { type: 'Error', message: 'as err' } });
  });
});
