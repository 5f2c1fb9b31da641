import { beforeAll, describe, expect, it } from 'vitest';
import type { KubeClient } from './kubeClient.js';
import { type Access, describeAccess, selfAllowed, serviceAccountAllowed } from './testing/accessReview.js';
import {
  adminClient,
  createNamespace,
  podSecurityLabels,
  serviceAccountToken,
  testCluster,
} from './testing/cluster.js';
import { helmFor } from './testing/helm.js';
import { chartDir } from './testing/paths.js';
import { postInstallHooks, renderScenario } from './testing/renderChart.js';
import { type ApiResource, createObject, discoverResources } from './testing/resources.js';
import { scenarioValues } from './testing/scenarios.js';
import { installServiceMonitorCrd } from './testing/serviceMonitorCrd.js';

const admin = adminClient();
const helm = helmFor(4, testCluster().kubeconfigFile);
const ns = 'rbac-irsa';
const kubeletNs = 'rbac-kubelet';
const fluentBitSa = 'loglift-fluent-bit';
const bootstrapSa = 'loglift-bootstrap';
let resources: ApiResource[];
let asBootstrap: KubeClient;
let asFluentBit: KubeClient;

/** Installs a scenario without hooks, then creates its hook RBAC (ServiceAccount, Role, RoleBinding) as Helm would. */
async function installWithHookRbac(file: string, namespace: string): Promise<void> {
  await createNamespace(admin, namespace, podSecurityLabels('privileged', 'restricted'));
  await helm.ok(['install', 'loglift', chartDir, '--namespace', namespace, '-f', scenarioValues(file), '--no-hooks']);
  const hooks = postInstallHooks(await renderScenario(helm, file, namespace));
  for (const hook of hooks.filter((m) => ['ServiceAccount', 'Role', 'RoleBinding'].includes(m.kind))) {
    const created = await createObject(admin, resources, hook, namespace);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
}

beforeAll(async () => {
  // Scenario 01 turns the ServiceMonitor on; a cluster running it has the Prometheus Operator.
  await installServiceMonitorCrd(admin);
  resources = await discoverResources(admin);
  await installWithHookRbac('01-aws-irsa-values.yaml', ns);
  await installWithHookRbac('03-kubelet-pod-identity-values.yaml', kubeletNs);
  asBootstrap = admin.as(await serviceAccountToken(admin, ns, bootstrapSa));
  asFluentBit = admin.as(await serviceAccountToken(admin, ns, fluentBitSa));
});

const bootstrapMay: Access[] = [
  { verb: 'get', resource: 'serviceaccounts', name: fluentBitSa, namespace: ns },
  { verb: 'create', resource: 'events', namespace: ns },
  { verb: 'create', resource: 'events', group: 'events.k8s.io', namespace: ns },
];
const bootstrapMayNot: Access[] = [
  { verb: 'get', resource: 'serviceaccounts', name: bootstrapSa, namespace: ns },
  { verb: 'list', resource: 'serviceaccounts', namespace: ns },
  { verb: 'update', resource: 'serviceaccounts', name: fluentBitSa, namespace: ns },
  { verb: 'create', resource: 'serviceaccounts', subresource: 'token', name: fluentBitSa, namespace: ns },
  { verb: 'get', resource: 'serviceaccounts', name: fluentBitSa, namespace: kubeletNs },
  { verb: 'get', resource: 'secrets', name: 'loglift-writer', namespace: ns },
  { verb: 'list', resource: 'secrets', namespace: ns },
  { verb: 'get', resource: 'configmaps', namespace: ns },
  { verb: 'create', resource: 'pods', namespace: ns },
  { verb: 'delete', resource: 'events', namespace: ns },
  { verb: 'list', resource: 'events', namespace: ns },
  { verb: 'get', resource: 'jobs', group: 'batch', namespace: ns },
];
const fluentBitMay: Access[] = ['get', 'list', 'watch'].flatMap((verb) => [
  { verb, resource: 'pods' },
  { verb, resource: 'namespaces' },
  { verb, resource: 'pods', namespace: 'kube-system' },
]);
const fluentBitMayNot: Access[] = [
  { verb: 'get', resource: 'secrets', namespace: ns },
  { verb: 'list', resource: 'secrets' },
  { verb: 'get', resource: 'configmaps', namespace: ns },
  { verb: 'create', resource: 'pods', namespace: ns },
  { verb: 'delete', resource: 'pods', namespace: ns },
  { verb: 'patch', resource: 'pods', namespace: ns },
  { verb: 'get', resource: 'pods', subresource: 'exec', namespace: ns },
  { verb: 'update', resource: 'namespaces' },
  { verb: 'list', resource: 'nodes' },
  { verb: 'get', resource: 'nodes', subresource: 'proxy' },
  { verb: 'create', resource: 'serviceaccounts', subresource: 'token', name: fluentBitSa, namespace: ns },
];

/** Test rows: what it reads as, the access, whether it is allowed. */
function table(may: Access[], mayNot: Access[]): [string, Access, boolean][] {
  return [
    ...may.map((a) => [describeAccess(a), a, true] as [string, Access, boolean]),
    ...mayNot.map((a) => [describeAccess(a), a, false] as [string, Access, boolean]),
  ];
}

describe("the bootstrap hook's Role, with a real token of its ServiceAccount", () => {
  const account = { namespace: ns, name: bootstrapSa };
  it.each(table(bootstrapMay, bootstrapMayNot))(
    '%s: allowed = %s (SelfSubjectAccessReview and SubjectAccessReview agree)',
    async (_name, access, allowed) => {
      expect(await selfAllowed(asBootstrap, access), describeAccess(access)).toBe(allowed);
      expect(await serviceAccountAllowed(admin, account, access), describeAccess(access)).toBe(allowed);
    },
  );

  it("reads the Fluent Bit ServiceAccount's IRSA annotation and nothing else", async () => {
    const account = await asBootstrap.get<{ metadata: { annotations: Record<string, string> } }>(
      `/api/v1/namespaces/${ns}/serviceaccounts/${fluentBitSa}`,
    );
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::123456789012:role/loglift-fluent-bit',
    );
    for (const path of [`serviceaccounts/${bootstrapSa}`, 'serviceaccounts', 'secrets', 'configmaps']) {
      expect((await asBootstrap.request('GET', `/api/v1/namespaces/${ns}/${path}`)).status, path).toBe(403);
    }
  });

  it('writes an Event on its Job', async () => {
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'loglift-bootstrap.test', namespace: ns },
      involvedObject: { apiVersion: 'batch/v1', kind: 'Job', name: bootstrapSa, namespace: ns },
      type: 'Normal',
      reason: 'BootstrapSucceeded',
      message: 'written with the hook token',
      source: { component: 'loglift-bootstrap' },
    };
    const created = await asBootstrap.create(`/api/v1/namespaces/${ns}/events`, event);
    expect(created.body).toMatchObject({ reason: 'BootstrapSucceeded', involvedObject: { kind: 'Job' } });
    expect((await asBootstrap.request('DELETE', `/api/v1/namespaces/${ns}/events/loglift-bootstrap.test`)).status).toBe(
      403,
    );
  });
});

describe("Fluent Bit's ClusterRole, with a real token of its ServiceAccount", () => {
  const account = { namespace: ns, name: fluentBitSa };
  it.each(table(fluentBitMay, fluentBitMayNot))(
    '%s: allowed = %s (SelfSubjectAccessReview and SubjectAccessReview agree)',
    async (_name, access, allowed) => {
      expect(await selfAllowed(asFluentBit, access), describeAccess(access)).toBe(allowed);
      expect(await serviceAccountAllowed(admin, account, access), describeAccess(access)).toBe(allowed);
    },
  );

  it('makes the calls of the kubernetes filter: a pod by name, its namespace, pods by watch', async () => {
    const pods = await asFluentBit.get<{ items: unknown[] }>('/api/v1/pods?limit=5');
    expect(Array.isArray(pods.items)).toBe(true);
    expect((await asFluentBit.get<{ metadata: { name: string } }>(`/api/v1/namespaces/${ns}`)).metadata.name).toBe(ns);
    const missing = await asFluentBit.request('GET', `/api/v1/namespaces/${ns}/pods/no-such-pod`);
    expect(missing.status).toBe(404);
    const watch = await asFluentBit.request('GET', '/api/v1/pods?watch=1&timeoutSeconds=1');
    expect(watch.status).toBe(200);
    expect((await asFluentBit.request('GET', `/api/v1/namespaces/${ns}/secrets`)).status).toBe(403);
  });

  it('gets nodes/proxy (the kubelet /pods endpoint) only when the scenario reads metadata from the kubelet', async () => {
    const access: Access = { verb: 'get', resource: 'nodes', subresource: 'proxy' };
    expect(await serviceAccountAllowed(admin, { namespace: kubeletNs, name: fluentBitSa }, access)).toBe(true);
    expect(await serviceAccountAllowed(admin, account, access)).toBe(false);
  });
});
