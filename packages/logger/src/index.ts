export {
  appFields,
  appPath,
  isLevel,
  LEVEL_VALUES,
  LEVELS,
  type Level,
  type LogDocument,
  type LogRecord,
  MERGE_KEY,
  TIMESTAMP_FIELD,
} from '@loglift/log-schema';
export { createLogger, DEFAULT_MAX_LINE_BYTES, type Logger, type LoggerOptions } from './createLogger.js';
export { flushLogger } from './flushLogger.js';
export { type HttpLoggerOptions, httpLogger } from './httpLogger.js';
export type { LoggerLevel } from './levels.js';
export { getLogContext, type LogContext, runWithLogContext } from './logContext.js';
export { LoggerOptionError } from './loggerOptionError.js';
export { parseTraceparent, type TraceContext } from './parseTraceparent.js';
export { REDACTED } from './redaction.js';
export { type CauseNode, type ErrorDetails, type SerializedError, serializeError } from './serializeError.js';
export type { ServiceOptions } from './serviceBindings.js';
