import type { Logger } from '@loglift/logger';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { type FieldProblem, HttpError } from './httpError.js';
import { requestId, requestLog } from './requestContext.js';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: readonly FieldProblem[];
    requestId?: string;
  };
}

/** Errors thrown by body-parser carry a `type` and an HTTP `status`. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  limit?: unknown;
}

function clientError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status, expose, limit } = err as BodyParserError;
  if (type === 'entity.parse.failed') return new HttpError(400, 'malformed_json', 'Request body is not valid JSON');
  if (type === 'entity.too.large') {
    return new HttpError(413, 'payload_too_large', `Request body exceeds the limit of ${String(limit)} bytes`);
  }
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    const message = err instanceof Error ? err.message : 'Bad request';
    return new HttpError(status, typeof type === 'string' ? type.replaceAll('.', '_') : 'bad_request', message);
  }
  return undefined;
}

/** Answers 4xx with the reason and 5xx with the request id; logs 5xx with their stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      requestLog(req, logger).error({ err }, 'request failed after the response started');
      next(err);
      return;
    }
    const id = requestId(req);
    const known = clientError(err);
    if (known) {
      const body: ErrorBody = {
        error: {
          code: known.code,
          message: known.message,
          ...(known.fields ? { fields: known.fields } : {}),
          ...(id ? { requestId: id } : {}),
        },
      };
      res.status(known.status).json(body);
      return;
    }
    requestLog(req, logger).error({ err }, 'request failed');
    const body: ErrorBody = {
      error: { code: 'internal_error', message: 'Internal server error', ...(id ? { requestId: id } : {}) },
    };
    res.status(500).json(body);
  };
}

/** Unknown routes get a JSON 404 rather than Express's HTML page. */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    const id = requestId(req);
    const body: ErrorBody = {
      error: {
        code: 'route_not_found',
        message: `No route for ${req.method} ${req.path}`,
        ...(id ? { requestId: id } : {}),
      },
    };
    res.status(404).json(body);
  };
}
