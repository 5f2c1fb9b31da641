import { randomBytes } from 'node:crypto';
import { routeNamespace } from '@loglift/log-schema';
import { count, createClient, type LogClient, search, stats } from '@loglift/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenSearch } from './opensearch/createOpenSearch.js';
import type { OpenSearch } from './opensearch/openSearch.js';
import { adminClient, cleanup, namesFor, node, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';

/**
 * Each team sees its own: two groups with streams of their own and two groups sharing one, on the
 * real node, with readers created here and mapped by the bootstrap.
 */
const names = namesFor(uniquePrefix('teams'));
const password = `Rd-${randomBytes(8).toString('hex')}-Aa1!`;
const users = {
  payments: `${names.prefix}-pay`,
  orders: `${names.prefix}-orders`,
  search: `${names.prefix}-search`,
  analytics: `${names.prefix}-analytics`,
};
const groups = [
  {
    name: 'payments',
    namespaces: ['payments', 'billing-*'],
    deleteAfterDays: 30,
    readers: { users: [users.payments] },
  },
  { name: 'orders', namespaces: ['orders'], readers: { users: [users.orders] } },
  { name: 'search', stream: 'shared', namespaces: ['search-?'], readers: { users: [users.search] } },
  { name: 'analytics', stream: 'shared', namespaces: ['analytics', 'search-9'], readers: { users: [users.analytics] } },
];
const routing = { dataStream: names.dataStream, groups };
const streams = {
  default: names.dataStream,
  payments: `${names.dataStream}-payments`,
  orders: `${names.dataStream}-orders`,
  shared: `${names.dataStream}-shared`,
};
/** Namespace -> documents written. */
const written: Record<string, number> = {
  payments: 3,
  'billing-us': 2,
  orders: 4,
  'search-1': 2,
  'search-2': 1,
  analytics: 2,
  // listed by name in analytics, so not in search's glob
  'search-9': 1,
  'kube-system': 2,
};
const since = { time: { from: '2020-01-01T00:00:00Z' } };
let admin: OpenSearch;
const readers = new Map<string, { raw: OpenSearch; query: (index: string) => LogClient }>();

beforeAll(async () => {
  admin = adminClient();
  for (const user of Object.values(users)) {
    await admin.request('PUT', `/_plugins/_security/api/internalusers/${user}`, { body: { password } });
  }
  const config = await writeConfig(names, { routing: { groups } });
  const applied = await runBootstrap('apply', config);
  expect(applied.output.error).toBeUndefined();
  expect(applied.code).toBe(0);
  const lines: string[] = [];
  for (const [namespace, n] of Object.entries(written)) {
    const index = routeNamespace(namespace, routing).dataStream;
    for (let i = 0; i < n; i += 1) {
      lines.push(JSON.stringify({ create: { _index: index } }));
      lines.push(
        JSON.stringify({
          '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
          message: `line ${i} of ${namespace}`,
          level: i === 0 ? 'error' : 'info',
          kubernetes: { namespace_name: namespace, pod_name: `${namespace}-pod` },
        }),
      );
    }
  }
  const bulk = await admin.request<{ errors: boolean }>('POST', '/_bulk', {
    body: `${lines.join('\n')}\n`,
    query: { refresh: 'true' },
  });
  expect(bulk.body.errors).toBe(false);
  const { url, caFile } = node();
  for (const [group, user] of Object.entries(users)) {
    readers.set(group, {
      raw: createOpenSearch(
        { url, auth: 'basic', tlsVerify: true, waitSeconds: 30, ...(caFile ? { caFile } : {}) },
        { credentials: { username: user, password } },
      ),
      query: (index) =>
        createClient({ url, ...(caFile ? { caFile } : {}), auth: { type: 'basic', username: user, password }, index }),
    });
  }
}, 120_000);

afterAll(async () => {
  const quiet = { allow: [404, 400] };
  for (const reader of readers.values()) await reader.raw.close();
  for (const stream of Object.values(streams).slice(1)) {
    await admin.request('DELETE', `/_data_stream/${stream}`, quiet);
  }
  for (const suffix of ['payments', 'orders', 'shared']) {
    await admin.request('DELETE', `/_index_template/${names.template}-${suffix}`, quiet);
  }
  for (const group of groups) {
    await admin.request('DELETE', `/_plugins/_security/api/rolesmapping/${names.readerRole}-${group.name}`, quiet);
    await admin.request('DELETE', `/_plugins/_security/api/roles/${names.readerRole}-${group.name}`, quiet);
  }
  for (const user of Object.values(users)) {
    await admin.request('DELETE', `/_plugins/_security/api/internalusers/${user}`, quiet);
  }
  await cleanup(admin, names);
  await admin.close();
});

function reader(group: string) {
  const found = readers.get(group);
  if (!found) throw new Error(`no reader for ${group}`);
  return found;
}

async function countAs(group: string, index: string): Promise<number | 'forbidden'> {
  const response = await reader(group).raw.request<{ count: number }>('GET', `/${index}/_count`, { allow: [403] });
  return response.status === 403 ? 'forbidden' : response.body.count;
}

async function namespacesAs(group: string, index: string): Promise<Record<string, number>> {
  const response = await reader(group).raw.request<{
    hits: { hits: { _source: { kubernetes: { namespace_name: string } } }[] };
    aggregations: { ns: { buckets: { key: string; doc_count: number }[] } };
  }>('POST', `/${index}/_search`, {
    body: { size: 100, aggs: { ns: { terms: { field: 'kubernetes.namespace_name', size: 50 } } } },
  });
  const fromHits = new Set(response.body.hits.hits.map((hit) => hit._source.kubernetes.namespace_name));
  const buckets = Object.fromEntries(response.body.aggregations.ns.buckets.map((b) => [b.key, b.doc_count]));
  expect([...fromHits].sort()).toEqual(Object.keys(buckets).sort());
  return buckets;
}

describe('routing groups on the real node', () => {
  it('creates each stream once, from its own template with a priority above the default one', async () => {
    const live = await admin.get<{ data_streams: { name: string; template: string }[] }>(
      `/_data_stream/${names.dataStream}*`,
    );
    expect(Object.fromEntries(live.body.data_streams.map((s) => [s.name, s.template]))).toEqual({
      [streams.default]: names.template,
      [streams.payments]: `${names.template}-payments`,
      [streams.orders]: `${names.template}-orders`,
      [streams.shared]: `${names.template}-shared`,
    });
    const template = await admin.get<{ index_templates: { index_template: { priority: number } }[] }>(
      `/_index_template/${names.template}-payments`,
    );
    expect(template.body.index_templates[0]?.index_template.priority).toBe(238);
  });

  it('keeps the stream template across a rollover (the template names the stream exactly)', async () => {
    await admin.request('POST', `/${streams.orders}/_rollover`);
    const mappings = await admin.get<Record<string, { mappings: { _meta?: unknown } }>>(`/${streams.orders}/_mapping`);
    const indices = Object.keys(mappings.body).sort();
    expect(indices).toHaveLength(2);
    for (const index of indices) expect(mappings.body[index]?.mappings._meta).toBeDefined();
  });

  it('converges: a second apply changes nothing', async () => {
    const again = await runBootstrap('apply', await writeConfig(names, { routing: { groups } }));
    expect(again.code).toBe(0);
    expect(again.writes).toBe(0);
  });

  it("gives a team's reader its namespaces' documents in search, count and aggregations", async () => {
    expect(await countAs('payments', streams.payments)).toBe(5);
    expect(await namespacesAs('payments', streams.payments)).toEqual({ payments: 3, 'billing-us': 2 });
    expect(await countAs('orders', streams.orders)).toBe(4);
    expect(await namespacesAs('orders', streams.orders)).toEqual({ orders: 4 });
  });

  it("refuses a team's reader another stream: search, count and mapping", async () => {
    for (const index of [streams.orders, streams.shared, streams.default]) {
      expect(await countAs('payments', index)).toBe('forbidden');
      const mapping = await reader('payments').raw.request('GET', `/${index}/_mapping`, { allow: [403] });
      expect(mapping.status).toBe(403);
      const found = await reader('payments').raw.request('POST', `/${index}/_search`, { allow: [403] });
      expect(found.status).toBe(403);
    }
    expect(await countAs('orders', streams.payments)).toBe('forbidden');
    const backing = await reader('payments').raw.request('GET', `/.ds-${streams.orders}-*/_count`, { allow: [403] });
    expect(backing.status).toBe(403);
  });

  it('limits readers of a shared stream to their own namespaces by document-level security', async () => {
    expect(await namespacesAs('search', streams.shared)).toEqual({ 'search-1': 2, 'search-2': 1 });
    expect(await countAs('search', streams.shared)).toBe(3);
    expect(await namespacesAs('analytics', streams.shared)).toEqual({ analytics: 2, 'search-9': 1 });
    expect(await countAs('analytics', streams.shared)).toBe(3);
  });

  it('gives the same answers through @loglift/query', async () => {
    const payments = reader('payments').query(streams.payments);
    const search_ = reader('search').query(streams.shared);
    const refused = reader('payments').query(streams.orders);
    try {
      expect(await count(payments, since)).toBe(5);
      const hits = await search(payments, { ...since, limit: 100 });
      expect(new Set(hits.hits.map((hit) => hit.source.kubernetes?.namespace_name))).toEqual(
        new Set(['payments', 'billing-us']),
      );
      const summary = await stats(payments, since);
      expect(summary.total).toBe(5);
      expect(summary.errors).toBe(2);
      expect(summary.top.namespace.map((entry) => entry.key).sort()).toEqual(['billing-us', 'payments']);
      expect(await count(search_, since)).toBe(3);
      expect(await count(search_, { ...since, query: 'kubernetes.namespace_name: analytics' })).toBe(0);
      await expect(count(refused, since)).rejects.toThrow();
    } finally {
      await Promise.all([payments.close(), search_.close(), refused.close()]);
    }
  });
});
