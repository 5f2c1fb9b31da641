import { prepareQuery, type QueryInput } from './buildQuery.js';
import { FIELDS } from './contractFields.js';
import { AuthError, InvalidInputError } from './errors.js';
import type { LogClient } from './logClient.js';
import { type LogHit, type SearchResponse, sourceFilter, toLogHit } from './logHit.js';
import { resolveTimeRange, type TimeRangeInput } from './timeRange.js';

export interface ExportOptions extends QueryInput {
  readonly time?: TimeRangeInput;
  /** Default `oldest` first. */
  readonly order?: 'oldest' | 'newest';
  readonly fields?: readonly string[];
  /** Documents per request, default 5000. */
  readonly pageSize?: number;
  /** How long the Point-in-Time stays open between two pages, default `5m`. */
  readonly keepAlive?: string;
  /** Stops the export; the Point-in-Time is deleted and the iterator throws the abort reason. */
  readonly signal?: AbortSignal;
}

/**
 * Every matching document exactly once and in order: a Point-in-Time with `search_after`, sorted
 * by time with a unique tiebreak (`_shard_doc` on OpenSearch >= 3.3, `_id` before). One page is
 * fetched ahead while the caller consumes the current one, so memory stays at two pages however
 * large the export. The Point-in-Time is deleted on completion, error, abort and early `break`.
 */
export async function* exportLogs(client: LogClient, options: ExportOptions = {}): AsyncGenerator<LogHit, void> {
  const pageSize = options.pageSize ?? 5000;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) {
    throw new InvalidInputError(`pageSize must be an integer from 1 to 10000, got ${pageSize}`);
  }
  const keepAlive = options.keepAlive ?? '5m';
  const order = options.order === 'newest' ? 'desc' : 'asc';
  const range = resolveTimeRange({ ...options.time, timeZone: options.time?.timeZone ?? options.timeZone });
  const query = await prepareQuery(client, options, range);
  const tiebreak = (await shardDocSupported(client)) ? '_shard_doc' : '_id';
  const sort = [{ [FIELDS.timestamp]: { order } }, { [tiebreak]: { order } }];
  // Our own controller, so a page fetched ahead can be cancelled when the caller stops early.
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  options.signal?.throwIfAborted();

  let pitId = (
    await client.request<{ pit_id: string }>(
      {
        method: 'POST',
        path: `/${encodeURIComponent(client.index)}/_search/point_in_time`,
        querystring: { keep_alive: keepAlive },
      },
      controller.signal,
    )
  ).pit_id;
  const fetchPage = (after: readonly unknown[] | undefined) =>
    client.request<SearchResponse>(
      {
        method: 'POST',
        path: '/_search',
        body: {
          size: pageSize,
          query,
          sort,
          pit: { id: pitId, keep_alive: keepAlive },
          track_total_hits: false,
          ...(after ? { search_after: after } : {}),
          ...sourceFilter(options.fields),
        },
      },
      controller.signal,
    );

  let next: Promise<SearchResponse> | undefined = fetchPage(undefined);
  try {
    while (next) {
      const response: SearchResponse = await next;
      if (response.pit_id) pitId = response.pit_id;
      const hits = response.hits.hits;
      next = hits.length === pageSize ? fetchPage(hits.at(-1)?.sort) : undefined;
      // A rejected prefetch is reported when awaited; until then it must not count as unhandled.
      next?.catch(() => undefined);
      for (const hit of hits) {
        controller.signal.throwIfAborted();
        yield toLogHit(hit);
      }
    }
  } finally {
    controller.abort();
    options.signal?.removeEventListener('abort', onAbort);
    await deletePit(client, pitId);
  }
  options.signal?.throwIfAborted();
}

async function deletePit(client: LogClient, pitId: string): Promise<void> {
  try {
    await client.request({ method: 'DELETE', path: '/_search/point_in_time', body: { pit_id: [pitId] } });
  } catch {
    // The Point-in-Time expires after keep_alive anyway; a failed delete must not hide the real outcome.
  }
}

/** Readers may not be allowed `GET /`; without the version, `_id` is the tiebreak that always works. */
async function shardDocSupported(client: LogClient): Promise<boolean> {
  try {
    return supportsShardDoc(await client.version());
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}

/** `_shard_doc` as a sort tiebreak arrived in OpenSearch 3.3. */
export function supportsShardDoc(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 3);
}
