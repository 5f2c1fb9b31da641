import { describe, expect, it } from 'vitest';
import { valueAt, valueMatchesType } from './valueMatchesType.js';

describe('valueMatchesType', () => {
  it('accepts values of the promised shape only', () => {
    expect(valueMatchesType(503, 'long')).toBe(true);
    expect(valueMatchesType(1.5, 'long')).toBe(false);
    expect(valueMatchesType('503', 'long')).toBe(false);
    expect(valueMatchesType(1.5, 'double')).toBe(true);
    expect(valueMatchesType('2026-11-25T10:00:00.000Z', 'date')).toBe(true);
    expect(valueMatchesType('yesterday', 'date')).toBe(false);
    expect(valueMatchesType({ a: 1 }, 'flat_object')).toBe(true);
    expect(valueMatchesType([1], 'flat_object')).toBe(false);
    expect(valueMatchesType(true, 'keyword')).toBe(false);
  });
});

describe('valueAt', () => {
  it('follows nested objects and stops at anything else', () => {
    const doc = { app: { http: { response: { status_code: 200 } } }, log: 'x' };
    expect(valueAt(doc, 'app.http.response.status_code')).toBe(200);
    expect(valueAt(doc, 'log.level')).toBeUndefined();
    expect(valueAt(doc, 'app.missing.path')).toBeUndefined();
  });
});
