import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LEVELS } from '@loglift/log-schema';
import { testNode } from '@loglift/opensearch-testbed/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundles } from './bundles.js';
import { trafficSummary } from './containerRecords.js';
import { contractTypeViolations } from './contractTypes.js';
import { hostileRecords, seqOfDocument } from './hostileRecords.js';
import { countDocuments, openSearchRequest, type SearchHit, searchAll } from './openSearchHttp.js';
import { type Pipeline, startPipeline } from './pipeline.js';
import { cliEnv } from './runCliInTerminal.js';
import { removeNames, uniqueNames } from './testNames.js';
import { waitFor } from './waitFor.js';

const run = promisify(execFile);

interface StoredDoc {
  '@timestamp': string;
  stream?: string;
  log?: string;
  message?: string;
  level?: string;
  trace_id?: string;
  service?: { name?: string; name_source?: string };
  http?: { request?: { id?: string }; response?: { status_code?: number }; server?: { duration_ms?: number } };
  error?: { stack_trace?: string };
  loglift?: { oversize?: Record<string, unknown>; oversize_fields?: string[] };
  app?: Record<string, unknown> & {
    level?: string;
    seq?: number;
    trace_id?: string;
    service?: { name?: string };
    http?: { request?: { id?: string }; response?: { status_code?: number }; server?: { duration_ms?: number } };
  };
  kubernetes?: {
    pod_name?: string;
    namespace_name?: string;
    container_name?: string;
    container_image?: string;
    docker_id?: string;
    host?: string;
    labels?: Record<string, string>;
  };
}

const connection = testNode();
const uniques = uniqueNames();
const { names } = uniques;
// A reader of the sandbox group only: the bootstrap maps it to that group's reader role.
const sandboxReader = {
  username: `${names.readerRole}-sandbox-user`,
  password: `Rd-${randomBytes(8).toString('hex')}-Aa1!`,
};
const set = { ...uniques.set, 'routing.groups.sandbox.readers.users[0]': sandboxReader.username };
const workDir = mkdtempSync(join(tmpdir(), 'loglift-e2e-'));
const byContainer = (name: string) => ({ term: { 'kubernetes.container_name': name } });
const marked = Array.from({ length: 3 }, () => ({
  requestId: `e2e-marked-${randomBytes(6).toString('hex')}`,
  traceId: randomBytes(16).toString('hex'),
}));

let pipeline: Pipeline;
let taskDocs: SearchHit<StoredDoc>[];
let hostileDocs: SearchHit<StoredDoc>[];
let hostileCount: { records: number; seqs: number[] };

describe('the whole pipeline on one machine', () => {
  beforeAll(async () => {
    await openSearchRequest(connection, 'PUT', `/_plugins/_security/api/internalusers/${sandboxReader.username}`, {
      password: sandboxReader.password,
    });
    pipeline = await startPipeline({
      opensearch: connection,
      workDir,
      set,
      traffic: { duration: '12s', rate: 10 },
      hostile: { rounds: 1, intervalMs: 30 },
      log: (line) => process.stdout.write(`[e2e] ${line}\n`),
    });
    process.stdout.write(`[e2e] shipping path: ${pipeline.shipperKind}\n`);
    for (const { requestId, traceId } of marked) {
      const response = await fetch(`${pipeline.taskServiceUrl}/api/tasks`, {
        headers: { 'x-request-id': requestId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      });
      expect(response.status).toBe(200);
    }
    await pipeline.traffic?.exited;
    await pipeline.hostile?.exited;
    hostileCount = JSON.parse(readFileSync(pipeline.hostileCountFile, 'utf8'));
    const expectedTaskLines = pipeline.taskService.lines();
    await waitFor(
      async () => {
        const [task, hostile] = await Promise.all([
          countDocuments(connection, pipeline.index, byContainer('task-service')),
          countDocuments(connection, pipeline.indexOf('sandbox'), byContainer('hostile')),
        ]);
        return task >= expectedTaskLines && hostile >= hostileCount.records ? true : undefined;
      },
      120_000,
      async () =>
        `task-service ${await countDocuments(connection, pipeline.index, byContainer('task-service'))}/${expectedTaskLines}, hostile ${await countDocuments(connection, pipeline.indexOf('sandbox'), byContainer('hostile'))}/${hostileCount.records}`,
    );
    taskDocs = await searchAll<StoredDoc>(connection, pipeline.index, byContainer('task-service'));
    hostileDocs = await searchAll<StoredDoc>(connection, pipeline.indexOf('sandbox'), byContainer('hostile'));
  }, 300_000);

  afterAll(async () => {
    await pipeline?.stop();
    // LOGLIFT_E2E_KEEP=1 keeps the documents and the work folder for a look afterwards.
    if (process.env.LOGLIFT_E2E_KEEP === '1') {
      process.stdout.write(`[e2e] kept data stream ${names.dataStream} and ${workDir}\n`);
      return;
    }
    await removeNames(connection, names, ['sandbox']);
    await openSearchRequest(connection, 'DELETE', `/_plugins/_security/api/internalusers/${sandboxReader.username}`);
    rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  it('stores every task-service line exactly once (count in = count out)', () => {
    expect(taskDocs).toHaveLength(pipeline.taskService.lines());
  });

  it('stores every request of the traffic generator exactly once, with kubernetes.* and typed contract fields', () => {
    const summary = trafficSummary(pipeline.traffic?.logFile ?? '');
    expect(summary?.sent).toBeGreaterThan(50);
    const requestLines = taskDocs.filter(
      (hit) =>
        hit._source.http?.response?.status_code !== undefined &&
        String(hit._source.http?.request?.id).startsWith('traffic-'),
    );
    const ids = requestLines.map((hit) => hit._source.http?.request?.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(summary?.sent);
    const labels = Object.fromEntries(
      Object.entries(pipeline.chart.taskService.labels).map(([key, value]) => [key.replaceAll('.', '_'), value]),
    );
    for (const { _source: doc } of requestLines) {
      expect(doc.kubernetes).toMatchObject({
        namespace_name: pipeline.namespace,
        container_name: pipeline.chart.taskService.containerName,
        container_image: pipeline.chart.taskService.image,
        host: pipeline.nodeName,
        docker_id: pipeline.taskService.ref.containerId,
        pod_name: pipeline.taskService.ref.pod,
      });
      expect(doc.kubernetes?.labels).toMatchObject(labels);
      expect(contractTypeViolations(doc)).toEqual([]);
      // typed at the root by the lift, and kept as logged under app
      const status = doc.http?.response?.status_code as number;
      expect(status).toBe(doc.app?.http?.response?.status_code);
      expect(doc.level).toBe(status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');
      expect(doc.service).toMatchObject({ name: 'task-service', name_source: 'app' });
      expect(doc.http?.server?.duration_ms).toBeTypeOf('number');
      expect(doc.stream).toBe('stdout');
    }
  });

  it('keeps the trace id of requests that carried a traceparent', () => {
    for (const { requestId, traceId } of marked) {
      const lines = taskDocs.filter((hit) => hit._source.http?.request?.id === requestId);
      expect(lines).toHaveLength(1);
      expect(lines[0]?._source.trace_id).toBe(traceId);
    }
  });

  it('gives every task-service document a level from the contract', () => {
    for (const { _source: doc } of taskDocs) expect(LEVELS).toContain(doc.level);
  });

  it('stores every hostile record, none rejected or split (count in = count out)', () => {
    const seqs = hostileDocs.map((hit) => seqOfDocument(hit._source));
    expect(seqs.filter((seq) => seq === undefined)).toEqual([]);
    expect([...seqs].sort((a, b) => (a as number) - (b as number))).toEqual(
      [...hostileCount.seqs].sort((a, b) => a - b),
    );
    expect(hostileDocs).toHaveLength(hostileCount.records);
    expect(hostileDocs.every((hit) => hit._source.kubernetes?.namespace_name === 'sandbox')).toBe(true);
    expect(hostileDocs[0]?._source.kubernetes?.labels).toEqual({
      'app_kubernetes_io/name': 'hostile-app',
      team: 'chaos',
    });
  });

  it('joins each multi-line stack trace into one document', () => {
    for (const record of hostileRecords().filter((r) => r.kind === 'stack')) {
      const doc = hostileDocs.find((hit) => seqOfDocument(hit._source) === record.seq);
      expect(doc?._source.message).toBe(record.lines.join('\n'));
      expect(doc?._source.error?.stack_trace).toBe(record.lines.join('\n'));
      expect(doc?._source.level).toBe('error');
      expect(doc?._source.stream).toBe('stderr');
    }
  });

  it('merges JSON lines under the merge key with dots replaced and keeps huge lines whole', () => {
    const bySeq = new Map(hostileDocs.map((hit) => [seqOfDocument(hit._source), hit._source]));
    expect(bySeq.get(7)?.app).toMatchObject({ a_b_c: 1, a: { b: 2 }, 'kubernetes_io/name': 'dotted' });
    expect(String(bySeq.get(9)?.app?.message)).toHaveLength(20_000 + 'huge message '.length);
    // too long to index: set aside whole, unindexed, and listed
    expect(bySeq.get(10)?.app?.blob).toBeUndefined();
    expect(String(bySeq.get(10)?.loglift?.oversize?.blob)).toHaveLength(70_000);
    expect(bySeq.get(10)?.loglift?.oversize_fields).toEqual(['blob']);
    expect(bySeq.get(12)?.message).toContain('{"broken json"');
  });

  it('passes loglift verify against the running task-service', async () => {
    // The bootstrap reports the retention policy as skipped on a node without the ISM plugin.
    const ism = !/skipped\s+ism-policy/.test(pipeline.bootstrapSummary);
    const args = [
      bundles.cli,
      'verify',
      '--service-url',
      pipeline.taskServiceUrl,
      '--timeout',
      '60s',
      '--template',
      names.template,
      '--writer-role',
      names.writerRole,
      ...(ism ? ['--policy', names.policy] : []),
    ];
    const result = await run(process.execPath, args, {
      env: cliEnv(connection, pipeline.index),
      timeout: 90_000,
    }).catch((error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', code: error.code }));
    process.stdout.write(`[e2e] loglift verify:\n${result.stdout}`);
    const lines = result.stdout.split('\n').filter((line) => /^(ok|FAIL)\s/.test(line));
    expect(lines).toHaveLength(ism ? 5 : 4);
    expect(lines.filter((line) => !line.startsWith('ok'))).toEqual([]);
    expect('code' in result ? result.code : 0).toBe(0);
  });

  it('routes the sandbox namespace to its own stream and the rest to the default one; the bootstrap created both', async () => {
    const sandbox = pipeline.indexOf('sandbox');
    expect(sandbox).toBe(`${names.dataStream}-sandbox`);
    expect(pipeline.indexOf(pipeline.namespace)).toBe(names.dataStream);
    const streams = await openSearchRequest<{ data_streams: { name: string; template: string }[] }>(
      connection,
      'GET',
      `/_data_stream/${names.dataStream}*`,
    );
    expect(Object.fromEntries(streams.body.data_streams.map((s) => [s.name, s.template]))).toEqual({
      [names.dataStream]: names.template,
      [sandbox]: `${names.template}-sandbox`,
    });
    expect(await countDocuments(connection, names.dataStream, byContainer('hostile'))).toBe(0);
    expect(await countDocuments(connection, sandbox, byContainer('task-service'))).toBe(0);
    expect(await countDocuments(connection, sandbox, { match_all: {} })).toBe(hostileCount.records);
  });

  it("gives the sandbox group's reader its stream through the loglift CLI, and refuses it the default stream", async () => {
    const env = {
      ...cliEnv(connection, pipeline.indexOf('sandbox')),
      LOGLIFT_USERNAME: sandboxReader.username,
      LOGLIFT_PASSWORD: sandboxReader.password,
    };
    const query = ['query', '--since', '1d', '--limit', '10000', '-o', 'ndjson'];
    const own = await run(process.execPath, [bundles.cli, ...query], { env, timeout: 60_000 });
    const docs = own.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as StoredDoc);
    expect(docs).toHaveLength(hostileCount.records);
    expect(new Set(docs.map((doc) => doc.kubernetes?.namespace_name))).toEqual(new Set(['sandbox']));
    const other = await run(process.execPath, [bundles.cli, ...query, '--index', pipeline.index], {
      env,
      timeout: 60_000,
    }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    expect('code' in other ? other.code : 0).not.toBe(0);
    expect('stdout' in other ? other.stdout : '').toBe('');
    const mapping = await fetchAs(sandboxReader, `/${pipeline.index}/_mapping`);
    expect(mapping).toBe(403);
    expect(await fetchAs(sandboxReader, `/${pipeline.index}/_count`)).toBe(403);
    expect(await fetchAs(sandboxReader, `/${pipeline.indexOf('sandbox')}/_count`)).toBe(200);
  });
});

/** Status of a GET as another user. */
async function fetchAs(user: { username: string; password: string }, path: string): Promise<number> {
  const response = await openSearchRequest({ ...connection, ...user }, 'GET', path);
  return response.status;
}
