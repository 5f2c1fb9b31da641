import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoTime } from './isoTime.js';

const field = (at: number) => `,"time":"${new Date(at).toISOString()}"`;

describe('isoTime', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes the same text as Date#toISOString at every millisecond of a second and across seconds', () => {
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 990);
    const now = vi.spyOn(Date, 'now');
    for (let at = start; at < start + 2_100; at += 1) {
      now.mockReturnValue(at);
      expect(isoTime()).toBe(field(at));
    }
  });

  it('writes the same text when the clock goes back', () => {
    const now = vi.spyOn(Date, 'now');
    for (const at of [Date.UTC(2026, 0, 1, 0, 0, 1, 5), Date.UTC(2025, 5, 1, 12, 0, 0, 999), Date.UTC(2026, 0, 1)]) {
      now.mockReturnValue(at);
      expect(isoTime()).toBe(field(at));
    }
  });

  it('writes years outside 0000-9999 in the extended form', () => {
    const at = Date.UTC(12_345, 0, 1, 0, 0, 0, 7);
    vi.spyOn(Date, 'now').mockReturnValue(at);
    expect(isoTime()).toBe(field(at));
  });
});
