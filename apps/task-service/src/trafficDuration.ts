const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** The traffic generator's `--duration`: parses `500ms`, `10s`, `2m`, `1h` into milliseconds; anything else is a RangeError. */
export function parseTrafficDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
  if (!match || unit === undefined) {
    throw new RangeError(`"${text}" is not a duration; use a number with ms, s, m or h, e.g. 500ms, 10s, 2m`);
  }
  return Math.round(Number(match[1]) * UNIT_MS[unit]);
}
