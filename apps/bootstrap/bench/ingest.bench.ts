// Bulk ingest throughput into the index template of the typed model (documents after the lift)
// against the template before it (documents as the old pipeline stored them), for the same
// records (with the output's replace_dots, as the chart runs it), in alternating rounds on one node. Prints docs/s side by side and the ratio.
// Uses LOGLIFT_OPENSEARCH_URL/_USERNAME/_PASSWORD/_CA when set, else starts the test node.
import { randomBytes } from 'node:crypto';
import { INDEX_MAPPING_SETTINGS, indexMappings, liftRecord } from '@loglift/log-schema';
import { liftCases, RECORD_MILLIS } from '@loglift/log-schema/testing';
import { replaceDots } from '@loglift/logger/opensearch';
import { createOpenSearch } from '../src/opensearch/createOpenSearch.js';
import legacy from '../src/testing/legacyIndexTemplate.json' with { type: 'json' };
import { benchNode } from './benchNode.js';

const DOCS = Number(process.env.LOGLIFT_BENCH_DOCS ?? 60_000);
const BATCH = 2000;
const ROUNDS = 3;

const node = await benchNode();

const os = createOpenSearch(
  { url: node.url, auth: 'basic', tlsVerify: true, waitSeconds: 60, ...(node.caFile ? { caFile: node.caFile } : {}) },
  { credentials: { username: node.username, password: node.password } },
);

// The case table's records, without the hostile ones the model before the lift rejected (empty
// keys) and the oversize ones, which would dominate the byte count.
const records = liftCases.filter((c) => !/hostile|too long|collide/.test(c.name)).map((c) => c.record);
const stamp = (n: number) => new Date(RECORD_MILLIS + n).toISOString();
const lines = {
  legacy: records.map((record, n) => {
    const { time: _time, _p, ...rest } = record as Record<string, unknown>;
    return JSON.stringify(replaceDots({ '@timestamp': stamp(n), ...rest }));
  }),
  lifted: records.map((record, n) =>
    JSON.stringify(replaceDots({ '@timestamp': stamp(n), ...liftRecord(record, RECORD_MILLIS) })),
  ),
};

async function createStream(name: string, mappings: unknown, settings: Record<string, unknown>): Promise<void> {
  await os.request('PUT', `/_index_template/${name}`, {
    body: {
      index_patterns: [`${name}*`],
      data_stream: {},
      priority: 500,
      template: { settings: { index: { number_of_shards: '1', number_of_replicas: '0', ...settings } }, mappings },
    },
  });
  await os.request('PUT', `/_data_stream/${name}`);
}

async function ingest(stream: string, source: readonly string[]): Promise<number> {
  const started = process.hrtime.bigint();
  for (let sent = 0; sent < DOCS; sent += BATCH) {
    let body = '';
    for (let i = sent; i < Math.min(DOCS, sent + BATCH); i += 1)
      body += `{"create":{}}\n${source[i % source.length]}\n`;
    const response = await os.request<{ errors: boolean }>('POST', `/${stream}/_bulk`, {
      body,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    if (response.body.errors) {
      const failed = (response.body as unknown as { items: { create: { error?: unknown } }[] }).items.find(
        (item) => item.create.error,
      );
      throw new Error(`bulk into ${stream} had item errors: ${JSON.stringify(failed)}`);
    }
  }
  return DOCS / (Number(process.hrtime.bigint() - started) / 1e9);
}

const prefix = `bench${randomBytes(3).toString('hex')}`;
const streams = { legacy: `logs-${prefix}-legacy`, lifted: `logs-${prefix}-lifted` };
try {
  await createStream(streams.legacy, legacy.mappings, legacy.settings);
  await createStream(streams.lifted, indexMappings(), INDEX_MAPPING_SETTINGS);
  const rates = { legacy: [] as number[], lifted: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    rates.legacy.push(await ingest(streams.legacy, lines.legacy));
    rates.lifted.push(await ingest(streams.lifted, lines.lifted));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const bytes = (source: string[]) => Math.round(source.reduce((sum, line) => sum + line.length, 0) / source.length);
  console.log(`bulk ingest, ${DOCS} documents per round, ${ROUNDS} rounds, median docs/s`);
  console.log('template                 docs/s   avg bytes/doc');
  console.log(`before the lift     ${median(rates.legacy).toFixed(0).padStart(11)}   ${bytes(lines.legacy)}`);
  console.log(`typed (lifted)      ${median(rates.lifted).toFixed(0).padStart(11)}   ${bytes(lines.lifted)}`);
  console.log(`ratio typed/before  ${(median(rates.lifted) / median(rates.legacy)).toFixed(2).padStart(11)}x`);
} finally {
  for (const stream of Object.values(streams)) {
    await os.request('DELETE', `/_data_stream/${stream}`, { allow: [404] });
    await os.request('DELETE', `/_index_template/${stream}`, { allow: [404] });
  }
  await os.close();
  await node.stop();
}
