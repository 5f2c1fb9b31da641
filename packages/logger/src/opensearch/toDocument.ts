import { MERGE_KEY, TIMESTAMP_FIELD } from '@loglift/log-schema';

/** Kubernetes-style metadata for apps outside Kubernetes, under the same names Fluent Bit uses. */
export interface DocumentMetadata {
  namespace_name?: string;
  pod_name?: string;
  pod_id?: string;
  container_name?: string;
  container_image?: string;
  docker_id?: string;
  host?: string;
  labels?: Record<string, string>;
}

export interface ToDocumentOptions {
  /** Added as `kubernetes.*`. */
  kubernetes?: DocumentMetadata;
  /** `stream` field; default `stdout`. */
  stream?: 'stdout' | 'stderr';
  /** Replace dots in keys with `_`, as the chart's Fluent Bit output does. Default true. */
  replaceDots?: boolean;
}

/** Replaces `.` with `_` in every object key, at any depth (Fluent Bit's `replace_dots`). */
export function replaceDots(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(replaceDots);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key.replaceAll('.', '_')] = replaceDots(inner);
  return out;
}

function timestampOf(record: Record<string, unknown>): string {
  const time = record.time;
  const parsed = typeof time === 'string' || typeof time === 'number' ? new Date(time) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : new Date().toISOString();
}

/**
 * The document Fluent Bit would store for this record: the record under the merge key, beside
 * `@timestamp` (from the record's `time`), `stream` and `kubernetes.*`.
 */
export function toDocument(record: Record<string, unknown>, options: ToDocumentOptions = {}): Record<string, unknown> {
  const dots = options.replaceDots ?? true;
  const document: Record<string, unknown> = {
    [TIMESTAMP_FIELD]: timestampOf(record),
    stream: options.stream ?? 'stdout',
    [MERGE_KEY]: dots ? replaceDots(record) : record,
  };
  if (options.kubernetes) document.kubernetes = dots ? replaceDots(options.kubernetes) : options.kubernetes;
  return document;
}
