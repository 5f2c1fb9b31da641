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

const names = namesFor(uniquePrefix('streams'));
const events = {
  dataStream: `${names.dataStream}-events`,
  template: `${names.prefix}-events`,
  replicas: 0,
  retention: { policy: `${names.prefix}-events-retention`, deleteAfterDays: 2 },
};
const nodeLogs = {
  dataStream: `${names.dataStream}-node`,
  template: `${names.prefix}-node`,
  replicas: 0,
  retention: { policy: `${names.prefix}-node-retention`, deleteAfterDays: 3 },
};
let admin: OpenSearch;
let writer: OpenSearch;
let config: string;

/** A Kubernetes Event as GET /api/v1/events returns it, managed fields already removed. */
const EVENT = {
  '@timestamp': '2026-12-01T10:00:05Z',
  apiVersion: 'v1',
  kind: 'Event',
  metadata: {
    name: 'api-7d9f-x2k4q.17c8a1b2c3d4e5f6',
    namespace: 'shop',
    uid: '7b0c2a51-5d8e-4c1b-9f2a-0a1b2c3d4e5f',
    resourceVersion: '48213',
    creationTimestamp: '2026-12-01T09:58:00Z',
  },
  involvedObject: {
    kind: 'Pod',
    namespace: 'shop',
    name: 'api-7d9f-x2k4q',
    uid: '3f1e2d4c-0000-4000-8000-000000000001',
    apiVersion: 'v1',
    resourceVersion: '48100',
    fieldPath: 'spec.containers{api}',
  },
  reason: 'BackOff',
  message: 'Back-off restarting failed container api in pod api-7d9f-x2k4q_shop',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2026-12-01T09:58:00Z',
  lastTimestamp: '2026-12-01T10:00:05Z',
  count: 7,
  type: 'Warning',
  eventTime: null,
  reportingComponent: 'kubelet',
  reportingInstance: 'node-1',
};

beforeAll(async () => {
  admin = adminClient();
  config = await writeConfig(names, { events, nodeLogs });
  const { url, caFile } = node();
  writer = createOpenSearch(
    { url, auth: 'basic', tlsVerify: true, waitSeconds: 10, ...(caFile ? { caFile } : {}) },
    { credentials: { username: names.writerUser, password: WRITER_PASSWORD } },
  );
});

afterAll(async () => {
  await writer.close();
  for (const stream of [events, nodeLogs]) {
    await admin.request('DELETE', `/_data_stream/${stream.dataStream}`, { allow: [404] });
    await admin.request('DELETE', `/_index_template/${stream.template}`, { allow: [404] });
    await admin.request('DELETE', `/_plugins/_ism/policies/${stream.retention.policy}`, { allow: [404, 400] });
  }
  await cleanup(admin, names);
  await admin.close();
});

describe('the Kubernetes Events and node log streams', () => {
  it('creates each stream with its own template and retention, then converges to zero writes', async () => {
    const first = await runBootstrap('apply', config);
    expect(first.code, first.output.error).toBe(0);
    const created = first.objects.filter((o) => o.action === 'create').map((o) => `${o.kind} ${o.name}`);
    for (const stream of [events, nodeLogs]) {
      expect(created).toContain(`index-template ${stream.template}`);
      expect(created).toContain(`data-stream ${stream.dataStream}`);
    }
    const second = await runBootstrap('apply', config);
    expect(second.code, second.output.error).toBe(0);
    expect(second.writes).toBe(0);
  });

  it('stores an Event through the writer with the events template, typed, not the logs template', async () => {
    // As Fluent Bit's opensearch output sends it: _bulk create to the stream's own index.
    const bulk = `{"create":{}}\n${JSON.stringify(EVENT)}\n`;
    const response = await writer.request<{ errors: boolean }>('POST', `/${events.dataStream}/_bulk`, {
      body: bulk,
      headers: { 'content-type': 'application/x-ndjson' },
      query: { refresh: 'true' },
    });
    expect(response.body.errors).toBe(false);
    const stream = await admin.get<{ data_streams: { template: string }[] }>(`/_data_stream/${events.dataStream}`);
    expect(stream.body.data_streams[0]?.template).toBe(events.template);
    const found = await admin.request<{ hits: { total: { value: number } } }>('POST', `/${events.dataStream}/_search`, {
      body: {
        query: {
          bool: {
            filter: [
              { term: { reason: 'BackOff' } },
              { term: { 'involvedObject.kind': 'Pod' } },
              { range: { count: { gte: 5 } } },
              { range: { lastTimestamp: { gte: '2026-12-01T10:00:00Z' } } },
            ],
          },
        },
      },
    });
    expect(found.body.hits.total.value).toBe(1);
  });
});
