import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogRecord } from '@loglift/log-schema';
import { bindContext } from './contextLogger.js';
import type { Logger } from './createLogger.js';
import { type LogContext, runWithLogContext } from './logContext.js';
import { describeValue, LoggerOptionError } from './loggerOptionError.js';
import { parseTraceparent } from './parseTraceparent.js';
import { clientAddress, trackResponse, urlPath } from './requestFields.js';
import { chooseRequestId, REQUEST_ID_HEADER } from './requestId.js';

declare module 'http' {
  interface IncomingMessage {
    /** Request id set by httpLogger (incoming x-request-id, or generated). */
    id: string;
    /** Logger bound to this request's ids; set by httpLogger. */
    log: Logger;
  }
}

export interface HttpLoggerOptions {
  logger: Logger;
  /**
   * Requests whose path matches get no request line (everything else still applies). A string
   * matches that path and everything below it. Default: health and metrics endpoints.
   */
  ignorePaths?: ReadonlyArray<string | RegExp>;
  /** Makes the request id when the incoming x-request-id is missing or not sane (default a UUID). */
  genReqId?: (req: IncomingMessage) => string;
}

export const DEFAULT_IGNORE_PATHS: ReadonlyArray<string | RegExp> = [
  '/health',
  '/healthz',
  '/livez',
  '/readyz',
  '/metrics',
];

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

function checkOptions(
  options: unknown,
): Required<Pick<HttpLoggerOptions, 'logger' | 'ignorePaths'>> & HttpLoggerOptions {
  if (typeof options !== 'object' || options === null) {
    throw new LoggerOptionError(
      'httpLogger options',
      `expected an object with a logger, got ${describeValue(options)}`,
    );
  }
  const { logger, ignorePaths = DEFAULT_IGNORE_PATHS, genReqId } = options as HttpLoggerOptions;
  if (typeof logger !== 'object' || logger === null || typeof logger.child !== 'function') {
    throw new LoggerOptionError('logger', `expected a logger from createLogger, got ${describeValue(logger)}`);
  }
  if (!Array.isArray(ignorePaths))
    throw new LoggerOptionError('ignorePaths', `expected an array, got ${describeValue(ignorePaths)}`);
  ignorePaths.forEach((entry: unknown, index) => {
    if (!(entry instanceof RegExp) && !(typeof entry === 'string' && entry.startsWith('/'))) {
      throw new LoggerOptionError(
        `ignorePaths[${index}]`,
        `expected a RegExp or a path starting with /, got ${describeValue(entry)}`,
      );
    }
  });
  if (genReqId !== undefined && typeof genReqId !== 'function') {
    throw new LoggerOptionError('genReqId', `expected a function, got ${describeValue(genReqId)}`);
  }
  return { logger, ignorePaths, genReqId };
}

function ignored(path: string, patterns: ReadonlyArray<string | RegExp>): boolean {
  for (const pattern of patterns) {
    if (typeof pattern === 'string') {
      if (path === pattern || path.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`)) return true;
    } else {
      pattern.lastIndex = 0;
      if (pattern.test(path)) return true;
    }
  }
  return false;
}

function levelFor(status: number): 'error' | 'warn' | 'info' {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}

/**
 * Express (or node:http) middleware: sets req.id and req.log, echoes x-request-id, runs the rest
 * of the request in the log context (so every line carries http.request.id and trace ids), and
 * writes one line per request when the response finishes or the client goes away. Bodies and
 * headers other than User-Agent are never logged.
 */
export function httpLogger(options: HttpLoggerOptions): Middleware {
  const { logger, ignorePaths, genReqId } = checkOptions(options);

  return function loglift(req, res, next) {
    const started = process.hrtime.bigint();
    const id = chooseRequestId(req, genReqId);
    const trace = parseTraceparent(req.headers.traceparent);
    const context: LogContext = { requestId: id, ...trace };
    req.id = id;
    // Made on first use: most handlers never log through req.log, and a child logger per request
    // was a large part of the middleware's cost.
    let log: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: true,
      get: () => {
        log ??= bindContext(logger, context);
        return log;
      },
      set: (value: Logger) => {
        log = value;
      },
    });
    if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);

    const path = urlPath(req);
    const tracked = trackResponse(req, res);
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      if (ignored(path, ignorePaths)) return;
      const method = req.method ?? 'GET';
      const status = res.statusCode;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1000) / 1000;
      const userAgent = req.headers['user-agent'];
      const client = clientAddress(req);
      const route = tracked.route();
      const record: Partial<LogRecord> = {
        http: {
          request: { method },
          ...(route === undefined ? {} : { route }),
          response: aborted && !res.headersSent ? {} : { status_code: status, body: { size: tracked.bytes() } },
          server: { duration_ms: durationMs },
        },
        url: { path },
        ...(userAgent === undefined ? {} : { user_agent: { original: userAgent } }),
        ...(client === undefined ? {} : { client: { address: client } }),
      };
      const failure = (res as { err?: unknown }).err;
      if (failure !== undefined) record.error = failure as LogRecord['error'];
      // Through the unbound logger, in the request's context: the ids merge into the record's
      // own http object instead of repeating the `http` key of req.log's bindings.
      runWithLogContext(context, () => {
        if (aborted) logger.warn(record, `${method} ${path} aborted by the client`);
        else logger[levelFor(status)](record, `${method} ${path} ${status}`);
      });
    };
    res.once('finish', () => finish(false));
    res.once('close', () => finish(!res.writableFinished));

    runWithLogContext(context, () => next());
  };
}
