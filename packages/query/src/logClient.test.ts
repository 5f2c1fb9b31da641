import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from './createClient.js';
import {
  AuthError,
  ClusterError,
  IndexNotFoundError,
  InvalidInputError,
  QueryError,
  UnreachableError,
} from './errors.js';

type Reply = { status: number; body: unknown };
let server: Server | undefined;

/** A local HTTP server answering each request with the next scripted reply. */
async function scripted(replies: Reply[]): Promise<{ url: string; requests: () => number }> {
  let served = 0;
  server = createServer((_request, response) => {
    const reply = replies[Math.min(served, replies.length - 1)] as Reply;
    served += 1;
    response.writeHead(reply.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => served };
}

async function stop(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
}

afterEach(stop);

const ok = { status: 200, body: { count: 7 } };
const countRequest = { method: 'POST', path: '/logs/_count' } as const;

describe('LogClient requests', () => {
  it('retries 429 and 503 with backoff, then succeeds', async () => {
    const cluster = await scripted([{ status: 429, body: {} }, { status: 503, body: {} }, ok]);
    const client = createClient({ url: cluster.url, retryDelayMs: 1 });
    await expect(client.request(countRequest)).resolves.toEqual({ count: 7 });
    expect(cluster.requests()).toBe(3);
  });

  it('gives up after maxRetries with a ClusterError', async () => {
    const cluster = await scripted([{ status: 502, body: { error: { reason: 'bad gateway' } } }]);
    const client = createClient({ url: cluster.url, retryDelayMs: 1, maxRetries: 2 });
    await expect(client.request(countRequest)).rejects.toBeInstanceOf(ClusterError);
    expect(cluster.requests()).toBe(3);
  });

  it('does not retry 500', async () => {
    const cluster = await scripted([{ status: 500, body: { error: { reason: 'boom' } } }, ok]);
    const client = createClient({ url: cluster.url, retryDelayMs: 1 });
    await expect(client.request(countRequest)).rejects.toThrow(/answered 500: boom/);
    expect(cluster.requests()).toBe(1);
  });

  it.each([
    [{ status: 401, body: {} }, AuthError, /authentication failed for user "alice"/],
    [
      { status: 403, body: { error: { reason: 'no permissions for [indices:data/read]' } } },
      AuthError,
      /permission denied/,
    ],
    [
      { status: 404, body: { error: { type: 'index_not_found_exception', index: 'logs-x' } } },
      IndexNotFoundError,
      /index "logs-x" does not exist/,
    ],
    [
      { status: 400, body: { error: { root_cause: [{ reason: 'failed to parse date' }] } } },
      QueryError,
      /query rejected by OpenSearch: failed to parse date/,
    ],
  ])('maps %j to a typed error', async (reply, type, message) => {
    const cluster = await scripted([reply]);
    const client = createClient({ url: cluster.url, auth: { type: 'basic', username: 'alice', password: 'x' } });
    const failure = client.request(countRequest);
    await expect(failure).rejects.toBeInstanceOf(type);
    await expect(failure).rejects.toThrow(message);
  });

  it('reports an unreachable cluster', async () => {
    const cluster = await scripted([ok]);
    await stop();
    const failure = createClient({ url: cluster.url }).request(countRequest);
    await expect(failure).rejects.toBeInstanceOf(UnreachableError);
    await expect(failure).rejects.toThrow(/cannot reach OpenSearch at http:\/\/127\.0\.0\.1/);
  });

  it('rejects a malformed URL and a missing CA file up front', () => {
    expect(() => createClient({ url: 'not a url' })).toThrow(InvalidInputError);
    expect(() => createClient({ url: 'ftp://x' })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => createClient({ url: 'https://x', caFile: '/nonexistent/ca.pem' })).toThrow(/cannot read CA file/);
  });
});
