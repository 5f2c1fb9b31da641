import type { KubeClient } from '../kubeClient.js';
import { waitUntil } from '../waitUntil.js';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/** The part of a CustomResourceDefinition these tests define: its name and spec. */
export interface CrdDefinition {
  name: string;
  spec: Record<string, unknown>;
}

/**
 * Creates the CRD unless it exists and waits until it is Established: Helm's discovery must
 * see the kind before an install that uses it.
 */
export async function installCrd(client: KubeClient, crd: CrdDefinition): Promise<void> {
  const existing = await client.request('GET', `${CRDS}/${crd.name}`);
  if (existing.status === 200) return;
  await client.create(CRDS, {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: crd.name },
    spec: crd.spec,
  });
  await waitUntil(`the ${crd.name} CRD`, 30_000, async () => {
    const found = await client.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
      `${CRDS}/${crd.name}`,
    );
    return found.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') === true;
  });
}
