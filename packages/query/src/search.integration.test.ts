import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from './count.js';
import { createClient } from './createClient.js';
import { describeFields } from './describeFields.js';
import { AuthError, IndexNotFoundError, QueryError } from './errors.js';
import type { LogClient } from './logClient.js';
import { search } from './search.js';
import { stats } from './stats.js';
import { bulkCreate, createTestDataStream, names, SEED_DOCUMENTS, type TestDataStream } from './testing/index.js';
import { testClient, testNode } from './testing/testClient.js';

let admin: LogClient;
let client: LogClient;
let stream: TestDataStream;
const all = { time: { from: '2024-05-01T00:00:00Z' } };

beforeAll(async () => {
  admin = testClient('unused');
  stream = await createTestDataStream(admin, 'search');
  await bulkCreate(admin, stream.name, SEED_DOCUMENTS);
  client = testClient(stream.name);
});

afterAll(async () => {
  await stream?.remove();
  await client?.close();
  await admin?.close();
});

const find = async (query: string) => names((await search(client, { query, ...all, order: 'oldest' })).hits);

describe('DQL end to end', () => {
  it.each([
    ['', ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8']],
    ['level:error', ['d2', 'd4']],
    ['LEVEL:ERROR', []],
    ['level:(error or fatal)', ['d2', 'd4', 'd5']],
    ['not level:info and kubernetes.namespace_name:shop', ['d2', 'd3', 'd7']],
    ['kubernetes.namespace_name:shop and (level:error or http.server.duration_ms > 100)', ['d2', 'd3']],
    ['kubernetes.namespace_name:shop and level:error or http.server.duration_ms > 100', ['d2', 'd3']],
    ['not (kubernetes.namespace_name:shop or kubernetes.namespace_name:payments)', ['d5', 'd6']],
    ['message:connection', ['d2', 'd8']],
    ['message:"connection refused"', ['d2']],
    ['message:"refused connection"', []],
    ['message:refused connection', ['d2', 'd8']],
    ['message:"user:42"', ['d7']],
    ['http.response.status_code >= 500', ['d2']],
    ['http.response.status_code < 300', ['d1', 'd3']],
    ['http.response.status_code:402', ['d4']],
    ['http.server.duration_ms > 100', ['d3']],
    ['error.code:*', ['d2']],
    ['message:"plain text line"', ['d6']],
    ['level:*', ['d1', 'd2', 'd3', 'd4', 'd5', 'd7', 'd8']],
    ['kubernetes.pod_name:api-7d9f-*', ['d1', 'd2', 'd7', 'd8']],
    ['kubernetes.pod_name:*-abc', ['d1', 'd2']],
    ['kubernetes.labels.app:api', ['d7']],
    ['kubernetes.labels.app_kubernetes_io/name:api', ['d7']],
    ['service.*:checkout', ['d3', 'd4']],
    ['service.name:nginx and service.name_source:container', ['d6']],
    ['connection', ['d2', 'd8']],
    ['"plain text"', ['d6']],
    ['nginx', ['d6']],
    ['conn*', ['d2', 'd8']],
    ['@timestamp >= "2024-05-01T10:05:00Z"', ['d5', 'd6', 'd7', 'd8']],
    ['@timestamp < 2024-05-01T10\\:02\\:00Z', ['d1']],
    ['@timestamp:2024-05-01T10\\:04\\:00Z', ['d4']],
    ['loglift.truncated:true', ['d5']],
    ['trace_id:4bf92f3577b34da6a3ce929d0e0e4736', ['d4']],
    ['app.order_id:42', ['d8']],
    ['app.order.ref:o-42', ['d8']],
    ['app.order.ref:o-4*', ['d8']],
    ['app.order.ref:*', ['d8']],
    ['app.order_id:*', ['d8']],
    ['"o-42"', ['d8']],
    ['ECONNREFUSED', ['d2']],
    ['app.message:"cache hit for key user:42"', ['d7']],
    ['app.http.response.status_code:402', ['d4']],
  ])('%j finds %j', async (query, expected) => {
    expect(await find(query)).toEqual(expected);
  });

  it('reads dates in DQL in the given time zone', async () => {
    const result = await search(client, { query: '@timestamp >= "2024-05-01T12:07:00"', timeZone: '+02:00', ...all });
    expect(names(result.hits).sort()).toEqual(['d7', 'd8']);
  });
});

describe('filters, time range, order and fields', () => {
  it.each([
    [{ namespace: 'shop', level: 'warn+' }, ['d2', 'd3']],
    [{ pod: '/checkout-.*/' }, ['d3']],
    [{ pod: 'nginx-*' }, ['d6']],
    [{ labels: { 'app.kubernetes.io/name': 'api' } }, ['d7']],
    [{ service: ['worker', 'checkout'] }, ['d3', 'd4', 'd5']],
    [{ container: 'nginx' }, ['d6']],
    [{ node: 'node-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }, ['d4']],
  ])('filters %j to %j', async (filters, expected) => {
    expect(names((await search(client, { filters, ...all, order: 'oldest' })).hits)).toEqual(expected);
  });

  it('limits to a time range, in the given time zone', async () => {
    const time = { from: '2024-05-01T12:02', to: '2024-05-01T12:04', timeZone: 'Europe/Berlin' };
    expect(names((await search(client, { time, order: 'oldest' })).hits)).toEqual(['d2', 'd3', 'd4']);
  });

  it('returns newest or oldest first, with a limit and the total', async () => {
    const newest = await search(client, { ...all, limit: 3 });
    expect(names(newest.hits)).toEqual(['d8', 'd7', 'd6']);
    expect(newest.total).toBe(8);
    expect(names((await search(client, { ...all, limit: 2, order: 'oldest' })).hits)).toEqual(['d1', 'd2']);
  });

  it('returns only the selected fields', async () => {
    const [hit] = (await search(client, { ...all, limit: 1, fields: ['level'] })).hits;
    expect(hit?.source).toEqual({ '@timestamp': '2024-05-01T10:08:00.000Z', level: 'info' });
  });

  it('counts', async () => {
    expect(await count(client, { ...all, query: 'kubernetes.namespace_name:shop' })).toBe(5);
  });
});

describe('stats', () => {
  it('counts by level over time and ranks error sources', async () => {
    const result = await stats(client, {
      time: { from: '2024-05-01T10:00:00Z', to: '2024-05-01T10:09:59Z' },
      interval: '5m',
    });
    expect(result).toMatchObject({ total: 8, errors: 3, interval: '5m' });
    expect(result.errorRate).toBeCloseTo(3 / 8);
    expect(
      result.histogram.map((bucket) => [bucket.time, bucket.total, bucket.levels.error, bucket.levels.none]),
    ).toEqual([
      ['2024-05-01T10:00:00.000Z', 4, 2, 0],
      ['2024-05-01T10:05:00.000Z', 4, 0, 1],
    ]);
    for (const bucket of result.histogram) {
      expect(Object.values(bucket.levels).reduce((sum, n) => sum + n, 0)).toBe(bucket.total);
    }
    expect(result.top.service.map((entry) => [entry.key, entry.errors, entry.total])).toEqual([
      ['api', 1, 4],
      ['checkout', 1, 2],
      ['worker', 1, 1],
    ]);
    expect(result.top.namespace.map((entry) => entry.key)).toEqual(['batch', 'payments', 'shop']);
  });
});

describe('fields and errors', () => {
  it('describes the typed fields as the index has them and the app keys seen in recent documents', async () => {
    const described = await describeFields(client);
    const field = (name: string) => described.fields.find((entry) => entry.name === name);
    expect(field('service.name')).toMatchObject({ type: 'keyword', aggregatable: true });
    expect(field('http.response.status_code')).toMatchObject({ type: 'long', aggregatable: true });
    expect(field('message')).toMatchObject({ type: 'text', searchable: true, aggregatable: false });
    expect(field('app')).toMatchObject({ type: 'flat_object', aggregatable: false });
    expect(described.sampled).toBe(7);
    const key = (name: string) => described.appKeys.find((entry) => entry.name === name);
    expect(key('app.order.ref')).toEqual({ name: 'app.order.ref', documents: 1, valueTypes: ['string'] });
    expect(key('app.order_id')).toEqual({ name: 'app.order_id', documents: 1, valueTypes: ['number'] });
    expect(key('app.level')?.documents).toBe(7);
  });

  it('merges the contract with the live mapping', async () => {
    const catalog = await client.fields();
    expect(catalog.get('kubernetes.labels')).toMatchObject({ type: 'flat_object', mapped: true });
    expect(catalog.get('level')).toMatchObject({ kind: 'keyword', mapped: true });
    expect(catalog.get('http.response.status_code')).toMatchObject({ kind: 'number', mapped: true });
    expect(catalog.get('app.order_id')).toMatchObject({ kind: 'keyword' });
  });

  it('says when the index is missing', async () => {
    const missing = testClient(`${stream.name}-missing`);
    await expect(search(missing, { query: 'x:y' })).rejects.toBeInstanceOf(IndexNotFoundError);
    await missing.close();
  });

  it('says when the credentials are wrong', async () => {
    const node = testNode();
    const wrong = createClient({
      url: node.url,
      caFile: node.caFile,
      auth: { type: 'basic', username: node.username, password: 'wrong-password' },
      index: stream.name,
    });
    await expect(search(wrong)).rejects.toBeInstanceOf(AuthError);
    await wrong.close();
  });

  it('passes on what OpenSearch rejects as a QueryError', async () => {
    await expect(search(client, { query: '@timestamp:not-a-date' })).rejects.toBeInstanceOf(QueryError);
  });
});
