import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { liftRecord } from '@loglift/log-schema';
import type { LogClient } from '@loglift/query';
import { bulkCreate, createTestDataStream, type TestDataStream } from '@loglift/query/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogClient, nodeEnv, runBundle } from './testing/runBundle.js';

let admin: LogClient;
let stream: TestDataStream;
let service: Server;
let serviceUrl: string;
/** Maven Central has no index-management build for 2.19, so the test node may lack ISM. */
let hasIsm = false;
const suffix = randomBytes(4).toString('hex');
const policy = `loglift-test-policy-${suffix}`;
const role = `loglift-test-writer-${suffix}`;

beforeAll(async () => {
  admin = adminLogClient();
  stream = await createTestDataStream(admin, 'verify');
  const plugins = await admin.request<{ component: string }[]>({
    method: 'GET',
    path: '/_cat/plugins',
    querystring: { format: 'json' },
  });
  hasIsm = plugins.some((plugin) => plugin.component === 'opensearch-index-management');
  if (hasIsm)
    await admin.request({
      method: 'PUT',
      path: `/_plugins/_ism/policies/${policy}`,
      body: {
        policy: { description: 'test', default_state: 'hot', states: [{ name: 'hot', actions: [], transitions: [] }] },
      },
    });
  await admin.request({
    method: 'PUT',
    path: `/_plugins/_security/api/roles/${role}`,
    body: { cluster_permissions: [] },
  });
  await admin.request({
    method: 'PUT',
    path: `/_plugins/_security/api/rolesmapping/${role}`,
    body: { backend_roles: ['test-writer'] },
  });
  // Stands in for the task service plus the log pipeline: each request's log line lands in the stream.
  service = createServer((request, response) => {
    const id = String(request.headers['x-request-id'] ?? '');
    const record = { app: { level: 'info', message: 'request completed', http: { request: { id } } } };
    const document = { '@timestamp': new Date().toISOString(), ...liftRecord(record, Date.now()) };
    setTimeout(() => {
      void bulkCreate(admin, stream.name, [document]);
    }, 1000);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('[]');
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (service) {
    service.closeAllConnections();
    await new Promise((resolve) => service.close(resolve));
  }
  if (hasIsm) await admin?.request({ method: 'DELETE', path: `/_plugins/_ism/policies/${policy}` });
  await admin
    ?.request({ method: 'DELETE', path: `/_plugins/_security/api/rolesmapping/${role}` })
    .catch(() => undefined);
  await admin?.request({ method: 'DELETE', path: `/_plugins/_security/api/roles/${role}` }).catch(() => undefined);
  await stream?.remove();
  await admin?.close();
});

const verify = (extra: string[]) =>
  runBundle(
    [
      'verify',
      '--service-url',
      serviceUrl,
      '--timeout',
      '20s',
      '--template',
      stream.name,
      '--writer-role',
      role,
      ...extra,
    ],
    { env: nodeEnv(stream.name) },
  );

describe('loglift verify', () => {
  it('checks the logged request, template, policy and role mapping', async () => {
    const result = await verify(['--policy', policy]);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^ok {4}log line with http\.request\.id=loglift-verify-[0-9a-f-]{36}: found after/);
    if (hasIsm) {
      expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'all']);
      expect(result.code).toBe(0);
    } else {
      expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(['ok', 'ok', 'ok', 'FAIL', 'ok', '1']);
      expect(lines[3]).toContain('is not available on this cluster (is its plugin installed?)');
      expect(result.code).toBe(1);
    }
  });

  it('fails with exit code 1 and names what is missing', async () => {
    const result = await verify(['--policy', `${policy}-missing`, '--template', `${stream.name}-missing`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL  index template ${stream.name}-missing: not found`);
    expect(result.stdout).toContain(`FAIL  ISM policy ${policy}-missing:`);
    expect(result.stdout).toContain('2 of 5 checks failed');
  });

  it('runs only the named checks and reports a service that does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runBundle(['verify', '--service-url', `http://127.0.0.1:${port}`, '--timeout', '2s'], {
      env: nodeEnv(stream.name),
    });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `FAIL  GET http://127.0.0.1:${port}/api/tasks: no answer: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(lines[1]).toMatch(/^FAIL {2}log line with .*: not searchable within 2s$/);
    expect(lines[2]).toBe('2 of 2 checks failed');
  });
});
