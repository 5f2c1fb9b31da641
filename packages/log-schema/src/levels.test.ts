import { describe, expect, it } from 'vitest';
import { isLevel, LEVEL_VALUES, LEVELS } from './levels.js';

describe('levels', () => {
  it('orders labels by increasing severity', () => {
    const values = LEVELS.map((level) => LEVEL_VALUES[level]);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });

  it('accepts only lowercase labels', () => {
    expect(isLevel('warn')).toBe(true);
    expect(isLevel('WARN')).toBe(false);
    expect(isLevel(40)).toBe(false);
  });
});
