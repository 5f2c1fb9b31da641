/** Base class of every error @loglift/query throws, so callers can tell ours from bugs. */
export class LogliftQueryError extends Error {
  override readonly name: string = 'LogliftQueryError';
}

/** The cluster rejected the credentials (401) or the user lacks a permission (403). */
export class AuthError extends LogliftQueryError {
  override readonly name = 'AuthError';
  constructor(
    message: string,
    readonly status: 401 | 403,
  ) {
    super(message);
  }
}

/** The index, data stream or alias does not exist. */
export class IndexNotFoundError extends LogliftQueryError {
  override readonly name = 'IndexNotFoundError';
  constructor(readonly index: string) {
    super(`index "${index}" does not exist`);
  }
}

/** OpenSearch refused the query (400), e.g. a value that does not fit the field type. */
export class QueryError extends LogliftQueryError {
  override readonly name = 'QueryError';
  constructor(
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** No answer from the cluster: DNS, refused connection, TLS failure or timeout. */
export class UnreachableError extends LogliftQueryError {
  override readonly name: string = 'UnreachableError';
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}

/** The cluster answered with an error we have no better class for (5xx after retries, ...). */
export class ClusterError extends LogliftQueryError {
  override readonly name = 'ClusterError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** An argument given to the library was invalid (time range, filter, option). */
export class InvalidInputError extends LogliftQueryError {
  override readonly name = 'InvalidInputError';
}
