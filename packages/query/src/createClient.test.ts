import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './createClient.js';

const seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"count":0}');
  });
});
let url = '';
const saved = { ...process.env };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The first source of the AWS default credential chain.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'session',
  });
});
afterAll(async () => {
  process.env = saved;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createClient', () => {
  it('signs requests with SigV4 from the AWS default credential chain, for the given region and service', async () => {
    const client = createClient({
      url,
      auth: { type: 'aws-sigv4', region: 'eu-west-1', service: 'aoss' },
      maxRetries: 0,
    });
    await client.request({ method: 'GET', path: '/logs-loglift/_count' });
    await client.close();
    const headers = seen.at(-1) ?? {};
    expect(String(headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/aoss\/aws4_request, SignedHeaders=[^,]*host/,
    );
    expect(headers['x-amz-security-token']).toBe('session');
  });

  it('sends basic auth and no SigV4 headers', async () => {
    const client = createClient({ url, auth: { type: 'basic', username: 'u', password: 'p' }, maxRetries: 0 });
    await client.request({ method: 'GET', path: '/logs-loglift/_count' });
    await client.close();
    const headers = seen.at(-1) ?? {};
    expect(headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(headers['x-amz-date']).toBeUndefined();
  });

  it('refuses a URL that is not http(s), naming it', () => {
    expect(() => createClient({ url: 'ftp://example.com' })).toThrow(
      'OpenSearch URL must start with http:// or https://, got "ftp://example.com"',
    );
  });
});
