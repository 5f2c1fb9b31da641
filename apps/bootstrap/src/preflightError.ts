/** Preflight failed: OpenSearch never became ready, or our identity is not allowed. Exit code 1. */
export class PreflightError extends Error {
  override readonly name = 'PreflightError';
  constructor(
    readonly reason: 'auth' | 'unreachable' | 'health' | 'permission' | 'version',
    message: string,
  ) {
    super(message);
  }
}
