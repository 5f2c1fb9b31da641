import { prepareQuery, type QueryInput } from './buildQuery.js';
import { FIELDS } from './contractFields.js';
import { InvalidInputError } from './errors.js';
import type { LogClient } from './logClient.js';
import { type LogHit, type SearchResponse, sourceFilter, toLogHit } from './logHit.js';
import { resolveTimeRange, type TimeRangeInput } from './timeRange.js';

export interface SearchOptions extends QueryInput {
  readonly time?: TimeRangeInput;
  /** `newest` first (default, like Discover) or `oldest` first. */
  readonly order?: 'newest' | 'oldest';
  /** Documents to return, default 100, at most 10,000 (use exportLogs for more). */
  readonly limit?: number;
  /** Only these fields of each document (plus `@timestamp`). */
  readonly fields?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface SearchResult {
  readonly hits: LogHit[];
  /** Documents matching in total; `totalIsLowerBound` when OpenSearch stopped counting. */
  readonly total: number;
  readonly totalIsLowerBound: boolean;
}

export const MAX_SEARCH_LIMIT = 10_000;

/** Sort by time with `_id` as a unique tiebreak, so equal timestamps keep a stable order. */
export function timeSort(order: 'asc' | 'desc'): unknown[] {
  return [{ [FIELDS.timestamp]: { order } }, { _id: { order } }];
}

/** The newest (or oldest) matching documents. */
export async function search(client: LogClient, options: SearchOptions = {}): Promise<SearchResult> {
  const limit = options.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new InvalidInputError(`limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}, got ${limit}`);
  }
  const range = resolveTimeRange({ ...options.time, timeZone: options.time?.timeZone ?? options.timeZone });
  const query = await prepareQuery(client, options, range);
  const response = await client.request<SearchResponse>(
    {
      method: 'POST',
      path: `/${encodeURIComponent(client.index)}/_search`,
      body: {
        size: limit,
        query,
        sort: timeSort(options.order === 'oldest' ? 'asc' : 'desc'),
        track_total_hits: true,
        ...sourceFilter(options.fields),
      },
    },
    options.signal,
  );
  return {
    hits: response.hits.hits.map(toLogHit),
    total: response.hits.total?.value ?? response.hits.hits.length,
    totalIsLowerBound: response.hits.total?.relation === 'gte',
  };
}
