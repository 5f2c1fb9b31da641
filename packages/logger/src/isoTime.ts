// pino's stdTimeFunctions.isoTime formats a Date on every line, about a tenth of a line's cost.
// The text up to the seconds changes once a second, so it is kept and only the milliseconds are
// written per line. The output is the same: `,"time":"2026-12-01T22:30:34.512Z"`.
let lastMillis = Number.NaN;
let lastSecond = Number.NaN;
let secondPrefix = '';
let lastText = '';

function millisText(millis: number): string {
  if (millis < 10) return `00${millis}`;
  if (millis < 100) return `0${millis}`;
  return String(millis);
}

/** The `time` field for pino's `timestamp` option, in ISO 8601 UTC with milliseconds. */
export function isoTime(): string {
  const now = Date.now();
  if (now === lastMillis) return lastText;
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    const iso = new Date(second * 1000).toISOString();
    // Years beyond 9999 (or before 0) have a longer form: format those whole every time.
    if (iso.length !== 24) return `,"time":"${new Date(now).toISOString()}"`;
    lastSecond = second;
    secondPrefix = `,"time":"${iso.slice(0, 20)}`;
  }
  lastMillis = now;
  lastText = `${secondPrefix}${millisText(now - second * 1000)}Z"`;
  return lastText;
}
