import { isLevel, LEVELS, type Level } from '@loglift/log-schema';
import { describeValue, LoggerOptionError } from './loggerOptionError.js';

/** A level the logger can be set to: one of the contract's labels, or `silent` to write nothing. */
export type LoggerLevel = Level | 'silent';

function isLoggerLevel(value: unknown): value is LoggerLevel {
  return value === 'silent' || isLevel(value);
}

/**
 * The level from the option, else LOG_LEVEL, else info. LOG_LEVEL is matched case-insensitively
 * because it is typed by hand into manifests; the option must already be a lowercase label.
 */
export function resolveLevel(option: unknown, envLevel: string | undefined): LoggerLevel {
  if (option !== undefined) {
    if (!isLoggerLevel(option)) {
      throw new LoggerOptionError(
        'level',
        `expected one of ${[...LEVELS, 'silent'].join(', ')}, got ${describeValue(option)}`,
      );
    }
    return option;
  }
  const fromEnv = envLevel?.trim().toLowerCase();
  if (fromEnv) {
    if (!isLoggerLevel(fromEnv)) {
      throw new LoggerOptionError(
        'level',
        `LOG_LEVEL must be one of ${[...LEVELS, 'silent'].join(', ')}, got ${describeValue(envLevel)}`,
      );
    }
    return fromEnv;
  }
  return 'info';
}
