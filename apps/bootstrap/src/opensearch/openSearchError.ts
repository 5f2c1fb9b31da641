/** A non-2xx answer from OpenSearch, with enough context to say what failed. */
export class OpenSearchError extends Error {
  override readonly name = 'OpenSearchError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} failed with ${status}: ${describeBody(body)}`);
  }

  get isConflict(): boolean {
    if (this.status === 409) return true;
    const type = errorType(this.body);
    if (type === 'resource_already_exists_exception' || type === 'version_conflict_engine_exception') return true;
    // A composable template created with `create=true` that another run created first.
    const reason = (this.body as { error?: { reason?: unknown } } | undefined)?.error?.reason;
    return type === 'illegal_argument_exception' && typeof reason === 'string' && /already exists/.test(reason);
  }

  get isAuth(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

function errorType(body: unknown): string | undefined {
  const error = (body as { error?: { type?: unknown } } | undefined)?.error;
  return typeof error?.type === 'string' ? error.type : undefined;
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '(empty body)';
  const error = (body as { error?: unknown }).error;
  if (error && typeof error === 'object') {
    const { type, reason } = error as { type?: string; reason?: string };
    return `${type ?? 'error'}: ${reason ?? JSON.stringify(error)}`;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
