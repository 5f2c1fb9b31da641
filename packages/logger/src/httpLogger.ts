import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './createLogger.js';
import { enterLogContext, getLogContext, type LogContext } from './logContext.js';
import { describeValue, LoggerOptionError } from './loggerOptionError.js';
import { parseTraceparent } from './parseTraceparent.js';
import { writePrepared } from './preparedLine.js';
import { urlPath } from './requestFields.js';
import { chooseRequestId, REQUEST_ID_HEADER } from './requestId.js';
import { attachRequestLog } from './requestLogAccessor.js';
import { requestRecord } from './requestRecord.js';
import { RequestState, setState, stateOf, trackResponse } from './requestState.js';

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

/** A matcher for ignorePaths, with the string prefixes made once rather than per request. */
function pathMatcher(patterns: ReadonlyArray<string | RegExp>): (path: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const regexps: RegExp[] = [];
  for (const pattern of patterns) {
    if (typeof pattern === 'string') {
      exact.add(pattern);
      prefixes.push(pattern.endsWith('/') ? pattern : `${pattern}/`);
    } else {
      regexps.push(pattern);
    }
  }
  return (path) => {
    if (exact.has(path)) return true;
    for (const prefix of prefixes) if (path.startsWith(prefix)) return true;
    for (const pattern of regexps) {
      pattern.lastIndex = 0;
      if (pattern.test(path)) return true;
    }
    return false;
  };
}

function levelFor(status: number): 'error' | 'warn' | 'info' {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}

/**
 * Writes the request line when the response closes: 'close' follows 'finish' on every response,
 * and comes alone when the client went away first. Shared by all requests (`this` is the
 * response), like the response wrappers.
 */
function writeRequestLine(this: ServerResponse): void {
  const req = this.req;
  const state = stateOf(req);
  if (state === undefined) return;
  const { logger, path } = state;
  const aborted = !this.writableFinished;
  const level = aborted ? 'warn' : levelFor(this.statusCode);
  if (!logger.isLevelEnabled(level)) return;
  const record = requestRecord(req, this, state);
  const method = req.method ?? 'GET';
  const message = aborted ? `${method} ${path} aborted by the client` : `${method} ${path} ${this.statusCode}`;
  // Built in the contract's shape with the ids in it: the logger skips the walk it gives
  // arbitrary objects, and the log context need not be entered again.
  writePrepared(logger, level, record, message);
}

/**
 * Express (or node:http) middleware: sets req.id and req.log, echoes x-request-id, runs the rest
 * of the request in the log context (so every line carries http.request.id and trace ids), and
 * writes one line per request when the response finishes or the client goes away. Bodies and
 * headers other than User-Agent are never logged.
 */
export function httpLogger(options: HttpLoggerOptions): Middleware {
  const { logger, ignorePaths, genReqId } = checkOptions(options);
  const ignored = pathMatcher(ignorePaths);

  return function loglift(req, res, next) {
    const started = performance.now();
    const id = chooseRequestId(req, genReqId);
    const trace = parseTraceparent(req.headers.traceparent);
    const own: LogContext =
      trace === undefined
        ? { requestId: id }
        : { requestId: id, traceId: trace.traceId, spanId: trace.spanId, traceFlags: trace.traceFlags };
    // Ids of an enclosing context (rare for a server) still apply where the request has none.
    const outer = getLogContext();
    const context = outer === undefined ? own : { ...outer, ...own };
    const path = urlPath(req);
    const state = new RequestState(logger, context, path, started);
    req.id = id;
    setState(req, state);
    attachRequestLog(req);
    if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
    if (!ignored(path)) {
      trackResponse(res, state);
      res.on('close', writeRequestLine);
    }
    enterLogContext(context, next);
  };
}
