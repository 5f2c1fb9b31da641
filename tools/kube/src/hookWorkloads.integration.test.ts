import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createNamespace, podSecurityLabels, testCluster } from './testing/cluster.js';
import { helmFor } from './testing/helm.js';
import { findManifest, type Manifest, podFromTemplate } from './testing/manifests.js';
import { renderScenario } from './testing/renderChart.js';
import { type ApiResource, createObject, discoverResources } from './testing/resources.js';

const admin = adminClient();
const helm = helmFor(4, testCluster().kubeconfigFile);
const restricted = 'pods-restricted';
let resources: ApiResource[];
let rendered: Manifest[];

async function create(manifest: Manifest, namespace: string) {
  const created = await createObject(admin, resources, manifest, namespace);
  expect(created.status, `${manifest.kind}/${manifest.metadata.name}: ${JSON.stringify(created.body)}`).toBe(201);
  return created;
}

beforeAll(async () => {
  resources = await discoverResources(admin);
  await createNamespace(admin, restricted, podSecurityLabels('restricted'));
  rendered = await renderScenario(helm, '00-defaults-values.yaml', restricted);
  // What the pods refer to: their ServiceAccounts (ServiceAccount admission checks them) and
  // the bootstrap's ConfigMap. Helm creates the hook's ones right before the Job.
  for (const account of rendered.filter((m) => m.kind === 'ServiceAccount')) await create(account, restricted);
  await create(findManifest(rendered, 'ConfigMap', '-bootstrap'), restricted);
});

describe('in a namespace that enforces PodSecurity restricted', () => {
  it('accepts the bootstrap hook Job without a warning, and the Pod it would start', async () => {
    const job = findManifest(rendered, 'Job', '-bootstrap');
    expect((await create(job, restricted)).warnings).toEqual([]);
    const pod = await create(podFromTemplate(job, 'loglift-bootstrap-run'), restricted);
    expect(pod.warnings).toEqual([]);
    // ServiceAccount admission mounted a projected token: the hook reaches the API with it.
    const volumes = (pod.body.spec as { volumes: { name: string; projected?: unknown }[] }).volumes;
    expect(volumes.some((v) => v.name.startsWith('kube-api-access-') && v.projected !== undefined)).toBe(true);
  });

  it('accepts the helm test Pod, which gets no API token', async () => {
    const pod = await create(findManifest(rendered, 'Pod', '-verify'), restricted);
    expect(pod.warnings).toEqual([]);
    const volumes = ((pod.body.spec as { volumes?: { name: string }[] }).volumes ?? []).map((v) => v.name);
    expect(volumes.filter((name) => name.startsWith('kube-api-access-'))).toEqual([]);
  });

  it('accepts the task-service Deployment and its Pod', async () => {
    const deployment = findManifest(rendered, 'Deployment', '-task-service');
    expect((await create(deployment, restricted)).warnings).toEqual([]);
    expect((await create(podFromTemplate(deployment, 'loglift-task-service-run'), restricted)).warnings).toEqual([]);
  });

  it("refuses Fluent Bit's Pod: its hostPath volumes and root user need the privileged level", async () => {
    const daemonSet = findManifest(rendered, 'DaemonSet', '-fluent-bit');
    const refused = await createObject(
      admin,
      resources,
      podFromTemplate(daemonSet, 'loglift-fluent-bit-run'),
      restricted,
    );
    expect(refused.status).toBe(403);
    const message = String((refused.body as { message?: string }).message);
    expect(message).toMatch(/violates PodSecurity "restricted:latest"/);
    expect(message).toMatch(/use restricted volume type "hostPath"/);
    expect(message).toMatch(/runAsUser=0/);
  });
});

describe('the namespace level Fluent Bit needs', () => {
  const fluentBitPod = () =>
    podFromTemplate(findManifest(rendered, 'DaemonSet', '-fluent-bit'), 'loglift-fluent-bit-run');

  it('is above baseline, which forbids hostPath volumes', async () => {
    await createNamespace(admin, 'pods-baseline', podSecurityLabels('baseline'));
    await create(findManifest(rendered, 'ServiceAccount', '-fluent-bit'), 'pods-baseline');
    const refused = await createObject(admin, resources, fluentBitPod(), 'pods-baseline');
    expect(refused.status).toBe(403);
    expect(String((refused.body as { message?: string }).message)).toMatch(
      /violates PodSecurity "baseline:latest": hostPath volumes/,
    );
  });

  it('is privileged, where its Pod is admitted', async () => {
    await createNamespace(admin, 'pods-privileged', podSecurityLabels('privileged'));
    await create(findManifest(rendered, 'ServiceAccount', '-fluent-bit'), 'pods-privileged');
    const admitted = await create(fluentBitPod(), 'pods-privileged');
    expect(admitted.warnings).toEqual([]);
  });
});
