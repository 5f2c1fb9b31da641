import type { LogRecord } from '@loglift/log-schema';
import { isPlainObject } from './isPlainObject.js';
import { cutString, TRUNCATED_MARK } from './readProperty.js';

/** Smallest accepted maxLineBytes: room for the fields a truncated record always keeps. */
export const MIN_LINE_BYTES = 1024;

const STRING_CAPS = [4096, 1024, 256, 64];
const ARRAY_CAP = 20;

function byteLength(line: string): number {
  return Buffer.byteLength(line, 'utf8');
}

function capValues(value: unknown, maxString: number): unknown {
  if (typeof value === 'string') return cutString(value, maxString);
  if (Array.isArray(value)) return value.slice(0, ARRAY_CAP).map((item) => capValues(item, maxString));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = capValues(item, maxString);
    return out;
  }
  return value;
}

function withMarker(record: Record<string, unknown>, originalSize: number): Record<string, unknown> {
  const log = isPlainObject(record.log) ? record.log : {};
  return { ...record, log: { ...log, truncated: true, original_size: originalSize } };
}

function serialize(record: Record<string, unknown>): string {
  return `${JSON.stringify(record)}\n`;
}

// The fields a record keeps when even short strings do not fit: enough to find and correlate it.
function essentials(record: Record<string, unknown>): Record<string, unknown> {
  const http = isPlainObject(record.http) ? record.http : undefined;
  const request = http && isPlainObject(http.request) ? http.request : undefined;
  const error = isPlainObject(record.error) ? record.error : undefined;
  const kept: Partial<LogRecord> = {
    time: record.time as string,
    level: record.level as LogRecord['level'],
    service: record.service as LogRecord['service'],
    k8s: record.k8s as LogRecord['k8s'],
    trace_id: record.trace_id as string | undefined,
    span_id: record.span_id as string | undefined,
    trace_flags: record.trace_flags as string | undefined,
    http: request?.id === undefined ? undefined : { request: { id: request.id as string } },
    error: error === undefined ? undefined : { type: error.type as string, code: error.code as string | undefined },
  };
  return capValues(JSON.parse(JSON.stringify(kept)), 128) as Record<string, unknown>;
}

/**
 * Returns the line unchanged when it fits in maxBytes, else a shortened record that does, with
 * `log.truncated: true` and `log.original_size`. Long strings are cut first (so most fields
 * survive), then only the identifying fields and a cut message are kept.
 */
export function truncateLine(line: string, maxBytes: number): string {
  // Cheap test first: a UTF-8 byte is at most 3 bytes per UTF-16 unit.
  if (line.length * 3 <= maxBytes) return line;
  const size = byteLength(line);
  if (size <= maxBytes) return line;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    record = { message: line };
  }
  for (const cap of STRING_CAPS) {
    const candidate = serialize(withMarker(capValues(record, cap) as Record<string, unknown>, size));
    if (byteLength(candidate) <= maxBytes) return candidate;
  }
  const base = withMarker(essentials(record), size);
  const message = typeof record.message === 'string' ? record.message : '';
  const errorMessage =
    isPlainObject(record.error) && typeof record.error.message === 'string' ? record.error.message : '';
  const text = message || errorMessage;
  let keep = text.length;
  for (;;) {
    const candidate = serialize({ ...base, message: cutString(text, keep) });
    const bytes = byteLength(candidate);
    if (bytes <= maxBytes) return candidate;
    if (keep === 0) break;
    // Every character dropped saves at least one byte; the marker costs a few.
    keep = Math.max(0, keep - (bytes - maxBytes) - TRUNCATED_MARK.length);
  }
  return serialize(withMarker({ time: record.time, level: record.level }, size));
}
