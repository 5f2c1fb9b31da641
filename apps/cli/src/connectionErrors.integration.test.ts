import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundle, testNode } from './testing/runBundle.js';

let plainHttp: Server;
let silent: TcpServer;
const sockets: Socket[] = [];
const portOf = (server: Server | TcpServer) => (server.address() as { port: number }).port;

beforeAll(async () => {
  plainHttp = createHttpServer((_request, response) => response.end('{}'));
  // Accepts connections and never answers: a firewall that drops, a hung proxy.
  silent = createTcpServer((socket) => sockets.push(socket));
  await Promise.all([
    new Promise<void>((resolve) => plainHttp.listen(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve)),
  ]);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all([
    new Promise((resolve) => plainHttp.close(resolve)),
    new Promise((resolve) => silent.close(resolve)),
  ]);
});

const basic = () => ({ LOGLIFT_USERNAME: testNode().username, LOGLIFT_PASSWORD: testNode().password });

describe('connection errors name the cause and the fix', () => {
  it('a certificate from a CA it was not given', async () => {
    const result = await runBundle(['query', '--limit', '1'], { env: { LOGLIFT_URL: testNode().url, ...basic() } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the TLS certificate of ${testNode().url} is not signed by the system CAs`);
    expect(result.stderr).toContain(
      "fix: pass the cluster's CA certificate (PEM) with --ca-file <file> or LOGLIFT_CA_FILE",
    );
  });

  it('http:// to a node that speaks HTTPS', async () => {
    const https = new URL(testNode().url);
    const result = await runBundle(['query', '--limit', '1'], {
      env: { LOGLIFT_URL: `http://${https.host}`, LOGLIFT_CA_FILE: testNode().caFile, ...basic() },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('use an https:// URL');
    expect(result.stderr).toContain(`fix: use --url https://${https.host} (or LOGLIFT_URL)`);
  });

  it('https:// to a server that speaks plain HTTP', async () => {
    const result = await runBundle(['query', '--limit', '1'], {
      env: { LOGLIFT_URL: `https://127.0.0.1:${portOf(plainHttp)}`, LOGLIFT_AUTH: 'none' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('answers plain HTTP, not HTTPS');
    expect(result.stderr).toContain(`fix: use --url http://127.0.0.1:${portOf(plainHttp)} (or LOGLIFT_URL)`);
  });

  it('a server that never answers: progress while waiting, then the time it waited', async () => {
    const url = `http://127.0.0.1:${portOf(silent)}`;
    const result = await runBundle(['query', '--limit', '1'], {
      env: { LOGLIFT_URL: url, LOGLIFT_AUTH: 'none' },
      timeoutMs: 90_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`loglift: still waiting for an answer from ${url} (5 s)`);
    expect(result.stderr).toMatch(new RegExp(`no answer from ${url} after \\d+ s \\(request timeout\\)`));
    expect(result.stderr).toContain('fix: check --url');
  });
});
