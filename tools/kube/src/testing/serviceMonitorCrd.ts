import type { KubeClient } from '../kubeClient.js';
import { installCrd } from './installCrd.js';

/**
 * The ServiceMonitor CRD as the Prometheus Operator registers it (group, names, scope), with
 * an open schema: the chart's ServiceMonitor needs the kind to exist, and the operator's full
 * schema is not what these tests check.
 */
export async function installServiceMonitorCrd(client: KubeClient): Promise<void> {
  await installCrd(client, {
    name: 'servicemonitors.monitoring.coreos.com',
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
}
