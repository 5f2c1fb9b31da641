import { AsyncLocalStorage } from 'node:async_hooks';

/** Correlation ids carried by every line written while the context is active. */
export interface LogContext {
  /** Written as `http.request.id`. */
  requestId?: string;
  /** Written as `trace_id` (32 lowercase hex). */
  traceId?: string;
  /** Written as `span_id` (16 lowercase hex). */
  spanId?: string;
  /** Written as `trace_flags` (2 hex). */
  traceFlags?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs fn with ctx as the log context: every line written during fn, and in anything it starts
 * asynchronously, carries these ids. Nested calls add to the outer context.
 */
export function runWithLogContext<T>(ctx: LogContext, fn: () => T): T {
  const next: LogContext = { ...storage.getStore() };
  for (const key of ['requestId', 'traceId', 'spanId', 'traceFlags'] as const) {
    const value = ctx[key];
    if (typeof value === 'string' && value !== '') next[key] = value;
  }
  return storage.run(next, fn);
}

/**
 * Runs fn with context as it is (already merged with the enclosing one, every id a non-empty
 * string): the request middleware's per-request entry, without runWithLogContext's copy.
 */
export function enterLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The log context active here, if any. */
export function getLogContext(): LogContext | undefined {
  return storage.getStore();
}
