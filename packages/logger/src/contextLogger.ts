import type { pino } from 'pino';
import type { LogContext } from './logContext.js';
import { addCorrelation } from './logRecord.js';

/** Set on a logger whose bindings already carry a context's ids (see contextLogger, httpLogger). */
export const boundContext = Symbol('loglift.boundContext');

type Bound = { [boundContext]?: LogContext };

/** The contract fields for a context's ids, as bindings. */
export function contextBindings(context: LogContext): Record<string, unknown> {
  return addCorrelation({}, context);
}

/** A child of logger that writes the context's ids as bindings, marked as carrying them. */
export function bindContext(logger: pino.Logger, context: LogContext): pino.Logger {
  const child = logger.child(contextBindings(context));
  (child as unknown as Bound)[boundContext] = context;
  return child;
}

const children = new WeakMap<LogContext, WeakMap<pino.Logger, pino.Logger>>();

/**
 * The child of logger bound to context, made once per (context, logger) pair. Pino serializes a
 * child's bindings once, so lines written through it pay nothing per line for the ids.
 */
export function contextLogger(logger: pino.Logger, context: LogContext): pino.Logger {
  let byLogger = children.get(context);
  if (byLogger === undefined) {
    byLogger = new WeakMap();
    children.set(context, byLogger);
  }
  let child = byLogger.get(logger);
  if (child === undefined) {
    child = bindContext(logger, context);
    byLogger.set(logger, child);
  }
  return child;
}

/** The context whose ids the logger's bindings already carry, if any. */
export function contextOf(logger: pino.Logger): LogContext | undefined {
  return (logger as unknown as Bound)[boundContext];
}

/** Whether two contexts carry the same ids (contexts are copied on every runWithLogContext). */
export function sameContext(a: LogContext | undefined, b: LogContext | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.requestId === b.requestId && a.traceId === b.traceId && a.spanId === b.spanId && a.traceFlags === b.traceFlags
  );
}
