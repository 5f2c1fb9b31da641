import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { parseDuration, resolveTimeRange, zoneOffsetMinutes } from './timeRange.js';

const now = new Date('2024-05-01T12:00:00.000Z');
const iso = (range: ReturnType<typeof resolveTimeRange>) => ({
  from: range.from?.toISOString(),
  to: range.to?.toISOString(),
});

describe('resolveTimeRange', () => {
  it.each([
    [{ since: '15m' }, { from: '2024-05-01T11:45:00.000Z', to: undefined }],
    [{ since: 'now-2h' }, { from: '2024-05-01T10:00:00.000Z', to: undefined }],
    [{ since: '1w' }, { from: '2024-04-24T12:00:00.000Z', to: undefined }],
    [
      { from: '2024-05-01', to: 'now' },
      { from: '2024-05-01T00:00:00.000Z', to: '2024-05-01T12:00:00.000Z' },
    ],
    [
      { from: '2024-04-30T09:00:00Z', to: '2024-04-30T11:00:00+02:00' },
      { from: '2024-04-30T09:00:00.000Z', to: '2024-04-30T09:00:00.000Z' },
    ],
    [
      { from: '2024-05-01T10:00', timeZone: 'Europe/Berlin' },
      { from: '2024-05-01T08:00:00.000Z', to: undefined },
    ],
    [
      { from: '2024-01-15T10:00', timeZone: 'Europe/Berlin' },
      { from: '2024-01-15T09:00:00.000Z', to: undefined },
    ],
    [
      { from: '2024-05-01 10:00:00.250', timeZone: '-05:00' },
      { from: '2024-05-01T15:00:00.250Z', to: undefined },
    ],
    [
      { from: '2024-05-01T10:00Z', since: '1h' },
      { from: '2024-05-01T10:00:00.000Z', to: undefined },
    ],
    [{ to: 'now-1m' }, { from: undefined, to: '2024-05-01T11:59:00.000Z' }],
  ])('resolves %j', (input, expected) => {
    expect(iso(resolveTimeRange(input, now))).toEqual(expected);
  });

  it.each([
    [{ since: 'yesterday' }, /invalid --since "yesterday"/],
    [{ from: '2024-13-01' }, /invalid --from "2024-13-01"/],
    [{ from: '2024-02-30' }, /no such date/],
    [{ to: '10:00' }, /invalid --to/],
    [{ from: 'now', to: 'now-1h' }, /time range is empty/],
    [{ since: '1h', timeZone: 'Mars/Olympus' }, /unknown time zone "Mars\/Olympus"/],
  ])('rejects %j', (input, message) => {
    expect(() => resolveTimeRange(input, now)).toThrow(InvalidInputError);
    expect(() => resolveTimeRange(input, now)).toThrow(message);
  });
});

describe('durations and zones', () => {
  it('parses durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(() => parseDuration('5 minutes')).toThrow(/invalid duration/);
  });

  it('knows daylight saving time', () => {
    expect(zoneOffsetMinutes(Date.parse('2024-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.parse('2024-12-01T00:00:00Z'), 'America/New_York')).toBe(-300);
  });
});
