import { conformToContract, misfitKey } from './contractShape.js';
import { isPlainObject } from './isPlainObject.js';
import { copyRecord } from './mergeObjects.js';
import { type LoggableLimits, toLoggableRecord } from './toLoggable.js';

// Written by pino itself from the level and the clock; a log call's object cannot set them.
const RESERVED_KEYS = ['time', 'level'] as const;

/**
 * Turns the object of a log call (or child bindings) into a record that serializes to valid
 * JSON and fits the contract: hostile values neutralised, credentials redacted, `err` written as
 * `error`, and values that would clash with the contract's types moved aside. Returns the input
 * object itself when it needed no change, so callers copy before adding to it.
 */
export function prepareRecord(value: object, limits: LoggableLimits): Record<string, unknown> {
  let record = toLoggableRecord(value, limits);
  const own = () => {
    if (record === value) record = copyRecord(record);
  };
  if (record.err !== undefined && record.error === undefined) {
    own();
    record.error = record.err;
    delete record.err;
  }
  for (const key of RESERVED_KEYS) {
    if (Object.hasOwn(record, key)) {
      own();
      record[misfitKey(key)] = record[key];
      delete record[key];
    }
  }
  return conformToContract(record);
}

function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = copyRecord(target);
  copy[key] = value;
  return copy;
}

/** The contract fields for the current correlation ids, merged under a record's own values. */
export function addCorrelation(
  record: Record<string, unknown>,
  ids: { requestId?: string; traceId?: string; spanId?: string; traceFlags?: string },
): Record<string, unknown> {
  if (ids.traceId !== undefined && record.trace_id === undefined) {
    record.trace_id = ids.traceId;
    if (ids.spanId !== undefined && record.span_id === undefined) record.span_id = ids.spanId;
    if (ids.traceFlags !== undefined && record.trace_flags === undefined) record.trace_flags = ids.traceFlags;
  }
  if (ids.requestId !== undefined) {
    const http = record.http;
    if (http === undefined) {
      record.http = { request: { id: ids.requestId } };
    } else if (isPlainObject(http)) {
      const request = http.request;
      if (request === undefined) record.http = withKey(http, 'request', { id: ids.requestId });
      else if (isPlainObject(request) && request.id === undefined) {
        record.http = withKey(http, 'request', withKey(request, 'id', ids.requestId));
      }
    }
  }
  return record;
}
