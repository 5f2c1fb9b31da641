import { readFileSync } from 'node:fs';
import { request as plainRequest } from 'node:http';
import { request } from 'node:https';
import type { OpenSearchConnection as TestNodeConnection } from '@loglift/opensearch-testbed/connection';

/** How the pipeline reaches the test node as admin: the test bed's connection, version aside. */
export type OpenSearchConnection = Omit<TestNodeConnection, 'version'>;

export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** One JSON request to OpenSearch; the body is parsed when it is JSON, else kept as text. */
export function openSearchRequest<T = unknown>(
  connection: OpenSearchConnection,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const url = new URL(path, `${connection.url}/`);
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const ca = connection.caFile === '' ? undefined : readFileSync(connection.caFile);
  const send = url.protocol === 'https:' ? request : plainRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method,
        ...(ca ? { ca } : {}),
        auth: `${connection.username}:${connection.password}`,
        headers: {
          'content-type': path.includes('_bulk') ? 'application/x-ndjson' : 'application/json',
          ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON (e.g. "Unauthorized"): keep the text.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface SearchHit<T> {
  readonly _id: string;
  readonly _source: T;
}

/** Every document matching `query` (up to 10000), sorted by `@timestamp`. */
export async function searchAll<T>(
  connection: OpenSearchConnection,
  index: string,
  query: unknown,
): Promise<SearchHit<T>[]> {
  await openSearchRequest(connection, 'POST', `/${index}/_refresh`);
  const response = await openSearchRequest<{ hits?: { hits: SearchHit<T>[] }; error?: unknown }>(
    connection,
    'POST',
    `/${index}/_search`,
    { size: 10_000, query, sort: [{ '@timestamp': 'asc' }], track_total_hits: true },
  );
  if (response.status !== 200 || !response.body.hits) {
    throw new Error(`search on ${index} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response.body.hits.hits;
}

/** Number of documents matching `query`. */
export async function countDocuments(connection: OpenSearchConnection, index: string, query: unknown): Promise<number> {
  const response = await openSearchRequest<{ count?: number }>(connection, 'POST', `/${index}/_count`, { query });
  if (response.status === 404) return 0;
  if (response.status !== 200 || typeof response.body.count !== 'number') {
    throw new Error(`count on ${index} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response.body.count;
}
