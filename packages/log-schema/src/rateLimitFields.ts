import type { FieldSpec } from './fieldTypes.js';

/**
 * Where the chart's per-namespace rate limit writes its summary documents' counts: one summary
 * per namespace that lost lines, every summary interval, with `kubernetes.namespace_name` set.
 */
export const RATE_LIMIT_FIELDS = {
  dropped: 'loglift.rate_limit.dropped',
  intervalSeconds: 'loglift.rate_limit.interval_seconds',
} as const;

export const rateLimitFields: readonly FieldSpec[] = [
  {
    path: RATE_LIMIT_FIELDS.dropped,
    type: 'long',
    origin: 'loglift',
    description: 'Summary documents only: lines of the namespace the rate limit dropped since the previous summary.',
  },
  {
    path: RATE_LIMIT_FIELDS.intervalSeconds,
    type: 'long',
    origin: 'loglift',
    description: 'Summary documents only: seconds since the previous summary.',
  },
];
