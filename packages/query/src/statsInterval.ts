import { parseDuration } from './timeRange.js';

const NICE_INTERVALS = ['1s', '5s', '10s', '30s', '1m', '5m', '10m', '30m', '1h', '3h', '12h', '1d', '7d'];

/** The smallest round interval that splits `spanMs` into at most `maxBuckets` buckets. */
export function pickInterval(spanMs: number, maxBuckets = 60): string {
  for (const interval of NICE_INTERVALS) {
    if (spanMs / parseDuration(interval) <= maxBuckets) return interval;
  }
  return NICE_INTERVALS.at(-1) as string;
}
