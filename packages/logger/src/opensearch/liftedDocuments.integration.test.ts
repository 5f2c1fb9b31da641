import { randomBytes } from 'node:crypto';
import { INDEX_MAPPING_SETTINGS, indexMappings } from '@loglift/log-schema';
import { LOGGER_SAMPLES } from '@loglift/log-schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRequest, testNode } from '../testing/testNode.js';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';
import { parseJsonObject } from './parseJsonObject.js';
import { toDocument } from './toDocument.js';

const node = testNode();
const stream = `logs-lift-${randomBytes(4).toString('hex')}`;

const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> =>
  (await nodeRequest<T>(method, path, body)).body;

const hits = async (query: Record<string, unknown>): Promise<number> =>
  (await call<{ hits: { total: { value: number } } }>('POST', `/${stream}/_search`, { query, size: 0 })).hits.total
    .value;

/** Three apps that log the same keys with different types, and every shape OpenSearch could choke on. */
function hostileCorpus(): (Record<string, unknown> | string)[] {
  const deep: Record<string, unknown> = { leaf: 'bottom' };
  let nested = deep;
  for (let i = 0; i < 40; i += 1) nested = { [`d${i}`]: nested };
  const wide: Record<string, unknown> = { app_name: 'wide' };
  for (let i = 0; i < 2100; i += 1) wide[`k${i}`] = i % 2 === 0 ? i : `v${i}`;
  return [
    { msg: 'a', order: 'A-1', amount: 12, user: { id: 7 }, status: 200, level: 'info' },
    { msg: 'b', order: { id: 7 }, amount: 'twelve', user: 'bob', status: 'OK', level: 30 },
    {
      msg: 'c',
      order: 7,
      amount: { currency: 'EUR' },
      user: [1, 'x', { a: null }],
      status: { code: 1 },
      level: { v: 1 },
    },
    { msg: 'dotted', 'order.id': 'dot-1', 'a.b.c': 1, 'x..y': 2, '.lead': 3, 'trail.': 4, '': 'empty key' },
    { msg: 'deep', nested },
    wide,
    { msg: 'mixed', list: [1, 'two', { three: 3 }, null, [4, [5]]], none: null, flag: false },
    { msg: 'huge', sql: 's'.repeat(40_000), ['k'.repeat(33_000)]: 'long key' },
    { message: 'n'.repeat(70_000) },
    'plain text from a shell script',
    'ERROR plain text with a level',
    'TypeError: x is undefined\n    at run (/app/a.js:1:1)\n    at async main (/app/b.js:2:2)',
  ];
}

const SAMPLE_SERVICES = ['payments', 'orders', 'cart'];

beforeAll(async () => {
  await call('PUT', `/_index_template/${stream}`, {
    index_patterns: [`${stream}*`],
    data_stream: {},
    priority: 500,
    template: {
      settings: { number_of_shards: 1, number_of_replicas: 0, index: INDEX_MAPPING_SETTINGS },
      mappings: indexMappings(),
    },
  });
});

afterAll(async () => {
  await call('DELETE', `/_data_stream/${stream}`);
  await call('DELETE', `/_index_template/${stream}`);
});

describe('documents the transport stores, on the real node', () => {
  let stats: Awaited<ReturnType<OpenSearchBulkWriter['close']>>;
  let sent = 0;

  beforeAll(async () => {
    const writer = new OpenSearchBulkWriter({
      url: node.url,
      index: stream,
      username: node.username,
      password: node.password,
      ...(node.caFile ? { caFile: node.caFile } : {}),
      flushIntervalMs: 50,
    });
    const kubernetes = { namespace_name: 'shop', pod_name: 'p-1', container_name: 'box', labels: { app: 'legacy' } };
    for (const line of hostileCorpus()) {
      writer.offer(toDocument(line, { kubernetes, stream: 'stderr' }));
      sent += 1;
    }
    for (const [name, line] of Object.entries(LOGGER_SAMPLES)) {
      const record = parseJsonObject(line);
      writer.offer(toDocument(record ?? line, { kubernetes: { ...kubernetes, container_name: name } }));
      sent += 1;
    }
    for (const [duration, status] of [
      [9, 200],
      [250, 503],
    ] as const) {
      writer.offer(toDocument({ msg: 'timed', responseTime: duration, res: { statusCode: status } }));
      sent += 1;
    }
    stats = await writer.close();
    await call('POST', `/${stream}/_refresh`);
  });

  it('stores every line: count in = count out, no bulk item refused', async () => {
    expect(stats).toMatchObject({ created: sent, rejected: 0, failed: 0 });
    expect(await hits({ match_all: {} })).toBe(sent);
  });

  it('types the root fields for Dashboards: aggregatable keywords and numbers, searchable text', async () => {
    const caps = await call<{ fields: Record<string, Record<string, { aggregatable: boolean; searchable: boolean }>> }>(
      'GET',
      `/${stream}/_field_caps?fields=level,service.name,http.response.status_code,http.server.duration_ms,time,message,error.type`,
    );
    for (const [field, type] of [
      ['level', 'keyword'],
      ['service.name', 'keyword'],
      ['http.response.status_code', 'long'],
      ['http.server.duration_ms', 'double'],
      ['time', 'date'],
      ['error.type', 'keyword'],
    ]) {
      expect(caps.fields[field as string]?.[type as string], field).toMatchObject({ aggregatable: true });
    }
    expect(caps.fields.message?.text).toMatchObject({ searchable: true });
  });

  it('aggregates service names exactly, including the ones other loggers gave', async () => {
    const result = await call<{ aggregations: { s: { buckets: { key: string }[] } } }>('POST', `/${stream}/_search`, {
      size: 0,
      query: { term: { 'service.name_source': 'app' } },
      aggs: { s: { terms: { field: 'service.name', size: 50 } } },
    });
    expect(result.aggregations.s.buckets.map((bucket) => bucket.key).sort()).toEqual(
      [...SAMPLE_SERVICES, 'task-service'].sort(),
    );
  });

  it('compares numbers as numbers: 9 ms is not above 100 ms, 250 ms is', async () => {
    expect(await hits({ range: { 'http.server.duration_ms': { gt: 100 } } })).toBe(1);
    expect(await hits({ range: { 'http.response.status_code': { gte: 500 } } })).toBe(1);
  });

  it('finds messages by their words and levels of every logger', async () => {
    expect(await hits({ match: { message: 'failed' } })).toBeGreaterThanOrEqual(4);
    expect(await hits({ term: { level: 'error' } })).toBeGreaterThanOrEqual(12);
    expect(await hits({ bool: { must_not: { exists: { field: 'level' } } } })).toBeGreaterThan(0);
  });

  it('finds any app field by exact value, prefix, wildcard and existence, whatever its type elsewhere', async () => {
    expect(await hits({ term: { 'app.order': 'A-1' } })).toBe(1);
    expect(await hits({ term: { 'app.order.id': '7' } })).toBe(1);
    expect(await hits({ term: { 'app.order': '7' } })).toBe(1);
    expect(await hits({ prefix: { 'app.user': 'bo' } })).toBe(1);
    expect(await hits({ wildcard: { 'app.order_id': { value: 'dot-*' } } })).toBe(1);
    expect(await hits({ exists: { field: 'app.amount' } })).toBe(3);
    const deepLeaf = `app.nested.${Array.from({ length: 40 }, (_, i) => `d${39 - i}`).join('.')}.leaf`;
    expect(await hits({ term: { [deepLeaf]: 'bottom' } })).toBe(1);
    // exists reaches one level below app; deeper, a leaf answers to the * wildcard (what DQL's field:* compiles to)
    expect(await hits({ wildcard: { [deepLeaf]: { value: '*' } } })).toBe(1);
    expect(await hits({ term: { 'app.k2099': 'v2099' } })).toBe(1);
    // a bare value (Dashboards' free text) looks in every app value; quoted, as words would also match messages
    expect(await hits({ multi_match: { query: 'dot-1', type: 'phrase', lenient: true } })).toBe(1);
  });

  it('keeps values too long to index whole, set aside and marked', async () => {
    expect(await hits({ term: { 'loglift.oversize_fields': 'sql' } })).toBe(1);
    const found = await call<{ hits: { hits: { _source: { loglift: { oversize: Record<string, string> } } }[] } }>(
      'POST',
      `/${stream}/_search`,
      { query: { term: { 'loglift.oversize_fields': 'sql' } } },
    );
    expect(found.hits.hits[0]?._source.loglift.oversize.sql).toHaveLength(40_000);
    expect(await hits({ match: { message: 'n'.repeat(70_000).slice(0, 10) } })).toBe(0);
  });
});
