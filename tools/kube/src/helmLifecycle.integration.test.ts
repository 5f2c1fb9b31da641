import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createNamespace, podSecurityLabels, testCluster } from './testing/cluster.js';
import { HELM_VERSIONS, helmFor } from './testing/helm.js';
import { chartDir } from './testing/paths.js';
import { type ApiResource, discoverResources, listObjects } from './testing/resources.js';
import { scenarioValues } from './testing/scenarios.js';

const client = adminClient();
let resources: ApiResource[];
beforeAll(async () => {
  resources = await discoverResources(client);
});

interface Deployment {
  spec: { replicas: number };
}
interface DaemonSet {
  spec: { template: { metadata: { annotations: Record<string, string> } } };
}
interface ConfigMap {
  data: Record<string, string>;
}

describe.each(HELM_VERSIONS)('helm %s upgrade, rollback and uninstall', (version) => {
  const helm = helmFor(version, testCluster().kubeconfigFile);
  const namespace = `life-h${String(version)}`;
  const release = 'loglift';
  const apps = `/apis/apps/v1/namespaces/${namespace}`;
  const state = async () => ({
    replicas: (await client.get<Deployment>(`${apps}/deployments/${release}-task-service`)).spec.replicas,
    checksum: (await client.get<DaemonSet>(`${apps}/daemonsets/${release}-fluent-bit`)).spec.template.metadata
      .annotations['checksum/config'],
    config: Object.values(
      (await client.get<ConfigMap>(`/api/v1/namespaces/${namespace}/configmaps/${release}-fluent-bit`)).data,
    ).join('\n'),
  });
  const history = async () =>
    (
      JSON.parse((await helm.ok(['history', release, '-n', namespace, '-o', 'json'])).stdout) as {
        revision: number;
        status: string;
      }[]
    ).map((h) => `${String(h.revision)}:${h.status}`);
  const common = ['--namespace', namespace, '--no-hooks'];

  it('changes values on upgrade, restores them on rollback, and uninstall leaves nothing behind', async () => {
    await createNamespace(client, namespace, podSecurityLabels('privileged', 'restricted'));
    await helm.ok(['install', release, chartDir, ...common, '-f', scenarioValues('00-defaults-values.yaml')]);
    const installed = await state();
    expect(installed.replicas).toBe(2);
    expect(installed.config).toMatch(/log_level:? +info/i);

    await helm.ok([
      'upgrade',
      release,
      chartDir,
      ...common,
      '-f',
      scenarioValues('00-defaults-values.yaml'),
      '--set',
      'taskService.replicaCount=3',
      '--set',
      'fluentBit.config.service.logLevel=debug',
    ]);
    const upgraded = await state();
    expect(upgraded.replicas).toBe(3);
    expect(upgraded.config).toMatch(/log_level:? +debug/i);
    // The changed configuration reaches the pods through the checksum annotation.
    expect(upgraded.checksum).not.toBe(installed.checksum);
    expect(await history()).toEqual(['1:superseded', '2:deployed']);

    await helm.ok(['rollback', release, '1', '--namespace', namespace, '--no-hooks']);
    expect(await state()).toEqual(installed);
    expect(await history()).toEqual(['1:superseded', '2:superseded', '3:deployed']);

    const clusterBefore = await listObjects(
      client,
      resources,
      { cluster: true },
      `app.kubernetes.io/instance=${release}`,
    );
    expect(clusterBefore).toEqual(
      expect.arrayContaining([
        `ClusterRole/${namespace}-${release}-fluent-bit`,
        `ClusterRoleBinding/${namespace}-${release}-fluent-bit`,
      ]),
    );
    await helm.ok(['uninstall', release, '--namespace', namespace]);
    // Every namespaced kind the server serves, Helm's release Secrets included.
    expect(await listObjects(client, resources, { namespace })).toEqual([]);
    const clusterAfter = await listObjects(
      client,
      resources,
      { cluster: true },
      `app.kubernetes.io/instance=${release}`,
    );
    expect(clusterAfter.filter((name) => name.includes(`/${namespace}-`))).toEqual([]);
  });
});
