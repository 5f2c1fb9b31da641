import type { pino } from 'pino';
import { activeSpanContext } from './activeSpan.js';
import { bindingsOf } from './bindings.js';
import { contextLogger, contextOf, sameContext } from './contextLogger.js';
import { misfitKey } from './contractShape.js';
import { isError } from './isError.js';
import { isPlainObject } from './isPlainObject.js';
import { getLogContext } from './logContext.js';
import { addCorrelation, prepareRecord } from './logRecord.js';
import { copyRecord, mergeObjects } from './mergeObjects.js';
import { takePrepared } from './preparedLine.js';
import { safeString } from './safeString.js';
import { serializeError } from './serializeError.js';
import type { LoggableLimits } from './toLoggable.js';

/** Per-logger state shared by the log-method hook and the stream-write hook of one line. */
export interface LineState {
  /** True when the line about to be written repeats a bound key and must be de-duplicated. */
  dedupe: boolean;
  limits: LoggableLimits;
}

// Top-level keys the correlation ids are written under.
const CORRELATION_KEYS = ['http', 'trace_id', 'span_id', 'trace_flags'];

function hasCorrelationKey(record: Record<string, unknown> | undefined): boolean {
  if (record === undefined) return false;
  for (const key of CORRELATION_KEYS) if (record[key] !== undefined) return true;
  return false;
}

/**
 * Rewrites the arguments of a log call (in place) so pino writes a contract record: the object
 * made safe, an Error first argument turned into `error`, correlation ids added, and keys that
 * the logger's bindings already write merged into one value. Returns the logger to write with.
 */
export function prepareLogCall(logger: pino.Logger, args: unknown[], state: LineState): pino.Logger {
  const first = args[0];
  if (takePrepared(first)) return preparedCall(logger, first as Record<string, unknown>, state);
  let record: Record<string, unknown> | undefined;
  // Index of the message argument: after the object, or first when there is none.
  let at = 1;
  if (first !== null && typeof first === 'object') {
    if (isError(first)) {
      const error = serializeError(first);
      record = { error };
      if (args[1] === undefined) args[1] = error.message;
    } else {
      record = prepareRecord(first, state.limits);
    }
  } else if (first !== null && first !== undefined) {
    at = 0;
  }

  const msg = args[at];
  if (msg !== undefined && typeof msg !== 'string') args[at] = safeString(msg);
  let shared = record === first;
  const own = (r: Record<string, unknown>) => {
    if (!shared) return r;
    shared = false;
    return copyRecord(r);
  };
  if (record?.message !== undefined) {
    record = own(record);
    if (args[1] !== undefined) {
      record[misfitKey('message')] = record.message;
      delete record.message;
    } else if (typeof record.message !== 'string') {
      record.message = safeString(record.message);
    }
  }

  let target = logger;
  const bound = contextOf(logger);
  const context = getLogContext() ?? bound;
  const span = activeSpanContext();
  if (span !== undefined) {
    // The active OpenTelemetry span is more precise than ids parsed from the incoming header.
    record = addCorrelation(record === undefined ? {} : own(record), { ...context, ...span });
  } else if (context !== undefined && !sameContext(context, bound)) {
    // Common case: write through a child that has the ids as bindings. A record with fields of
    // its own under those keys gets the ids merged in instead, so no key is written twice.
    if (hasCorrelationKey(record)) record = addCorrelation(own(record as Record<string, unknown>), context);
    else target = contextLogger(logger, context);
  }
  if (record === undefined) return target;

  record = mergeBoundKeys(bindingsOf(target), record, own, state);
  if (at === 0) args.unshift(record);
  else args[0] = record;
  return target;
}

/**
 * Keys the logger's bindings already write get one merged value (in a copy made by own), and the
 * line is flagged so the stream-write hook drops pino's second copy of the key.
 */
function mergeBoundKeys(
  bindings: Record<string, unknown>,
  record: Record<string, unknown>,
  own: (r: Record<string, unknown>) => Record<string, unknown>,
  state: LineState,
): Record<string, unknown> {
  let out = record;
  for (const key in record) {
    if (!Object.hasOwn(bindings, key)) continue;
    out = own(out);
    const mine = bindings[key];
    const theirs = out[key];
    out[key] = isPlainObject(mine) && isPlainObject(theirs) ? mergeObjects(mine, theirs) : theirs;
    state.dedupe = true;
  }
  return out;
}

/**
 * A record the request middleware built in the contract's shape, ids included: only an active
 * OpenTelemetry span (whose ids win) and keys the bindings also write are handled.
 */
function preparedCall(logger: pino.Logger, record: Record<string, unknown>, state: LineState): pino.Logger {
  const span = activeSpanContext();
  if (span !== undefined) {
    record.trace_id = span.traceId;
    record.span_id = span.spanId;
    record.trace_flags = span.traceFlags;
  }
  mergeBoundKeys(bindingsOf(logger), record, (r) => r, state);
  return logger;
}
