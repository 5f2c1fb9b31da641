import { liftRecord } from '@loglift/log-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenSearch } from './opensearch/openSearch.js';
import { adminClient, cleanup, namesFor, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';
import legacy from './testing/legacyIndexTemplate.json' with { type: 'json' };

// The index template loglift 0.1 created (the model before the lift), recorded from its
// indexMappings(): contract leaves under app, flat_object parents, no typed root fields.
const names = namesFor(uniquePrefix('upgrade'));
let admin: OpenSearch;

interface Hits {
  hits: { total: { value: number }; hits: { _index: string; _source: Record<string, unknown> }[] };
}

async function bulk(docs: readonly Record<string, unknown>[]): Promise<void> {
  const body = `${docs.map((doc) => `{"create":{}}\n${JSON.stringify(doc)}`).join('\n')}\n`;
  const response = await admin.request<{ errors: boolean }>('POST', `/${names.dataStream}/_bulk?refresh=true`, {
    body,
    headers: { 'content-type': 'application/x-ndjson' },
  });
  expect(response.body.errors).toBe(false);
}

async function search(query: Record<string, unknown>): Promise<Hits['hits']> {
  return (await admin.request<Hits>('POST', `/${names.dataStream}/_search`, { body: { query, size: 50 } })).body.hits;
}

beforeAll(async () => {
  admin = adminClient();
  await admin.request('PUT', `/_index_template/${names.template}`, {
    body: {
      index_patterns: [`${names.dataStream}*`],
      data_stream: {},
      priority: 200,
      template: {
        settings: { index: { number_of_replicas: '0', ...legacy.settings } },
        mappings: legacy.mappings,
      },
    },
  });
  await admin.request('PUT', `/_data_stream/${names.dataStream}`);
  await bulk([
    {
      '@timestamp': '2026-11-30T10:00:00.000Z',
      stream: 'stdout',
      app: {
        level: 'error',
        message: 'old failure',
        service: { name: 'orders' },
        http: { response: { status_code: 503 } },
      },
    },
    { '@timestamp': '2026-11-30T10:00:01.000Z', stream: 'stderr', log: 'old plain line' },
  ]);
});

afterAll(async () => {
  await cleanup(admin, names);
  await admin.close();
});

describe('helm upgrade from the model before the lift', () => {
  it('rolls the data stream over to the new mappings and aliases the old typed leaves', async () => {
    const applied = await runBootstrap('apply', await writeConfig(names));
    expect(applied.code, applied.output.error).toBe(0);
    const stream = applied.objects.find((object) => object.kind === 'data-stream');
    expect(stream?.action).toBe('update');

    const streams = await admin.request<{ data_streams: { indices: { index_name: string }[] }[] }>(
      'GET',
      `/_data_stream/${names.dataStream}`,
    );
    const indices = streams.body.data_streams[0]?.indices.map((index) => index.index_name) ?? [];
    expect(indices).toHaveLength(2);

    // documents of the new generation, and one a not yet upgraded Fluent Bit still sends
    await bulk([
      {
        '@timestamp': '2026-12-01T10:00:00.000Z',
        ...liftRecord(
          { stream: 'stdout', app: { level: 50, msg: 'new failure', service: 'orders', res: { statusCode: 500 } } },
          Date.parse('2026-12-01T10:00:00.000Z'),
        ),
      },
      { '@timestamp': '2026-12-01T10:00:01.000Z', stream: 'stderr', log: 'plain line from an old agent' },
    ]);

    // the typed names find both generations where the old model had a concrete field
    expect((await search({ term: { level: 'error' } })).total.value).toBe(2);
    expect((await search({ match: { message: 'failure' } })).total.value).toBe(2);
    // numbers are numeric in the new generation; the old one is found under app.* as before
    expect((await search({ range: { 'http.response.status_code': { gte: 500 } } })).total.value).toBe(1);
    expect((await search({ term: { 'app.http.response.status_code': '503' } })).total.value).toBe(1);
    expect((await search({ match: { log: 'plain' } })).total.value).toBe(2);
    expect((await search({ match_all: {} })).total.value).toBe(4);

    const again = await runBootstrap('apply', await writeConfig(names));
    expect(again.code).toBe(0);
    expect(again.writes).toBe(0);
  });
});
