import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from './count.js';
import { createClient } from './createClient.js';
import { AuthError } from './errors.js';
import { exportLogs } from './exportLogs.js';
import type { LogClient } from './logClient.js';
import { search } from './search.js';
import { bulkCreate, createTestDataStream, names, SEED_DOCUMENTS, type TestDataStream } from './testing/index.js';
import { testClient, testNode } from './testing/testClient.js';

let admin: LogClient;
let reader: LogClient;
let stream: TestDataStream;
const name = `loglift-test-reader-${randomBytes(4).toString('hex')}`;
const password = `Rd-${randomBytes(8).toString('hex')}-Aa1!`;
const all = { time: { from: '2024-05-01T00:00:00Z' } };

beforeAll(async () => {
  admin = testClient('unused');
  stream = await createTestDataStream(admin, 'reader');
  await bulkCreate(admin, stream.name, SEED_DOCUMENTS);
  // Least privilege: only the `read` action group on the stream and its backing indices.
  await admin.request({
    method: 'PUT',
    path: `/_plugins/_security/api/roles/${name}`,
    body: { index_permissions: [{ index_patterns: [stream.name, `.ds-${stream.name}-*`], allowed_actions: ['read'] }] },
  });
  await admin.request({ method: 'PUT', path: `/_plugins/_security/api/internalusers/${name}`, body: { password } });
  await admin.request({ method: 'PUT', path: `/_plugins/_security/api/rolesmapping/${name}`, body: { users: [name] } });
  const node = testNode();
  reader = createClient({
    url: node.url,
    caFile: node.caFile,
    auth: { type: 'basic', username: name, password },
    index: stream.name,
  });
});

afterAll(async () => {
  await reader?.close();
  for (const path of ['rolesmapping', 'internalusers', 'roles']) {
    await admin?.request({ method: 'DELETE', path: `/_plugins/_security/api/${path}/${name}` }).catch(() => undefined);
  }
  await stream?.remove();
  await admin?.close();
});

describe('a reader with only the read action group', () => {
  it('is refused the full mapping, so the field types come from field capabilities', async () => {
    await expect(reader.request({ method: 'GET', path: `/${stream.name}/_mapping` })).rejects.toBeInstanceOf(AuthError);
    const catalog = await reader.fields();
    expect(catalog.get('kubernetes.labels')).toMatchObject({ type: 'flat_object', mapped: true });
    expect(catalog.get('app')).toMatchObject({ type: 'flat_object', mapped: true });
    expect(catalog.get('http.response.status_code')).toMatchObject({ kind: 'number', mapped: true });
  });

  it('searches, counts and exports', async () => {
    const found = await search(reader, { query: 'http.response.status_code >= 400', ...all, order: 'oldest' });
    expect(names(found.hits)).toEqual(['d2', 'd4']);
    expect(await count(reader, { query: 'kubernetes.labels.app:api', ...all })).toBe(1);
    const pits = async () =>
      (await admin.request<{ pits?: unknown[] }>({ method: 'GET', path: '/_search/point_in_time/_all' })).pits ?? [];
    const before = (await pits()).length;
    const exported: string[] = [];
    for await (const hit of exportLogs(reader, { pageSize: 3, ...all })) exported.push(hit.id);
    expect(exported).toHaveLength(SEED_DOCUMENTS.length);
    expect(new Set(exported).size).toBe(SEED_DOCUMENTS.length);
    expect((await pits()).length).toBe(before);
  });
});
