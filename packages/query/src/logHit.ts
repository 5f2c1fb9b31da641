import type { LogDocument } from '@loglift/log-schema';
import { FIELDS } from './contractFields.js';

/** One log document as read back, typed by the document contract. */
export interface LogHit {
  readonly id: string;
  /** Backing index the document lives in, e.g. `.ds-logs-loglift-000001`. */
  readonly index: string;
  /** `@timestamp` as stored (ISO-8601). */
  readonly timestamp: string;
  /** Sort values, usable as `search_after`. */
  readonly sort: readonly unknown[];
  readonly source: LogDocument;
}

export interface RawHit {
  _id: string;
  _index: string;
  _source?: Record<string, unknown>;
  sort?: unknown[];
}

export interface SearchResponse {
  hits: { total?: { value: number; relation: 'eq' | 'gte' }; hits: RawHit[] };
  aggregations?: Record<string, unknown>;
  pit_id?: string;
}

export function toLogHit(hit: RawHit): LogHit {
  const source = (hit._source ?? {}) as unknown as LogDocument;
  const timestamp = source[FIELDS.timestamp as '@timestamp'];
  return {
    id: hit._id,
    index: hit._index,
    timestamp: typeof timestamp === 'string' ? timestamp : new Date(Number(hit.sort?.[0] ?? 0)).toISOString(),
    sort: hit.sort ?? [],
    source,
  };
}

/** `_source` includes for selected fields; the timestamp is always kept so hits stay ordered. */
export function sourceFilter(fields: readonly string[] | undefined): { _source?: string[] } {
  if (!fields || fields.length === 0) return {};
  return { _source: [...new Set([FIELDS.timestamp, ...fields])] };
}
