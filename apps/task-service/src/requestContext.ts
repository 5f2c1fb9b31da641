import { randomUUID } from 'node:crypto';
import { type Logger, runWithLogContext } from '@loglift/logger';
import type { Request, RequestHandler } from 'express';

const REQUEST_ID_HEADER = 'x-request-id';
// Same rule as the logging middleware, so both modes accept the same incoming ids.
const VALID_REQUEST_ID = /^[\w.~:/+=@-]{1,128}$/;

/** The fields the request middleware puts on each request. */
interface RequestWithContext {
  id?: unknown;
  log?: Logger;
}

/** The request's logger (carrying its request id), or the fallback outside a request. */
export function requestLog(req: Request, fallback: Logger): Logger {
  return (req as RequestWithContext).log ?? fallback;
}

/** The request id the middleware assigned, as echoed in `x-request-id`. */
export function requestId(req: Request): string | undefined {
  const id = (req as RequestWithContext).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * Used instead of the request-logging middleware when request lines are turned off: keeps the
 * request id (header echo, error bodies, and on every line through the log context) without
 * writing a line per request.
 */
export function requestIdOnly(): RequestHandler {
  return (req, res, next) => {
    const header = req.headers[REQUEST_ID_HEADER];
    const id = typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, id);
    (req as RequestWithContext).id = id;
    runWithLogContext({ requestId: id }, next);
  };
}
