import { describe, expect, it } from 'vitest';
import { serializeError } from './serializeError.js';

class ValidationError extends Error {
  readonly field = 'title';
}

describe('serializeError', () => {
  it('writes type, message, stack trace and code', () => {
    const err = Object.assign(new TypeError('bad input'), { code: 'E_INPUT' });
    const out = serializeError(err);
    expect(out).toMatchObject({ type: 'TypeError', message: 'bad input', code: 'E_INPUT' });
    expect(out.stack_trace).toContain('TypeError: bad input');
    expect(out.stack_trace).toContain('\n    at ');
  });

  it('names subclasses that keep the default name by their class', () => {
    const out = serializeError(new ValidationError('missing'));
    expect(out.type).toBe('ValidationError');
    expect(out.cause).toEqual({ props: { field: 'title' } });
  });

  it('writes numeric codes as strings', () => {
    expect(serializeError(Object.assign(new Error('x'), { code: 404 })).code).toBe('404');
  });

  it('follows the cause chain with the same shape at every level', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', port: 5432 });
    const middle = new Error('query failed', { cause: root });
    const top = Object.assign(new Error('could not load task', { cause: middle }), { taskId: 't1' });
    const out = serializeError(top);
    expect(out.cause?.props).toEqual({ taskId: 't1' });
    expect(out.cause?.cause).toMatchObject({ type: 'Error', message: 'query failed' });
    expect(out.cause?.cause?.cause).toMatchObject({
      type: 'Error',
      message: 'connect ECONNREFUSED',
      code: 'ECONNREFUSED',
      props: { port: 5432 },
    });
  });

  it('stops at a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    const out = serializeError(a);
    expect(out.cause?.cause?.message).toBe('b');
    expect(out.cause?.cause?.cause).toEqual({ type: 'Circular', message: '[Circular]' });
  });

  it('bounds very long cause chains', () => {
    let err = new Error('0');
    for (let i = 1; i < 100; i += 1) err = new Error(String(i), { cause: err });
    let depth = 0;
    let node = serializeError(err).cause?.cause;
    while (node) {
      depth += 1;
      node = node.cause;
    }
    expect(depth).toBeGreaterThan(3);
    expect(depth).toBeLessThan(10);
  });

  it('serializes AggregateError members', () => {
    const out = serializeError(new AggregateError([new Error('one'), new RangeError('two')], 'several'));
    expect(out.type).toBe('AggregateError');
    expect(out.cause?.props?.errors).toMatchObject([
      { type: 'Error', message: 'one' },
      { type: 'RangeError', message: 'two' },
    ]);
  });

  it.each([
    ['a string', 'boom', { type: 'string', message: 'boom' }],
    ['a number', 42, { type: 'number', message: '42' }],
    ['null', null, { type: 'null', message: 'null' }],
    ['undefined', undefined, { type: 'undefined', message: 'undefined' }],
    ['a symbol', Symbol('s'), { type: 'symbol', message: 'Symbol(s)' }],
  ])('serializes %s thrown as a value', (_name, value, expected) => {
    expect(serializeError(value)).toEqual(expected);
  });

  it('serializes a thrown plain object, keeping its code and other fields', () => {
    const out = serializeError({ message: 'not found', code: 'E404', status: 404 });
    expect(out).toEqual({ type: 'Object', message: 'not found', code: 'E404', cause: { props: { status: 404 } } });
  });

  it('never throws on hostile errors', () => {
    const err = new Error('x');
    Object.defineProperty(err, 'message', {
      get() {
        throw new Error('getter');
      },
    });
    Object.defineProperty(err, 'extra', {
      enumerable: true,
      get() {
        throw new Error('extra getter');
      },
    });
    const out = serializeError(err);
    expect(out.message).toBe('[Unreadable: getter]');
    expect(out.cause?.props?.extra).toBe('[Unreadable: extra getter]');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => serializeError(revoked.proxy)).not.toThrow();
  });

  it('redacts credentials in extra properties', () => {
    const err = Object.assign(new Error('request failed'), { config: { headers: { Authorization: 'Bearer abc' } } });
    expect(serializeError(err).cause?.props).toEqual({ config: { headers: { Authorization: '[Redacted]' } } });
  });
});
