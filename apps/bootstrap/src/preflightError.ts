import type { OpenSearchError } from './opensearch/openSearchError.js';

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

/** A 401/403 during preflight: fails at once, since retrying a wrong password only locks out. */
export function authError(identity: string, error: OpenSearchError): PreflightError {
  const verb = error.status === 401 ? 'authentication failed' : 'access denied';
  return new PreflightError(
    'auth',
    `${verb} for ${identity} (${error.method} ${error.path} returned ${error.status}); not retrying`,
  );
}
