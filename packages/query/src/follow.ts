import { setTimeout as sleep } from 'node:timers/promises';
import { prepareQuery, type QueryInput } from './buildQuery.js';
import type { QueryDsl } from './compileDql.js';
import { FIELDS } from './contractFields.js';
import { InvalidInputError } from './errors.js';
import type { LogClient } from './logClient.js';
import { type LogHit, type SearchResponse, sourceFilter, toLogHit } from './logHit.js';
import { search, timeSort } from './search.js';
import { parseDuration } from './timeRange.js';

export interface FollowOptions extends QueryInput {
  /** Start this far back (`5m`); default: from now on. */
  readonly since?: string;
  /** Print the last N matching documents first, like `tail -n`. */
  readonly tail?: number;
  /** Time between polls, default 1000 ms. */
  readonly pollIntervalMs?: number;
  /**
   * Documents are held back until they are this old, so ones written a little late (clock skew,
   * shipping delay, refresh interval) still come out in time order. Default 3000 ms.
   */
  readonly delayMs?: number;
  /** How far behind the newest printed document to look for late arrivals, default 60000 ms. */
  readonly lookbackMs?: number;
  readonly fields?: readonly string[];
  /** Page size of each poll, default 1000. */
  readonly pageSize?: number;
  /** Ends the iteration cleanly (no error). */
  readonly signal?: AbortSignal;
}

/**
 * A live tail: polls with `search_after`, re-reads a look-back window for late documents and
 * remembers what it printed, so each document comes out exactly once and in time order.
 * Documents later than `delayMs` + look-back are still printed once, just out of order.
 */
export async function* follow(client: LogClient, options: FollowOptions = {}): AsyncGenerator<LogHit, void> {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const delayMs = options.delayMs ?? 3000;
  const lookbackMs = options.lookbackMs ?? 60_000;
  const pageSize = options.pageSize ?? 1000;
  if (options.tail !== undefined && (!Number.isInteger(options.tail) || options.tail < 0 || options.tail > 10_000)) {
    throw new InvalidInputError(`tail must be an integer from 0 to 10000, got ${options.tail}`);
  }
  const { signal } = options;
  const sinceMs = options.since ? parseDuration(options.since) : 0;
  const query = await prepareQuery(client, options, {});
  const seen = new Map<string, number>();
  const start = Date.now();
  let floor = start - sinceMs;
  let newest = floor;

  if (options.tail) {
    const initial = await search(client, {
      ...options,
      limit: options.tail,
      time: {
        ...(options.since ? { from: new Date(floor).toISOString() } : {}),
        to: new Date(start - delayMs).toISOString(),
      },
    });
    const hits = initial.hits.reverse();
    for (const hit of hits) {
      if (signal?.aborted) return;
      const time = sortTime(hit);
      seen.set(hit.id, time);
      newest = Math.max(newest, time);
      yield hit;
    }
    // Only documents from the last printed one on: older ones were either printed or not in the tail.
    const last = hits.at(-1);
    floor = last ? sortTime(last) : start - delayMs;
    newest = Math.max(newest, floor);
  }

  while (!signal?.aborted) {
    const upper = Date.now() - delayMs;
    const lower = Math.max(floor, newest - lookbackMs);
    if (upper >= lower) {
      try {
        for await (const hit of poll(client, query, lower, upper, pageSize, options.fields, signal)) {
          if (seen.has(hit.id)) continue;
          const time = sortTime(hit);
          seen.set(hit.id, time);
          newest = Math.max(newest, time);
          yield hit;
        }
      } catch (error) {
        if (signal?.aborted) return;
        throw error;
      }
      for (const [id, time] of seen) if (time < newest - lookbackMs) seen.delete(id);
    }
    try {
      await sleep(pollIntervalMs, undefined, signal ? { signal } : undefined);
    } catch {
      return;
    }
  }
}

/** All matching documents with `lower <= @timestamp <= upper`, oldest first, page by page. */
async function* poll(
  client: LogClient,
  query: QueryDsl,
  lower: number,
  upper: number,
  pageSize: number,
  fields: readonly string[] | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<LogHit> {
  const window = { range: { [FIELDS.timestamp]: { gte: lower, lte: upper, format: 'epoch_millis' } } };
  let after: readonly unknown[] | undefined;
  for (;;) {
    const response = await client.request<SearchResponse>(
      {
        method: 'POST',
        path: `/${encodeURIComponent(client.index)}/_search`,
        body: {
          size: pageSize,
          query: { bool: { filter: [query, window] } },
          sort: timeSort('asc'),
          track_total_hits: false,
          ...(after ? { search_after: after } : {}),
          ...sourceFilter(fields),
        },
      },
      signal,
    );
    const hits = response.hits.hits;
    for (const hit of hits) yield toLogHit(hit);
    if (hits.length < pageSize) return;
    after = hits.at(-1)?.sort;
  }
}

function sortTime(hit: LogHit): number {
  const first = hit.sort[0];
  return typeof first === 'number' ? first : Date.parse(hit.timestamp);
}
