import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testNode } from '@loglift/opensearch-testbed/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { trafficSummary } from './containerRecords.js';
import { findFluentBit } from './fluentBitShipper.js';
import { seqOfDocument } from './hostileRecords.js';
import { countDocuments, searchAll } from './openSearchHttp.js';
import { type Pipeline, startPipeline } from './pipeline.js';
import { removeNames, uniqueNames } from './testNames.js';
import { waitFor } from './waitFor.js';

interface Doc {
  log?: string;
  app?: { seq?: number; http?: { request?: { id?: string }; response?: { status_code?: number } } };
}

const connection = testNode();
const binary = findFluentBit();
const { names, set } = uniqueNames('e2e-fb');
const workDir = mkdtempSync(join(tmpdir(), 'loglift-e2e-fb-'));
const byContainer = (name: string) => ({ term: { 'kubernetes.container_name': name } });
let pipeline: Pipeline | undefined;

afterAll(async () => {
  await pipeline?.stop();
  await removeNames(connection, names, ['sandbox']);
  rmSync(workDir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!binary)('Fluent Bit restarts and OpenSearch outages lose and duplicate nothing', () => {
  it('restarts Fluent Bit and cuts OpenSearch off for 30 s mid-stream', async () => {
    const log = (line: string) => process.stdout.write(`[e2e] ${line}\n`);
    const p = await startPipeline({
      opensearch: connection,
      workDir,
      set,
      shipper: 'fluent-bit',
      traffic: { duration: '50s', rate: 8 },
      hostile: { rounds: 4, intervalMs: 400 },
      buildBundles: false,
      log,
    });
    pipeline = p;
    log(`shipping path: ${p.shipperKind} (resilience)`);
    await sleep(6000);
    log('restarting Fluent Bit mid-stream');
    await p.fluentBit?.restart();
    await sleep(4000);
    log('OpenSearch unreachable for 30 s (proxy stopped)');
    await p.proxy?.stop();
    await sleep(30_000);
    await p.proxy?.start();
    log('OpenSearch reachable again');
    await p.traffic?.exited;
    await p.hostile?.exited;
    const hostileCount = JSON.parse(readFileSync(p.hostileCountFile, 'utf8')) as { records: number; seqs: number[] };
    const taskLines = p.taskService.lines();
    await waitFor(
      async () => {
        const task = await countDocuments(connection, p.index, byContainer('task-service'));
        const hostile = await countDocuments(connection, p.indexOf('sandbox'), byContainer('hostile'));
        return task >= taskLines && hostile >= hostileCount.records ? true : undefined;
      },
      150_000,
      async () =>
        `task-service ${await countDocuments(connection, p.index, byContainer('task-service'))}/${taskLines}, hostile ${await countDocuments(connection, p.indexOf('sandbox'), byContainer('hostile'))}/${hostileCount.records}; see ${p.fluentBit?.logFile}`,
      2000,
    );
    // Late resends would show up as extra documents: give them a moment.
    await sleep(5000);
    const taskDocs = await searchAll<Doc>(connection, p.index, byContainer('task-service'));
    const hostileDocs = await searchAll<Doc>(connection, p.indexOf('sandbox'), byContainer('hostile'));
    expect(p.fluentBit?.starts).toBe(2);
    // The outage really reached Fluent Bit: its output failed and retried.
    expect(readFileSync(p.fluentBit?.logFile ?? '', 'utf8')).toMatch(/retry|connection refused|failed to flush/i);
    expect(taskDocs).toHaveLength(taskLines);
    const ids = taskDocs
      .filter((hit) => hit._source.app?.http?.response?.status_code !== undefined)
      .map((hit) => hit._source.app?.http?.request?.id)
      .filter((id) => String(id).startsWith('traffic-'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(trafficSummary(p.traffic?.logFile ?? '')?.sent);
    const seqs = hostileDocs.map((hit) => seqOfDocument(hit._source)).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(seqs).toEqual([...hostileCount.seqs].sort((a, b) => a - b));
  }, 300_000);
});
