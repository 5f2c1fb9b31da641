import { describe, expect, it } from 'vitest';
import { pickInterval } from './statsInterval.js';

describe('pickInterval', () => {
  it.each([
    [60_000, '1s'],
    [15 * 60_000, '30s'],
    [3_600_000, '1m'],
    [24 * 3_600_000, '30m'],
    [7 * 24 * 3_600_000, '3h'],
    [365 * 24 * 3_600_000, '7d'],
  ])('splits %i ms into at most 60 buckets with %s', (span, interval) => {
    expect(pickInterval(span)).toBe(interval);
  });
});
