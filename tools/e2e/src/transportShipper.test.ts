import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenSearchBulkWriter } from '@loglift/logger/opensearch';
import { describe, expect, it } from 'vitest';
import { emulatedPipeline } from './emulatedPipeline.js';
import { TransportShipper } from './transportShipper.js';

const id = 'a'.repeat(64);
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'apps',
    uid: '1234-5678',
    labels: { 'app.kubernetes.io/name': 'web', app: 'web' },
  },
  spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'example/web:1' }] },
  status: {
    podIP: '10.0.0.5',
    containerStatuses: [{ name: 'web', image: 'example/web:1', imageID: `example/web@sha256:${'b'.repeat(64)}` }],
  },
};
const kubernetes = {
  pod_name: 'web-1',
  namespace_name: 'apps',
  pod_id: '1234-5678',
  labels: { 'app_kubernetes_io/name': 'web', app: 'web' },
  host: 'node-1',
  pod_ip: '10.0.0.5',
  container_name: 'web',
  docker_id: id,
  container_hash: `example/web@sha256:${'b'.repeat(64)}`,
  container_image: 'example/web:1',
};
const config = `
multiline_parsers:
  - name: nodejs-stack
    type: regex
    flush_timeout: 1000
    rules:
      - { state: start_state, regex: '/^Error: .*/', next_state: cont }
      - { state: cont, regex: '/^\\s+at .*/', next_state: cont }
pipeline:
  filters:
    - { name: multiline, match: kube.*, multiline.key_content: log, multiline.parser: 'java, nodejs-stack' }
    - { name: kubernetes, match: kube.*, merge_log: 'on', merge_log_key: app, keep_log: 'off', labels: 'on', annotations: 'off' }
  outputs:
    - { name: opensearch, match: kube.*, index: logs-loglift, replace_dots: 'on' }
`;

/** Documents Fluent Bit 5.1.1 stored for these lines with the chart's filters (field order kept). */
const fluentBitStored = [
  {
    '@timestamp': '2026-11-25T13:00:00.123Z',
    time: '2026-11-25T13:00:00.123456789Z',
    stream: 'stdout',
    _p: 'F',
    app: { level: 'info', message: 'hello', http: { response: { status_code: 200 } }, a_b: 1 },
    kubernetes,
  },
  {
    '@timestamp': '2026-11-25T13:00:00.223Z',
    time: '2026-11-25T13:00:00.223456789Z',
    stream: 'stderr',
    _p: 'F',
    log: 'plain text line',
    kubernetes,
  },
  {
    '@timestamp': '2026-11-25T13:00:00.323Z',
    time: '2026-11-25T13:00:00.323456789Z',
    stream: 'stdout',
    _p: 'P',
    app: { level: 'info', part: 'end' },
    kubernetes,
  },
  {
    '@timestamp': '2026-11-25T13:00:01.000Z',
    time: '2026-11-25T13:00:01.000000000Z',
    stream: 'stderr',
    _p: 'F',
    log: 'Exception in thread "main" java.lang.IllegalStateException: boom\n\tat com.example.App.run(App.java:10)',
    kubernetes,
  },
  {
    '@timestamp': '2026-11-25T13:00:02.000Z',
    time: '2026-11-25T13:00:02.000000000Z',
    stream: 'stderr',
    _p: 'F',
    log: 'Error: node boom\n    at foo (/app/x.js:1:1)',
    kubernetes,
  },
];

const lines = [
  '2026-11-25T13:00:00.123456789Z stdout F {"level":"info","message":"hello","http":{"response":{"status_code":200}},"a.b":1}',
  '2026-11-25T13:00:00.223456789Z stderr F plain text line',
  '2026-11-25T13:00:00.323456789Z stdout P {"level":"info","part":"',
  '2026-11-25T13:00:00.323456789Z stdout F end"}',
  '2026-11-25T13:00:01.000000000Z stderr F Exception in thread "main" java.lang.IllegalStateException: boom',
  '2026-11-25T13:00:01.000000000Z stderr F \tat com.example.App.run(App.java:10)',
  '2026-11-25T13:00:02.000000000Z stderr F Error: node boom',
  '2026-11-25T13:00:02.000000000Z stderr F     at foo (/app/x.js:1:1)',
];

describe('TransportShipper', () => {
  it('produces the documents Fluent Bit stores for the same CRI lines, with stable ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipper-'));
    const logDir = join(dir, 'logs');
    const metaDir = join(dir, 'meta');
    mkdirSync(logDir);
    mkdirSync(metaDir);
    writeFileSync(join(metaDir, 'apps_web-1.meta'), JSON.stringify(pod));
    writeFileSync(join(logDir, `web-1_apps_web-${id}.log`), `${lines.join('\n')}\n`);
    const written: { doc: Record<string, unknown>; id: string | undefined }[] = [];
    const writer = {
      write: async (doc: Record<string, unknown>, docId?: string) => {
        written.push({ doc, id: docId });
        return true;
      },
      flush: async () => undefined,
    } as unknown as OpenSearchBulkWriter;
    const shipper = new TransportShipper({ logDir, metaDir, pipeline: emulatedPipeline(config), writer, pollMs: 10 });
    shipper.start();
    await shipper.stop();
    const byTime = (a: { doc: Record<string, unknown> }, b: { doc: Record<string, unknown> }) =>
      String(a.doc['@timestamp']).localeCompare(String(b.doc['@timestamp']));
    const docs = [...written].sort(byTime).map((entry) => entry.doc);
    expect(docs).toEqual(fluentBitStored);
    expect(docs.map((doc) => Object.keys(doc))).toEqual(fluentBitStored.map((doc) => Object.keys(doc)));
    expect(new Set(written.map((entry) => entry.id)).size).toBe(written.length);
  });

  it('reads the settings the documents depend on from the rendered config', () => {
    const settings = emulatedPipeline(config);
    expect(settings).toMatchObject({
      index: 'logs-loglift',
      mergeKey: 'app',
      keepLog: false,
      replaceDots: true,
      labels: true,
    });
    expect(settings.multiline.map((parser) => parser.name)).toEqual(['java', 'nodejs-stack']);
    expect(() => emulatedPipeline('pipeline: { filters: [] }')).toThrow(/no kubernetes filter/);
  });
});
