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

/** The log context active here, if any. */
export function getLogContext(): LogContext | undefined {
  return storage.getStore();
}
