import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { KubeClient } from '../kubeClient.js';
import type { KubeConnection } from '../providedContext.js';

/** Inside an integration test: the control plane the global setup started. */
export function testCluster(): KubeConnection {
  return inject('kube');
}

/** A client authenticated as the static admin (system:masters). */
export function adminClient(connection: KubeConnection = testCluster()): KubeClient {
  return new KubeClient(connection.server, readFileSync(connection.caFile), connection.adminToken);
}

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** Namespace labels that make PodSecurity enforce `enforce` and warn and audit at `warn`. */
export function podSecurityLabels(enforce: PodSecurityLevel, warn: PodSecurityLevel = enforce): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': enforce,
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/warn': warn,
    'pod-security.kubernetes.io/warn-version': 'latest',
    'pod-security.kubernetes.io/audit': warn,
    'pod-security.kubernetes.io/audit-version': 'latest',
  };
}

export async function createNamespace(client: KubeClient, name: string, labels: Record<string, string>): Promise<void> {
  await client.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
}

/** A short-lived token of a ServiceAccount from the TokenRequest API, as a projected volume gets it. */
export async function serviceAccountToken(client: KubeClient, namespace: string, name: string): Promise<string> {
  const answer = await client.create<{ status: { token: string } }>(
    `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 600 } },
  );
  return answer.body.status.token;
}
