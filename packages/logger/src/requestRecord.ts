import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractFields } from '@loglift/log-schema';
import { clientAddress } from './requestFields.js';
import type { RequestState } from './requestState.js';
import { serializeError } from './serializeError.js';

type HttpFields = NonNullable<ContractFields['http']>;

/**
 * The request line's record, built directly in the contract's shape with the request's ids (no
 * spreads or copies: this runs once per request). An error the app set on res.err is serialized
 * like any logged error.
 */
export function requestRecord(req: IncomingMessage, res: ServerResponse, state: RequestState): ContractFields {
  const { context } = state;
  const request: NonNullable<HttpFields['request']> = { method: req.method ?? 'GET' };
  if (context.requestId !== undefined) request.id = context.requestId;
  const http: HttpFields = { request };
  const route = state.routeOf(req);
  if (route !== undefined) http.route = route;
  // A response the client abandoned before its headers went out has no status worth writing.
  http.response =
    !res.writableFinished && !res.headersSent ? {} : { status_code: res.statusCode, body: { size: state.bytes } };
  http.server = { duration_ms: Math.round((performance.now() - state.started) * 1000) / 1000 };
  const record: ContractFields = { http, url: { path: state.path } };
  const userAgent = req.headers['user-agent'];
  if (userAgent !== undefined) record.user_agent = { original: userAgent };
  const client = clientAddress(req);
  if (client !== undefined) record.client = { address: client };
  if (context.traceId !== undefined) {
    record.trace_id = context.traceId;
    record.span_id = context.spanId;
    record.trace_flags = context.traceFlags;
  }
  const failure = (res as { err?: unknown }).err;
  if (failure !== undefined) record.error = serializeError(failure);
  return record;
}
