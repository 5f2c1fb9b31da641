import { InvalidInputError } from './errors.js';

export interface TimeRangeInput {
  /** Relative start: `15m`, `1h`, `2d`, `1w` or `now-1h`; ignored when `from` is set. */
  readonly since?: string;
  /** Absolute ISO time (`2024-05-01`, `2024-05-01T10:00`, `...Z`, `...+02:00`) or `now-1h`. */
  readonly from?: string;
  readonly to?: string;
  /** IANA zone (`Europe/Berlin`) or offset (`+02:00`) for ISO times without an offset; default UTC. */
  readonly timeZone?: string;
}

export interface TimeRange {
  readonly from?: Date;
  readonly to?: Date;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+)(s|m|h|d|w)$/;
const NOW_MATH = /^now(?:([+-])(\d+)(s|m|h|d|w))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Resolves since/from/to against `now` into absolute instants; throws InvalidInputError on bad input. */
export function resolveTimeRange(input: TimeRangeInput, now: Date = new Date()): TimeRange {
  const timeZone = input.timeZone ?? 'UTC';
  checkTimeZone(timeZone);
  const fromText = input.from ?? (input.since === undefined ? undefined : sinceToExpression(input.since));
  const from =
    fromText === undefined
      ? undefined
      : parseTimeExpression(fromText, now, timeZone, input.from ? '--from' : '--since');
  const to = input.to === undefined ? undefined : parseTimeExpression(input.to, now, timeZone, '--to');
  if (from && to && from.getTime() > to.getTime()) {
    throw new InvalidInputError(`time range is empty: ${from.toISOString()} is after ${to.toISOString()}`);
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Parses a duration such as `15m` or `2h` into milliseconds. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new InvalidInputError(`invalid duration "${text}": use a number and s, m, h, d or w, e.g. 15m`);
  return Number(match[1]) * (UNITS[match[2] as string] as number);
}

function sinceToExpression(since: string): string {
  const trimmed = since.trim();
  return DURATION.test(trimmed) ? `now-${trimmed}` : trimmed;
}

/** An absolute ISO time, `now`, or `now±N<unit>`. */
export function parseTimeExpression(text: string, now: Date, timeZone: string, what = 'time'): Date {
  const trimmed = text.trim();
  const math = NOW_MATH.exec(trimmed);
  if (math) {
    if (!math[1]) return new Date(now);
    const delta = Number(math[2]) * (UNITS[math[3] as string] as number);
    return new Date(now.getTime() + (math[1] === '-' ? -delta : delta));
  }
  const iso = ISO.exec(trimmed);
  if (!iso) {
    throw new InvalidInputError(
      `invalid ${what} "${text}": use an ISO time (2024-05-01T10:00:00Z), a duration (15m) or now-1h`,
    );
  }
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', offset] = iso;
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23) {
    throw new InvalidInputError(`invalid ${what} "${text}": no such date`);
  }
  if (offset) return new Date(wall - offsetMinutes(offset) * 60_000);
  return new Date(wallClockToUtc(wall, timeZone));
}

/** Offset of `timeZone` from UTC at instant `utc`, in minutes. */
export function zoneOffsetMinutes(utc: number, timeZone: string): number {
  if (/^(Z|[+-]\d{2}:?\d{2})$/.test(timeZone)) return offsetMinutes(timeZone);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utc));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - (utc - (utc % 1000))) / 60_000);
}

/** Throws a clear error for zones Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  if (/^(Z|[+-]\d{2}:?\d{2})$/.test(timeZone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new InvalidInputError(`unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin, or +02:00`);
  }
}

function wallClockToUtc(wall: number, timeZone: string): number {
  // Two passes settle the offset around daylight-saving changes.
  let utc = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  utc = wall - zoneOffsetMinutes(utc, timeZone) * 60_000;
  return utc;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
