import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from './config/loadConfig.js';
import { WriteCounter } from './opensearch/writeCounter.js';
import type { PlannedObject } from './plan.js';
import { EXIT, type Log, run } from './run.js';
import { type DashboardsStub, startDashboardsStub } from './testing/dashboardsStub.js';
import { type ServerlessStub, startServerlessStub } from './testing/serverlessStub.js';

const WRITER = 'arn:aws:iam::123456789012:role/loglift-fluent-bit';
const READER = 'arn:aws:iam::123456789012:role/log-readers';
const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
const silent: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

let collection: ServerlessStub;
let dashboards: DashboardsStub;
beforeEach(async () => {
  collection = await startServerlessStub();
  dashboards = await startDashboardsStub({ sigv4Service: 'aoss' });
});
afterEach(async () => {
  await collection.close();
  await dashboards.close();
});

function desiredState(): Record<string, unknown> {
  return {
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: {
      url: collection.url,
      auth: 'aws-sigv4',
      aws: { region: 'eu-west-1', service: 'aoss', collection: 'logs' },
      waitSeconds: 5,
    },
    security: { writer: { backendRoles: [WRITER] }, reader: { backendRoles: [READER] } },
    dashboards: { url: dashboards.url, waitSeconds: 5 },
  };
}

async function bootstrap(command: 'plan' | 'apply') {
  const dir = await mkdtemp(join(tmpdir(), 'loglift-aoss-'));
  const configFile = join(dir, 'bootstrap.yaml');
  await writeFile(configFile, stringify(desiredState()));
  const counters = { opensearch: new WriteCounter(), dashboards: new WriteCounter() };
  let stdout = '';
  const code = await run(
    { command, configFile, output: 'json' },
    { env: {}, log: silent, stdout: (text) => (stdout += text), counters, awsCredentials: credentials },
  );
  const output = JSON.parse(stdout) as { ok: boolean; error?: string; objects: PlannedObject[] };
  return { code, output, writes: counters.opensearch.count + counters.dashboards.count };
}

describe('OpenSearch Serverless (aoss)', () => {
  it('uses only the APIs a collection supports, signed as aoss, and converges to zero writes', async () => {
    const first = await bootstrap('apply');
    expect(first.output.error).toBeUndefined();
    expect(first.code).toBe(EXIT.ok);
    expect(collection.unsupported).toEqual([]);
    expect(collection.requests.every((request) => request.service === 'aoss')).toBe(true);
    expect(dashboards.objects.get('global')?.get('index-pattern/loglift-logs')).toBeDefined();
    // Serverless Dashboards has no tenants: no securitytenant header.
    expect(dashboards.requests.every((request) => request.headers.securitytenant === undefined)).toBe(true);
    const template = collection.templates.get('loglift-logs') as { template: { settings: { index: object } } };
    expect(template.template.settings.index).not.toHaveProperty('number_of_shards');

    const second = await bootstrap('apply');
    expect(second.code).toBe(EXIT.ok);
    expect(second.writes).toBe(0);
  });

  it('prints the data access policy and the lifecycle policy instead of roles and ISM', async () => {
    const { output } = await bootstrap('plan');
    const byKind = new Map(output.objects.map((object) => [object.kind, object]));
    expect([...byKind.keys()]).not.toContain('role');
    expect([...byKind.keys()]).not.toContain('ism-policy');
    expect(byKind.get('aoss-data-access-policy')?.document).toEqual([
      expect.objectContaining({
        Rules: [
          {
            ResourceType: 'index',
            Resource: ['index/logs/logs-loglift*'],
            Permission: ['aoss:CreateIndex', 'aoss:DescribeIndex', 'aoss:WriteDocument'],
          },
        ],
        Principal: [WRITER],
      }),
      expect.objectContaining({ Principal: [READER] }),
    ]);
    expect(byKind.get('aoss-lifecycle-policy')?.document).toEqual({
      Rules: [{ ResourceType: 'index', Resource: ['index/logs/logs-loglift*'], MinIndexRetention: '14d' }],
    });
  });
});

describe('the desired state on aoss', () => {
  const base = {
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: {
      url: 'https://x.eu-west-1.aoss.amazonaws.com',
      auth: 'aws-sigv4',
      aws: { region: 'eu-west-1', service: 'aoss', collection: 'logs' },
    },
  };

  it('refuses internal users and tenants', () => {
    expect(() =>
      parseConfig({
        ...base,
        opensearch: { ...base.opensearch, aws: { region: 'eu-west-1', service: 'aoss' } },
        security: { writer: { internalUser: { name: 'fluent-bit' } } },
        dashboards: { url: 'https://x/_dashboards', tenants: ['team-a'] },
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'security.writer.internalUser: OpenSearch Serverless has no internal users: the writer must be an IAM principal (writer.backendRoles)',
          'dashboards.tenants: OpenSearch Serverless Dashboards has no tenants: leave tenants at [global]',
        ],
      }),
    );
  });
});
