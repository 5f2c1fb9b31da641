import { liftRecord } from '@loglift/log-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenSearch } from './opensearch/createOpenSearch.js';
import type { OpenSearch } from './opensearch/openSearch.js';
import {
  adminClient,
  cleanup,
  namesFor,
  node,
  runBootstrap,
  uniquePrefix,
  WRITER_PASSWORD,
  writeConfig,
} from './testing/harness.js';

const names = namesFor(uniquePrefix('docs'));
const otherIndex = `${names.prefix}-other`;
let admin: OpenSearch;
let writer: OpenSearch;

beforeAll(async () => {
  admin = adminClient();
  const result = await runBootstrap('apply', await writeConfig(names));
  expect(result.code, result.output.error).toBe(0);
  await admin.request('PUT', `/${otherIndex}`, { body: { settings: { number_of_replicas: 0 } } });
  const { url, caFile } = node();
  writer = createOpenSearch(
    { url, auth: 'basic', tlsVerify: true, waitSeconds: 10, ...(caFile ? { caFile } : {}) },
    { credentials: { username: names.writerUser, password: WRITER_PASSWORD } },
  );
});

afterAll(async () => {
  await writer.close();
  await admin.request('DELETE', `/${otherIndex}`, { allow: [404] });
  await cleanup(admin, names);
  await admin.close();
});

/** What Fluent Bit sends: `_bulk` with op_type create to the data stream. */
function bulkBody(docs: readonly Record<string, unknown>[]): string {
  return `${docs.map((doc) => `{"create":{}}\n${JSON.stringify({ '@timestamp': new Date().toISOString(), stream: 'stdout', ...doc })}`).join('\n')}\n`;
}

interface BulkResponse {
  errors: boolean;
  items: { create: { status: number; error?: unknown } }[];
}

function kubernetes(labels: Record<string, string>) {
  return { namespace_name: 'shop', pod_name: 'p-1', container_name: 'c', host: 'node-1', labels };
}

// Each "app" logs the same keys with different shapes, including keys the contract types.
const conflicting: Record<string, unknown>[] = [
  { app: { level: 'info', service: { name: 'orders' }, message: 'ok', http: { response: { status_code: 200 } } } },
  {
    app: {
      level: 'error',
      service: { name: 'orders' },
      error: { type: 'TypeError', message: 'x', cause: { props: { a: 1 } } },
    },
  },
  { app: { level: 'info', service: 'billing', error: 'boom', http: 'GET /x', url: '/x', log: 'plain', client: 42 } },
  { app: { level: { value: 30 }, service: { name: 'billing' } } },
  {
    app: {
      level: 'warn',
      service: { name: 'billing' },
      http: { response: { status_code: 'abc' } },
      time: 'not a date',
    },
  },
  { app: { level: 'info', service: { name: ['a', 'b'] }, message: { nested: true }, trace_id: { x: 1 } } },
  { app: { level: 'info', order: 'A-1', amount: 12 } },
  { app: { level: 'info', order: { id: 7 }, amount: 'twelve' } },
  { app: { level: 'info', order: 7, amount: { currency: 'EUR' } } },
  { kubernetes: kubernetes({ app: 'web', 'app_kubernetes_io/name': 'web', 'app_kubernetes_io/part-of': 'shop' }) },
  { kubernetes: kubernetes({ app_kubernetes_io: 'flat' }), app: { level: 'debug', service: { name: 'web' } } },
  { log: 'not json at all', kubernetes: kubernetes({ tier: '1' }) },
];

function manyKeys(offset: number): Record<string, unknown> {
  const app: Record<string, unknown> = { level: 'info', service: { name: 'wide' } };
  for (let i = 0; i < 1000; i += 1) {
    const n = offset + i;
    app[`key_${n % 2000}`] = n % 3 === 0 ? `s${n}` : n % 3 === 1 ? n : { nested: n };
  }
  return { app };
}

describe('log documents and the writer role', () => {
  it('accepts documents whose fields conflict across apps, and 2000 distinct keys, lifted or not', async () => {
    const raw = [...conflicting, manyKeys(0), manyKeys(1000), manyKeys(1)];
    // As the chart's lift stores them, and as a Fluent Bit without it (mid-upgrade) sends them.
    const docs = [...raw.map((doc) => liftRecord({ stream: 'stdout', ...doc }, Date.now())), ...raw];
    const response = await writer.request<BulkResponse>('POST', `/${names.dataStream}/_bulk`, {
      body: bulkBody(docs),
      query: { refresh: 'true' },
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const failed = response.body.items.filter((item) => item.create.status >= 300);
    expect(failed).toEqual([]);
    expect(response.body.items).toHaveLength(docs.length);
    const count = await admin.get<{ count: number }>(`/${names.dataStream}/_count`);
    expect(count.body.count).toBe(docs.length);
  });

  it('keeps the contract fields typed at the root: level and service aggregate, app is one field', async () => {
    const search = await admin.request<{
      aggregations: {
        level: { buckets: { key: string; doc_count: number }[] };
        service: { buckets: { key: string }[] };
      };
    }>('POST', `/${names.dataStream}/_search`, {
      body: {
        size: 0,
        aggs: { level: { terms: { field: 'level' } }, service: { terms: { field: 'service.name', size: 20 } } },
      },
    });
    const levels = Object.fromEntries(search.body.aggregations.level.buckets.map((b) => [b.key, b.doc_count]));
    expect(levels).toMatchObject({ error: 1, warn: 1, debug: 1 });
    const services = search.body.aggregations.service.buckets.map((b) => b.key);
    expect(services).toEqual(expect.arrayContaining(['orders', 'billing', 'wide', 'web']));
    const mapping = await admin.get<Record<string, { mappings: { properties: Record<string, unknown> } }>>(
      `/${names.dataStream}/_mapping`,
    );
    for (const index of Object.values(mapping.body)) {
      expect(index.mappings.properties.app).toEqual({ type: 'flat_object' });
      expect(Object.keys(index.mappings.properties).some((key) => key.startsWith('key_'))).toBe(false);
    }
    const orders = await admin.request<{ hits: { total: { value: number } } }>('POST', `/${names.dataStream}/_search`, {
      body: { query: { term: { 'app.order': 'A-1' } } },
    });
    expect(orders.body.hits.total.value).toBe(2);
    const labels = await admin.request<{ hits: { total: { value: number } } }>('POST', `/${names.dataStream}/_search`, {
      body: { query: { term: { 'kubernetes.labels.app_kubernetes_io/name': 'web' } } },
    });
    expect(labels.body.hits.total.value).toBe(2);
  });

  it('gives the writer nothing but writing: 403 on reads, deletes and the security API', async () => {
    const denied = { allow: [403] };
    expect((await writer.request('POST', `/${otherIndex}/_search`, { body: {}, ...denied })).status).toBe(403);
    expect((await writer.request('POST', `/${names.dataStream}/_search`, { body: {}, ...denied })).status).toBe(403);
    expect((await writer.request('DELETE', `/${otherIndex}`, denied)).status).toBe(403);
    expect((await writer.request('DELETE', `/_data_stream/${names.dataStream}`, denied)).status).toBe(403);
    expect((await writer.request('PUT', `/${names.prefix}-new`, denied)).status).toBe(403);
    expect((await writer.get('/_plugins/_security/api/roles', denied)).status).toBe(403);
    expect((await writer.get('/_plugins/_security/api/internalusers', denied)).status).toBe(403);
    const otherWrite = await writer.request<BulkResponse>('POST', `/${otherIndex}/_bulk`, {
      body: bulkBody([{ app: { level: 'info' } }]),
      headers: { 'content-type': 'application/x-ndjson' },
      allow: [403],
    });
    expect(otherWrite.status === 403 || otherWrite.body.items[0]?.create.status === 403).toBe(true);
  });
});
