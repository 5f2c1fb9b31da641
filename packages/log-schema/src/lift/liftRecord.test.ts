import { describe, expect, it } from 'vitest';
import { expectedDocument, liftCases, RECORD_MILLIS } from '../testing/index.js';
import { liftRecord } from './liftRecord.js';

describe('liftRecord', () => {
  it.each(liftCases.map((liftCase) => [liftCase.name, liftCase] as const))('%s', (_name, liftCase) => {
    expect(liftRecord(liftCase.record, RECORD_MILLIS)).toEqual(expectedDocument(liftCase));
  });

  it('leaves the input record untouched', () => {
    const record = { app: { msg: 'x', big: 'y'.repeat(40000) }, log: undefined };
    const copy = structuredClone(record);
    liftRecord(record, RECORD_MILLIS);
    expect(record).toEqual(copy);
  });
});
