import type { KubeClient } from '../kubeClient.js';
import { waitUntil } from '../waitUntil.js';

/**
 * The ServiceMonitor CRD as the Prometheus Operator registers it (group, names, scope), with
 * an open schema: the chart's ServiceMonitor needs the kind to exist, and the operator's full
 * schema is not what these tests check.
 */
export async function installServiceMonitorCrd(client: KubeClient): Promise<void> {
  const path = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
  const existing = await client.request('GET', `${path}/servicemonitors.monitoring.coreos.com`);
  if (existing.status === 200) return;
  await client.create(path, {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'servicemonitors.monitoring.coreos.com' },
    spec: {
      group: 'monitoring.coreos.com',
      scope: 'Namespaced',
      names: {
        kind: 'ServiceMonitor',
        listKind: 'ServiceMonitorList',
        plural: 'servicemonitors',
        singular: 'servicemonitor',
      },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        },
      ],
    },
  });
  // A new CRD is served once it is Established; Helm's discovery must see it before an install.
  await waitUntil('the ServiceMonitor CRD', 30_000, async () => {
    const crd = await client.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
      `${path}/servicemonitors.monitoring.coreos.com`,
    );
    return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') === true;
  });
}
