import { errors } from '@opensearch-project/opensearch';
import { connectionError } from './connectionErrors.js';
import {
  AuthError,
  ClusterError,
  IndexNotFoundError,
  LogliftQueryError,
  QueryError,
  UnreachableError,
} from './errors.js';

interface ErrorBody {
  error?:
    | string
    | { type?: string; reason?: string; index?: string; root_cause?: { type?: string; reason?: string }[] };
  message?: string;
}

/** Turns a client error into one of our typed errors with a message that says what happened. */
export function toQueryError(
  error: unknown,
  context: {
    url: string;
    index: string;
    username?: string | undefined;
    caFile?: string | undefined;
    elapsedMs?: number;
  },
): Error {
  if (error instanceof LogliftQueryError) return error;
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode;
    const body = (typeof error.body === 'object' && error.body !== null ? error.body : {}) as ErrorBody;
    const detail = typeof body.error === 'object' ? body.error : undefined;
    const reason =
      detail?.root_cause?.[0]?.reason ??
      detail?.reason ??
      (typeof body.error === 'string' ? body.error : undefined) ??
      body.message ??
      (typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? error.message));
    if (status === 401) {
      const who = context.username ? ` for user "${context.username}"` : '';
      return new AuthError(
        `authentication failed${who} at ${context.url} (check the username/password or credentials)`,
        401,
      );
    }
    if (status === 403) return new AuthError(`permission denied: ${reason}`, 403);
    if (status === 404 && detail?.type === 'index_not_found_exception') {
      return new IndexNotFoundError(detail.index ?? context.index);
    }
    if (status === 400) return new QueryError(`query rejected by OpenSearch: ${reason}`, reason);
    return new ClusterError(`OpenSearch answered ${status}: ${reason}`, status);
  }
  if (error instanceof errors.TimeoutError) {
    return connectionError(error.message, context, true) ?? new UnreachableError(error.message, context.url);
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError) {
    return (
      connectionError(error.message, context, false) ??
      new UnreachableError(`cannot reach OpenSearch at ${context.url}: ${error.message}`, context.url)
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Status codes worth retrying: the cluster is overloaded or a proxy could not reach it. */
export function isRetryable(error: unknown): boolean {
  return error instanceof errors.ResponseError && [429, 502, 503, 504].includes(error.statusCode);
}
