import { describe, expect, it } from 'vitest';
import { parseTrafficDuration } from './trafficDuration.js';

describe('parseTrafficDuration', () => {
  it('converts each unit to milliseconds', () => {
    expect([
      parseTrafficDuration('250ms'),
      parseTrafficDuration('10s'),
      parseTrafficDuration('1.5m'),
      parseTrafficDuration('1h'),
    ]).toEqual([250, 10_000, 90_000, 3_600_000]);
  });

  it('rejects numbers without a unit and unknown units, quoting the input', () => {
    expect(() => parseTrafficDuration('10')).toThrow(/"10" is not a duration/);
    expect(() => parseTrafficDuration('5d')).toThrow(/"5d"/);
  });
});
