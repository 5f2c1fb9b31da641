import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sigv4Headers } from '../dashboards/sigv4Headers.js';
import { createOpenSearch } from './createOpenSearch.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const seen: Seen[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"acknowledged":true}');
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session',
};

describe('OpenSearch client factory', () => {
  it('signs requests with SigV4 that an independent signer reproduces', async () => {
    const os = createOpenSearch(
      { url, auth: 'aws-sigv4', aws: { region: 'eu-west-1', service: 'es' }, tlsVerify: true, waitSeconds: 1 },
      { awsCredentials: async () => credentials },
    );
    await os.request('PUT', '/_index_template/x', { body: { priority: 1 } });
    await os.close();
    const request = seen.at(-1) as Seen;
    const auth = String(request.headers.authorization);
    expect(auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/es\/aws4_request, /);
    expect(request.headers['x-amz-security-token']).toBe('session');
    const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
    expect(signedNames).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-content-sha256']));
    const headers = Object.fromEntries(
      signedNames.filter((n) => n !== 'host').map((n) => [n, String(request.headers[n])]),
    );
    const date = String(request.headers['x-amz-date']);
    const again = await sigv4Headers({
      // The signer signs the Host header as sent.
      url: new URL(request.url, `http://${request.headers.host}`),
      method: request.method,
      headers,
      body: Buffer.from(request.body),
      region: 'eu-west-1',
      service: 'es',
      credentials,
      signingDate: new Date(
        `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
      ),
    });
    expect(again.authorization).toBe(auth);
  });

  it('sends basic auth and counts only writes', async () => {
    const os = createOpenSearch(
      { url, auth: 'basic', tlsVerify: true, waitSeconds: 1 },
      { credentials: { username: 'u', password: 'p' } },
    );
    await os.get('/_cluster/health');
    await os.request('POST', '/logs/_search', { body: {} });
    await os.request('PUT', '/_data_stream/logs');
    await os.close();
    expect(seen.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(os.counter.writes).toEqual([{ method: 'PUT', path: '/_data_stream/logs' }]);
    expect(os.counter.reads).toBe(2);
  });
});
