import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreV1Api } from '@kubernetes/client-node';
import { testNode } from '@loglift/opensearch-testbed/testing';
import { stringify } from 'yaml';
import { createOpenSearch } from '../opensearch/createOpenSearch.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import { WriteCounter } from '../opensearch/writeCounter.js';
import type { PlannedObject } from '../plan.js';
import { type Log, run } from '../run.js';

/** The node the test bed's global setup provides (started for the run, or named by LOGLIFT_OPENSEARCH_*). */
export const node = testNode;

export function adminClient(): OpenSearch {
  const { url, username, password, caFile } = node();
  return createOpenSearch(
    { url, auth: 'basic', tlsVerify: true, waitSeconds: 30, ...(caFile ? { caFile } : {}) },
    { credentials: { username, password } },
  );
}

/** Unique lowercase prefix so test files sharing one node never collide. */
export function uniquePrefix(label: string): string {
  return `t${randomBytes(3).toString('hex')}-${label}`;
}

export interface Names {
  readonly prefix: string;
  readonly dataStream: string;
  readonly template: string;
  readonly policy: string;
  readonly writerRole: string;
  readonly readerRole: string;
  readonly writerUser: string;
}

export function namesFor(prefix: string): Names {
  return {
    prefix,
    dataStream: `logs-${prefix}`,
    template: `${prefix}-logs`,
    policy: `${prefix}-retention`,
    writerRole: `${prefix}-writer`,
    readerRole: `${prefix}-reader`,
    writerUser: `${prefix}-fluent-bit`,
  };
}

/** Writes a desired-state file for the test node with the given names and extra sections. */
export async function writeConfig(
  names: Names,
  extra: Record<string, unknown> = {},
  opensearch: Record<string, unknown> = {},
): Promise<string> {
  const { url, caFile } = node();
  const dir = await mkdtemp(join(tmpdir(), 'loglift-bootstrap-'));
  const file = join(dir, 'bootstrap.yaml');
  const { security, ...rest } = extra as { security?: Record<string, unknown> };
  const config = {
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url, waitSeconds: 30, ...(caFile ? { caFile } : {}), ...opensearch },
    logs: {
      dataStream: names.dataStream,
      template: names.template,
      replicas: 0,
      retention: { policy: names.policy, deleteAfterDays: 3 },
    },
    security: {
      writerRole: names.writerRole,
      readerRole: names.readerRole,
      writer: { internalUser: { name: names.writerUser } },
      ...security,
    },
    ...rest,
  };
  await writeFile(file, stringify(config));
  return file;
}

export const WRITER_PASSWORD = 'Wr1ter-Passw0rd!loglift';

export interface CliResult {
  readonly code: number;
  readonly objects: PlannedObject[];
  readonly writes: number;
  readonly dashboardsWrites: number;
  readonly output: { ok: boolean; error?: string };
  readonly logs: { level: string; message: string; [key: string]: unknown }[];
}

/** Runs the CLI's `run` in-process with JSON output and captured logs. */
export async function runBootstrap(
  command: 'plan' | 'apply',
  configFile: string,
  options: { env?: NodeJS.ProcessEnv; kube?: () => CoreV1Api } = {},
): Promise<CliResult> {
  const { username, password } = node();
  const logs: CliResult['logs'] = [];
  const record = (level: string) => (object: object, message: string) => logs.push({ ...object, level, message });
  const log: Log = { info: record('info'), warn: record('warn'), error: record('error') };
  let stdout = '';
  const counters = { opensearch: new WriteCounter(), dashboards: new WriteCounter() };
  const code = await run(
    { command, configFile, output: 'json' },
    {
      env: {
        LOGLIFT_ADMIN_USERNAME: username,
        LOGLIFT_ADMIN_PASSWORD: password,
        LOGLIFT_WRITER_PASSWORD: WRITER_PASSWORD,
        ...options.env,
      },
      log,
      stdout: (text) => {
        stdout += text;
      },
      counters,
      ...(options.kube ? { kube: options.kube } : {}),
    },
  );
  const output = JSON.parse(stdout) as CliResult['output'] & { objects: PlannedObject[] };
  return {
    code,
    objects: output.objects,
    writes: counters.opensearch.count,
    dashboardsWrites: counters.dashboards.count,
    output,
    logs,
  };
}

/** Removes everything a test created under its names. */
export async function cleanup(os: OpenSearch, names: Names): Promise<void> {
  const quiet = { allow: [404, 400] };
  await os.request('DELETE', `/_data_stream/${names.dataStream}`, quiet);
  await os.request('DELETE', `/_index_template/${names.template}`, quiet);
  await os.request('DELETE', `/_plugins/_ism/policies/${names.policy}`, quiet);
  for (const role of [names.writerRole, names.readerRole]) {
    await os.request('DELETE', `/_plugins/_security/api/rolesmapping/${role}`, quiet);
    await os.request('DELETE', `/_plugins/_security/api/roles/${role}`, quiet);
  }
  await os.request('DELETE', `/_plugins/_security/api/internalusers/${names.writerUser}`, quiet);
}
