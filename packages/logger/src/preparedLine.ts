import type { Level } from '@loglift/log-schema';
import type { pino } from 'pino';

/**
 * Hands a record that is already in the contract's shape from the request middleware to the
 * log-method hook, so the hook skips the walk meant for arbitrary objects. Only records built
 * by this package are passed, and only for the one synchronous log call they are made for.
 */
let pending: object | undefined;

/** Logs record at level through logger, the log-method hook told that record is prepared. */
export function writePrepared(logger: pino.Logger, level: Level, record: object, message: string): void {
  pending = record;
  try {
    logger[level](record, message);
  } finally {
    pending = undefined;
  }
}

/** True (once) when first is the record being written by writePrepared. */
export function takePrepared(first: unknown): boolean {
  if (pending === undefined || first !== pending) return false;
  pending = undefined;
  return true;
}
