import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { testNode } from '@loglift/opensearch-testbed/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kubeconfig } from './kubeconfig.js';
import { repoRoot, toolDir } from './paths.js';
import {
  adminClient,
  createNamespace,
  podSecurityLabels,
  serviceAccountToken,
  testCluster,
} from './testing/cluster.js';
import { helmFor } from './testing/helm.js';
import { findManifest } from './testing/manifests.js';
import { chartDir } from './testing/paths.js';
import { postInstallHooks, renderScenario } from './testing/renderChart.js';
import { createObject, discoverResources } from './testing/resources.js';
import { scenarioValues } from './testing/scenarios.js';

const run = promisify(execFile);
const admin = adminClient();
const helm = helmFor(4, testCluster().kubeconfigFile);
const ns = 'bootstrap-run';
const roleArn = 'arn:aws:iam::123456789012:role/loglift-fluent-bit';
// The Fluent Bit ServiceAccount carries the IRSA annotation; the hook talks to OpenSearch with basic auth.
const values = [
  '-f',
  scenarioValues('00-defaults-values.yaml'),
  '--set',
  'opensearch.writer.auth=aws-sigv4',
  '--set',
  `opensearch.writer.aws.roleArn=${roleArn}`,
  '--set',
  'opensearch.aws.region=eu-west-1',
];
const work = mkdtempSync(path.join(tmpdir(), 'loglift-kube-bootstrap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** GET on the test OpenSearch node as its admin. */
function openSearchGet(urlPath: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const node = testNode();
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(urlPath, node.url),
      {
        auth: `${node.username}:${node.password}`,
        ...(node.caFile === '' ? {} : { ca: readFileSync(node.caFile) }),
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let result: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  await createNamespace(admin, ns, podSecurityLabels('privileged', 'restricted'));
  await helm.ok(['install', 'loglift', chartDir, '--namespace', ns, ...values, '--no-hooks']);
  const rendered = await renderScenario(helm, '00-defaults-values.yaml', ns, values.slice(2));
  const resources = await discoverResources(admin);
  for (const hook of postInstallHooks(rendered).filter((m) =>
    ['ServiceAccount', 'Role', 'RoleBinding'].includes(m.kind),
  )) {
    expect((await createObject(admin, resources, hook, ns)).status).toBe(201);
  }

  // What the Job's Pod would have: its ServiceAccount's token, and the desired state from the
  // ConfigMap with only the OpenSearch address changed for this machine.
  const token = await serviceAccountToken(admin, ns, 'loglift-bootstrap');
  const kubeconfigFile = path.join(work, 'kubeconfig.json');
  writeFileSync(
    kubeconfigFile,
    JSON.stringify(
      kubeconfig({
        server: testCluster().server,
        caFile: testCluster().caFile,
        token,
        user: 'loglift-bootstrap',
        namespace: ns,
      }),
    ),
  );
  const configMap = findManifest(rendered, 'ConfigMap', '-bootstrap') as unknown as { data: Record<string, string> };
  const desired = parse(configMap.data['bootstrap.yaml'] ?? '') as { opensearch: Record<string, unknown> };
  const node = testNode();
  desired.opensearch = { ...desired.opensearch, url: node.url, ...(node.caFile === '' ? {} : { caFile: node.caFile }) };
  const configFile = path.join(work, 'bootstrap.yaml');
  writeFileSync(configFile, stringify(desired));

  const main = path.join(repoRoot, 'apps', 'bootstrap', 'src', 'main.ts');
  const env = {
    PATH: process.env.PATH,
    HOME: work,
    KUBECONFIG: kubeconfigFile,
    LOGLIFT_JOB_NAME: 'loglift-bootstrap',
    LOGLIFT_JOB_NAMESPACE: ns,
    LOGLIFT_ADMIN_USERNAME: node.username,
    LOGLIFT_ADMIN_PASSWORD: node.password,
    LOGLIFT_WRITER_PASSWORD: randomBytes(12).toString('hex'),
  };
  try {
    const done = await run(
      process.execPath,
      ['--conditions=@loglift/source', '--import', 'tsx', main, 'apply', '--config', configFile],
      {
        cwd: toolDir,
        env,
        timeout: 240_000,
      },
    );
    result = { code: 0, stdout: done.stdout, stderr: done.stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    result = { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
});

describe('the bootstrap run with its ServiceAccount token against the real API server and OpenSearch', () => {
  it('succeeds', () => {
    expect(result.code, `${result.stdout}\n${result.stderr.split('\n').slice(-15).join('\n')}`).toBe(0);
  });

  it("maps the IAM role read from the Fluent Bit ServiceAccount's annotation to the writer role", async () => {
    const mapping = await openSearchGet('/_plugins/_security/api/rolesmapping/loglift-writer');
    expect(mapping.status).toBe(200);
    expect((mapping.body['loglift-writer'] as { backend_roles: string[] }).backend_roles).toContain(roleArn);
  });

  it('records its outcome as an Event on its Job', async () => {
    const events = await admin.get<{
      items: { reason: string; involvedObject: { kind: string; name: string }; source?: { component?: string } }[];
    }>(`/api/v1/namespaces/${ns}/events`);
    expect(events.items).toEqual([
      expect.objectContaining({
        reason: 'BootstrapSucceeded',
        involvedObject: expect.objectContaining({ kind: 'Job', name: 'loglift-bootstrap' }),
      }),
    ]);
  });
});
