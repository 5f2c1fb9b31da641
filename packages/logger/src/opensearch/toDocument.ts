import { liftRecord, MERGE_KEY, TIMESTAMP_FIELD } from '@loglift/log-schema';

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

/**
 * The document the chart's pipeline stores for this record: the record under the merge key and
 * the contract's fields lifted to typed root fields by the same rules as the chart's lua filter
 * (`liftRecord` of @loglift/log-schema); a line that is not a JSON object is passed as a string
 * and becomes `message`. `@timestamp` is the record's own time, else now.
 */
export function toDocument(
  record: Record<string, unknown> | string,
  options: ToDocumentOptions = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = { stream: options.stream ?? 'stdout' };
  if (typeof record === 'string') input.log = record;
  else input[MERGE_KEY] = record;
  if (options.kubernetes) input.kubernetes = options.kubernetes;
  const lifted = liftRecord(input, Date.now());
  const document = { [TIMESTAMP_FIELD]: lifted.time, ...lifted };
  return (options.replaceDots ?? true) ? (replaceDots(document) as Record<string, unknown>) : document;
}
