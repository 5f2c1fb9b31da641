import { LEVELS } from '@loglift/log-schema';
import { prepareQuery, type QueryInput } from './buildQuery.js';
import { ERROR_LEVELS, FIELDS } from './contractFields.js';
import { InvalidInputError } from './errors.js';
import type { LogClient } from './logClient.js';
import { pickInterval } from './statsInterval.js';
import { parseDuration, resolveTimeRange, type TimeRangeInput } from './timeRange.js';

export interface StatsOptions extends QueryInput {
  /** Default: the last hour. */
  readonly time?: TimeRangeInput;
  /** Histogram bucket such as `1m`; default: a round interval giving at most 60 buckets. */
  readonly interval?: string;
  /** Entries in each top list, default 10. */
  readonly top?: number;
  readonly signal?: AbortSignal;
}

export interface HistogramBucket {
  /** Bucket start, ISO-8601. */
  readonly time: string;
  readonly total: number;
  /** Count per level label, and under `none` the documents without a level; they sum to `total`. */
  readonly levels: Readonly<Record<string, number>>;
}

export interface TopEntry {
  readonly key: string;
  readonly errors: number;
  readonly total: number;
  readonly errorRate: number;
}

export interface StatsResult {
  readonly from: string;
  readonly to: string;
  readonly interval: string;
  readonly total: number;
  /** Documents at level error or fatal. */
  readonly errors: number;
  readonly errorRate: number;
  readonly histogram: HistogramBucket[];
  /** Top services, namespaces and pods by number of errors. */
  readonly top: { readonly service: TopEntry[]; readonly namespace: TopEntry[]; readonly pod: TopEntry[] };
}

interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
  levels?: { buckets: Bucket[] };
  errors?: { doc_count: number };
}

/** The histogram's column for documents whose line gave no level. */
export const NO_LEVEL = 'none';

const ERRORS_FILTER = { terms: { [FIELDS.level]: [...ERROR_LEVELS] } };

/** Counts by level over time, top error sources and the error rate. */
export async function stats(client: LogClient, options: StatsOptions = {}): Promise<StatsResult> {
  const now = new Date();
  const resolved = resolveTimeRange(
    { since: '1h', ...options.time, timeZone: options.time?.timeZone ?? options.timeZone },
    now,
  );
  const range = { from: resolved.from ?? new Date(now.getTime() - 3_600_000), to: resolved.to ?? now };
  const interval = options.interval ?? pickInterval(range.to.getTime() - range.from.getTime());
  parseDuration(interval);
  const top = options.top ?? 10;
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw new InvalidInputError(`top must be 1..1000, got ${top}`);
  const topBy = (field: string) => ({
    terms: { field, size: top, order: [{ errors: 'desc' }, { _key: 'asc' }] },
    aggs: { errors: { filter: ERRORS_FILTER } },
  });
  const query = await prepareQuery(client, options, range);
  const response = await client.request<{ hits: { total: { value: number } }; aggregations: Record<string, unknown> }>(
    {
      method: 'POST',
      path: `/${encodeURIComponent(client.index)}/_search`,
      body: {
        size: 0,
        track_total_hits: true,
        query,
        aggs: {
          histogram: {
            date_histogram: {
              field: FIELDS.timestamp,
              fixed_interval: interval,
              min_doc_count: 0,
              extended_bounds: { min: range.from.getTime(), max: range.to.getTime() },
              ...(options.timeZone ? { time_zone: options.timeZone } : {}),
            },
            aggs: { levels: { terms: { field: FIELDS.level, size: LEVELS.length, missing: NO_LEVEL } } },
          },
          errors: { filter: ERRORS_FILTER },
          service: topBy(FIELDS.service),
          namespace: topBy(FIELDS.namespace),
          pod: topBy(FIELDS.pod),
        },
      },
    },
    options.signal,
  );
  const aggs = response.aggregations as Record<string, { buckets: Bucket[]; doc_count: number }>;
  const total = response.hits.total.value;
  const errors = aggs.errors?.doc_count ?? 0;
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    interval,
    total,
    errors,
    errorRate: total === 0 ? 0 : errors / total,
    histogram: (aggs.histogram?.buckets ?? []).map(toHistogramBucket),
    top: {
      service: topEntries(aggs.service, top),
      namespace: topEntries(aggs.namespace, top),
      pod: topEntries(aggs.pod, top),
    },
  };
}

function toHistogramBucket(bucket: Bucket): HistogramBucket {
  const levels: Record<string, number> = Object.fromEntries([...LEVELS, NO_LEVEL].map((level) => [level, 0]));
  for (const level of bucket.levels?.buckets ?? []) levels[String(level.key)] = level.doc_count;
  // Only the six levels are ever written, so `none` is the rest and the columns sum to the total.
  levels[NO_LEVEL] = bucket.doc_count - LEVELS.reduce((sum, level) => sum + (levels[level] ?? 0), 0);
  return { time: new Date(Number(bucket.key)).toISOString(), total: bucket.doc_count, levels };
}

function topEntries(aggregation: { buckets: Bucket[] } | undefined, top: number): TopEntry[] {
  return (aggregation?.buckets ?? [])
    .slice(0, top)
    .map((bucket) => {
      const errors = bucket.errors?.doc_count ?? 0;
      return { key: String(bucket.key), errors, total: bucket.doc_count, errorRate: errors / bucket.doc_count };
    })
    .filter((entry) => entry.errors > 0);
}
