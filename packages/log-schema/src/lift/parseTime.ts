/** Latest instant accepted: the end of year 9999, what OpenSearch's date type can hold as ISO. */
const MAX_MILLIS = 253402300799999;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const NUMERIC = /^\d+(?:\.\d+)?$/;

/**
 * Epoch milliseconds of a time as loggers write it, or undefined. Numbers (and digit strings) are
 * epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude (zap's `ts`
 * is seconds, pino's `time` milliseconds, OpenTelemetry's `time_unix_nano` nanoseconds). Strings
 * are ISO 8601 with `T` or a space, `.` or `,` before the fraction (Python's asctime), and an
 * offset; without an offset they are taken as UTC.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  if (NUMERIC.test(value)) return fromEpoch(Number(value));
  const match = ISO.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Math.floor(Number(`${frac}000`.slice(0, 3)));
  const offset = offsetMinutes(zone);
  if (offset === undefined) return undefined;
  const epoch =
    ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millis;
  return epoch >= 0 && epoch <= MAX_MILLIS ? epoch : undefined;
}

/** ISO 8601 UTC with milliseconds, the form every lifted time is stored in. */
export function formatTime(millis: number): string {
  return new Date(millis).toISOString();
}

function fromEpoch(value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  let millis: number;
  if (value >= 1e17) millis = value / 1e6;
  else if (value >= 1e14) millis = value / 1e3;
  else if (value >= 1e11) millis = value;
  else millis = value * 1000;
  millis = Math.floor(millis);
  return millis <= MAX_MILLIS ? millis : undefined;
}

function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (the lift's Lua twin computes it the same way). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
