import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('converts each unit to milliseconds', () => {
    expect([parseDuration('250ms'), parseDuration('10s'), parseDuration('1.5m'), parseDuration('1h')]).toEqual([
      250, 10_000, 90_000, 3_600_000,
    ]);
  });

  it('rejects numbers without a unit and unknown units, quoting the input', () => {
    expect(() => parseDuration('10')).toThrow(/"10" is not a duration/);
    expect(() => parseDuration('5d')).toThrow(/"5d"/);
  });
});
