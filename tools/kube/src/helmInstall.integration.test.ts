import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChartRepo, serveChartRepo } from './testing/chartRepo.js';
import { adminClient, createNamespace, podSecurityLabels, testCluster } from './testing/cluster.js';
import { apiWarnings, HELM_VERSIONS, helmFor } from './testing/helm.js';
import { parseManifests } from './testing/manifests.js';
import { isFluentBitRestrictedWarning } from './testing/podSecurityWarnings.js';
import { installPrometheusRuleCrd } from './testing/prometheusRuleCrd.js';
import { type ApiResource, discoverResources, listObjects } from './testing/resources.js';
import { scenarios, scenarioValues } from './testing/scenarios.js';
import { installServiceMonitorCrd } from './testing/serviceMonitorCrd.js';

const client = adminClient();
let repo: ChartRepo;
let resources: ApiResource[];

beforeAll(async () => {
  // Scenarios 01 and 06 turn the ServiceMonitor and PrometheusRule on; a cluster running
  // them has the Prometheus Operator.
  await installServiceMonitorCrd(client);
  await installPrometheusRuleCrd(client);
  resources = await discoverResources(client);
  repo = await serveChartRepo();
});
afterAll(() => repo?.close());

describe.each(HELM_VERSIONS)('helm %s install from the chart repository', (version) => {
  const helm = helmFor(version, testCluster().kubeconfigFile);
  beforeAll(async () => {
    await helm.ok(['repo', 'add', 'loglift', repo.url]);
  });

  it.each(scenarios())('installs %s, and the API server holds exactly its manifest', async (file) => {
    const namespace = `h${String(version)}-${file.slice(0, 2)}`;
    // One namespace holds the whole release, so it enforces what Fluent Bit's hostPaths need
    // (privileged) and warns at restricted, which every other pod of the chart meets.
    await createNamespace(client, namespace, podSecurityLabels('privileged', 'restricted'));
    const installed = await helm.ok([
      'install',
      'loglift',
      'loglift/loglift',
      '--namespace',
      namespace,
      '-f',
      scenarioValues(file),
      // The hook Job would wait for a kubelet that never runs it; hooks are created directly elsewhere.
      '--no-hooks',
    ]);

    const manifest = parseManifests((await helm.ok(['get', 'manifest', 'loglift', '--namespace', namespace])).stdout);
    const fluentBit = manifest.some((m) => m.kind === 'DaemonSet');
    const warnings = apiWarnings(installed.stderr);
    expect(warnings.filter((w) => !isFluentBitRestrictedWarning(w))).toEqual([]);
    expect(warnings.filter(isFluentBitRestrictedWarning)).toHaveLength(fluentBit ? 1 : 0);

    const namespaced = manifest.filter((m) => m.kind !== 'ClusterRole' && m.kind !== 'ClusterRoleBinding');
    const onServer = await listObjects(client, resources, { namespace });
    expect(onServer).toEqual(
      [...namespaced.map((m) => `${m.kind}/${m.metadata.name}`), 'Secret/sh.helm.release.v1.loglift.v1'].sort(),
    );
    const clusterScoped = manifest.filter((m) => m.kind === 'ClusterRole' || m.kind === 'ClusterRoleBinding');
    const clusterOnServer = await listObjects(
      client,
      resources,
      { cluster: true },
      'app.kubernetes.io/instance=loglift',
    );
    for (const object of clusterScoped) expect(clusterOnServer).toContain(`${object.kind}/${object.metadata.name}`);
    expect(clusterScoped.every((m) => m.metadata.name.startsWith(`${namespace}-`))).toBe(true);

    const status = JSON.parse((await helm.ok(['status', 'loglift', '--namespace', namespace, '-o', 'json'])).stdout);
    expect(status.info.status).toBe('deployed');
  });
});
