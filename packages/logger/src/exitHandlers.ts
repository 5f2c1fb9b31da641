import { constants } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import type { pino } from 'pino';
import { flushLoggerSync } from './flushLogger.js';

const loggers = new Set<pino.Logger>();
let installed = false;

function flushAll(): void {
  for (const logger of loggers) flushLoggerSync(logger);
}

// The first logger that asked for exit handling writes the process-level lines.
function primary(): pino.Logger | undefined {
  return loggers.values().next().value;
}

function onCrash(event: 'uncaughtException' | 'unhandledRejection', message: string) {
  return (error: unknown): void => {
    try {
      primary()?.fatal({ error }, message);
    } catch {
      // Nothing left to report with; still exit below.
    }
    flushAll();
    // Only when no other handler is registered: then Node's own behaviour would have been to
    // print the error and exit 1, which this replaces with the fatal JSON line.
    if (process.listenerCount(event) === 1) process.exit(1);
  };
}

function onSignal(signal: 'SIGTERM' | 'SIGINT'): void {
  flushAll();
  // An app that handles the signal itself owns the shutdown; it calls flushLogger when done.
  if (process.listenerCount(signal) > 1) return;
  primary()?.info({ signal }, `received ${signal}, exiting`);
  flushAll();
  // process.exit rather than re-raising: as PID 1 in a container, a default-handled SIGTERM
  // would be ignored by the kernel.
  process.exit(128 + constants.signals[signal]);
}

function install(): void {
  installed = true;
  process.on('uncaughtException', onCrash('uncaughtException', 'uncaught exception'));
  process.on('unhandledRejection', onCrash('unhandledRejection', 'unhandled rejection'));
  process.on('exit', flushAll);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * Makes crashes, signals and process.exit() write out this logger's lines (see the README's
 * "Signals and exit" section for the exact behaviour). Worker threads are left alone: they get
 * no signals and their crashes surface in the parent.
 */
export function registerExitHandlers(logger: pino.Logger): void {
  if (!isMainThread) return;
  loggers.add(logger);
  if (!installed) install();
}
