import { describe, expect, it } from 'vitest';
import { expectedDocument, liftCases, RECORD_MILLIS } from '../testing/index.js';
import { liftRecord } from './liftRecord.js';

describe('liftRecord', () => {
  it.each(liftCases.map((liftCase) => [liftCase.name, liftCase] as const))('%s', (_name, liftCase) => {
    expect(liftRecord(liftCase.record, RECORD_MILLIS)).toEqual(expectedDocument(liftCase));
  });

  it('never takes a property of Object for a level or loses a value under the key __proto__', () => {
    expect(liftRecord({ app: { level: 'constructor' } }, RECORD_MILLIS).level).toBeUndefined();
    expect(liftRecord({ log: 'CONSTRUCTOR failed' }, RECORD_MILLIS).level).toBeUndefined();
    const app = JSON.parse(`{"__proto__":{"sql":"${'x'.repeat(33_000)}"},"msg":"p"}`) as Record<string, unknown>;
    const doc = liftRecord({ app }, RECORD_MILLIS) as { loglift: { oversize: Record<string, string> } };
    expect(doc.loglift.oversize['__proto__.sql']).toHaveLength(33_000);
  });

  it('lists set-aside paths in sorted order, as the Lua lift does', () => {
    const big = 'y'.repeat(33_000);
    const doc = liftRecord({ app: { zeta: big, alpha: big } }, RECORD_MILLIS) as {
      loglift: { oversize_fields: string[] };
    };
    expect(doc.loglift.oversize_fields).toEqual(['alpha', 'zeta']);
  });

  it('leaves the input record untouched', () => {
    const record = { app: { msg: 'x', big: 'y'.repeat(40000) }, log: undefined };
    const copy = structuredClone(record);
    liftRecord(record, RECORD_MILLIS);
    expect(record).toEqual(copy);
  });
});
