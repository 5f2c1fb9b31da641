import { readFileSync } from 'node:fs';
import { simpleRequest } from './http.js';
import type { OpenSearchConnection } from './providedContext.js';

/**
 * A node named by LOGLIFT_OPENSEARCH_URL (+ _USERNAME, default admin; _PASSWORD;
 * _CA, a PEM file; _VERSION, asked from the node when absent), or undefined.
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env):
  | (Omit<OpenSearchConnection, 'version'> & {
      version: string | undefined;
    })
  | undefined {
  const url = env.LOGLIFT_OPENSEARCH_URL;
  if (url === undefined || url === '') return undefined;
  const password = env.LOGLIFT_OPENSEARCH_PASSWORD;
  if (password === undefined) throw new Error('LOGLIFT_OPENSEARCH_URL is set but LOGLIFT_OPENSEARCH_PASSWORD is not');
  const version = env.LOGLIFT_OPENSEARCH_VERSION;
  return {
    url: url.replace(/\/+$/, ''),
    username: env.LOGLIFT_OPENSEARCH_USERNAME || 'admin',
    password,
    caFile: env.LOGLIFT_OPENSEARCH_CA ?? '',
    version: version === '' ? undefined : version,
  };
}

/** GET / with the given credentials; returns the node's version or throws a readable error. */
export async function fetchVersion(connection: Omit<OpenSearchConnection, 'version'>): Promise<string> {
  const request = {
    auth: { username: connection.username, password: connection.password },
    ...(connection.caFile === '' ? {} : { ca: readFileSync(connection.caFile) }),
  };
  const response = await simpleRequest(`${connection.url}/`, request).catch((error: unknown) => {
    throw new Error(`OpenSearch at ${connection.url} is not reachable: ${String(error)}`);
  });
  if (response.status !== 200) {
    throw new Error(`OpenSearch at ${connection.url} answered GET / with HTTP ${String(response.status)}`);
  }
  const version = (JSON.parse(response.body) as { version?: { number?: string } }).version?.number;
  if (version === undefined) throw new Error(`OpenSearch at ${connection.url} did not report a version`);
  return version;
}
