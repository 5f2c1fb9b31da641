import { pino } from 'pino';
import { mergeBindingsOnChild } from './bindings.js';
import { registerExitHandlers } from './exitHandlers.js';
import { isoTime } from './isoTime.js';
import { isPlainObject } from './isPlainObject.js';
import { type LoggerLevel, resolveLevel } from './levels.js';
import { type LineState, prepareLogCall } from './logCall.js';
import { describeValue, LoggerOptionError } from './loggerOptionError.js';
import { prepareRecord } from './logRecord.js';
import { mergeObjects } from './mergeObjects.js';
import { REDACTED, validateRedactPaths } from './redaction.js';
import { safeString } from './safeString.js';
import { type Env, type ServiceOptions, serviceBindings } from './serviceBindings.js';
import { DEFAULT_LIMITS } from './toLoggable.js';
import { MIN_LINE_BYTES, truncateLine } from './truncateLine.js';

/** A pino logger writing the loglift contract. */
export type Logger = pino.Logger;

export interface LoggerOptions {
  /** service.name/version/environment; each falls back to an environment variable. */
  service?: ServiceOptions;
  /** Minimum level written; default LOG_LEVEL, else `info`. */
  level?: LoggerLevel;
  /** Extra redaction paths in pino syntax (e.g. `user.ssn`, `*.card`), on top of the defaults. */
  redact?: string[];
  /** Longest line in bytes, newline included (default 16000, below the 16 KiB CRI line split). */
  maxLineBytes?: number;
  /** Where lines go; default a synchronous stdout, so no line is lost on exit or crash. */
  destination?: pino.DestinationStream;
  /** Fields written on every line, e.g. `{ component: 'worker' }`. */
  bindings?: Record<string, unknown>;
  /** Flush and write a fatal line on crashes, and exit on unhandled signals (default true). */
  handleExit?: boolean;
  /** Environment the fallbacks are read from (default process.env). */
  env?: Env;
}

const KNOWN_OPTIONS = new Set([
  'service',
  'level',
  'redact',
  'maxLineBytes',
  'destination',
  'bindings',
  'handleExit',
  'env',
]);
export const DEFAULT_MAX_LINE_BYTES = 16_000;

function checkOptions(options: unknown): LoggerOptions {
  if (!isPlainObject(options))
    throw new LoggerOptionError('options', `expected an object, got ${describeValue(options)}`);
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new LoggerOptionError(key, 'unknown option');
  }
  const { maxLineBytes, destination, bindings, handleExit, env } = options;
  if (maxLineBytes !== undefined && (!Number.isInteger(maxLineBytes) || (maxLineBytes as number) < MIN_LINE_BYTES)) {
    throw new LoggerOptionError(
      'maxLineBytes',
      `expected an integer >= ${MIN_LINE_BYTES}, got ${describeValue(maxLineBytes)}`,
    );
  }
  if (destination !== undefined && (!isPlainObject(destination) || typeof destination.write !== 'function')) {
    throw new LoggerOptionError(
      'destination',
      `expected a stream with a write() method, got ${describeValue(destination)}`,
    );
  }
  if (bindings !== undefined && !isPlainObject(bindings)) {
    throw new LoggerOptionError('bindings', `expected an object, got ${describeValue(bindings)}`);
  }
  if (handleExit !== undefined && typeof handleExit !== 'boolean') {
    throw new LoggerOptionError('handleExit', `expected a boolean, got ${describeValue(handleExit)}`);
  }
  if (env !== undefined && !isPlainObject(env))
    throw new LoggerOptionError('env', `expected an object, got ${describeValue(env)}`);
  return options as LoggerOptions;
}

/**
 * Creates a pino logger that writes one JSON line per record in the loglift contract: nested
 * field names from @loglift/log-schema, lowercase `level`, ISO `time`, `message`, errors in the
 * `error.*` shape, credentials redacted, correlation ids from the request context, lines capped
 * below the container runtime's split.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const checked = checkOptions(options);
  const env = checked.env ?? process.env;
  const level = resolveLevel(checked.level, env.LOG_LEVEL);
  const redact = validateRedactPaths(checked.redact);
  const maxLineBytes = checked.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const limits = { ...DEFAULT_LIMITS, maxStringLength: maxLineBytes };
  const state: LineState = { dedupe: false, limits };

  const service = serviceBindings(checked.service, env);
  const extra = checked.bindings === undefined ? {} : prepareRecord(checked.bindings, limits);
  const base = mergeObjects(service, extra);

  let logger: Logger;
  try {
    logger = pino(
      {
        level,
        messageKey: 'message',
        errorKey: 'error',
        base,
        timestamp: isoTime,
        formatters: { level: (label) => ({ level: label }) },
        // Errors are serialized before pino sees them; pino's default err serializer (applied to
        // the errorKey) would serialize the result a second time.
        serializers: { err: (value: unknown) => value },
        ...(redact.length > 0 ? { redact: { paths: redact, censor: REDACTED } } : {}),
        hooks: {
          logMethod(args, method) {
            try {
              const target = prepareLogCall(this, args, state);
              method.apply(target, args as Parameters<typeof method>);
            } catch (err) {
              state.dedupe = false;
              method.call(
                this,
                { error: { type: 'LoggerError', message: safeString(err) } },
                'log call could not be written',
              );
            }
          },
          streamWrite(line) {
            let out = line;
            if (state.dedupe) {
              state.dedupe = false;
              try {
                // JSON.parse keeps the last of duplicate keys, which holds the merged value.
                out = `${JSON.stringify(JSON.parse(line))}\n`;
              } catch {
                // Leave the line as written.
              }
            }
            return truncateLine(out, maxLineBytes);
          },
        },
      },
      checked.destination ?? pino.destination({ dest: 1, sync: true }),
    );
  } catch (err) {
    if (redact.length === 0) throw err;
    throw new LoggerOptionError('redact', safeString(err instanceof Error ? err.message : err));
  }
  mergeBindingsOnChild(logger, (bindings) => prepareRecord(bindings, limits));
  if (checked.handleExit ?? true) registerExitHandlers(logger);
  return logger;
}
