import type { KubeClient } from '../kubeClient.js';

/** One kind the API server serves, from discovery. */
export interface ApiResource {
  /** "v1" or "apps/v1" */
  groupVersion: string;
  kind: string;
  /** plural name in the URL, e.g. "deployments" */
  name: string;
  namespaced: boolean;
  verbs: string[];
}

interface ResourceList {
  groupVersion: string;
  resources: { name: string; kind: string; namespaced: boolean; verbs: string[] }[];
}

interface GroupList {
  groups: { preferredVersion: { groupVersion: string } }[];
}

/** Every top-level kind (no subresources) of the core group and the preferred version of each API group. */
export async function discoverResources(client: KubeClient): Promise<ApiResource[]> {
  const groupVersions = [
    'v1',
    ...(await client.get<GroupList>('/apis')).groups.map((g) => g.preferredVersion.groupVersion),
  ];
  const lists = await Promise.all(
    groupVersions.map((gv) => client.get<ResourceList>(gv === 'v1' ? '/api/v1' : `/apis/${gv}`)),
  );
  return lists.flatMap((list) =>
    list.resources
      .filter((r) => !r.name.includes('/'))
      .map((r) => ({
        groupVersion: list.groupVersion,
        kind: r.kind,
        name: r.name,
        namespaced: r.namespaced,
        verbs: r.verbs,
      })),
  );
}

/** The collection URL of a kind, in a namespace when it is namespaced. */
export function collectionPath(resource: ApiResource, namespace?: string): string {
  const base = resource.groupVersion === 'v1' ? '/api/v1' : `/apis/${resource.groupVersion}`;
  return resource.namespaced && namespace !== undefined
    ? `${base}/namespaces/${namespace}/${resource.name}`
    : `${base}/${resource.name}`;
}

/** The API kind for a manifest's apiVersion and kind; throws when the server does not serve it. */
export function resourceFor(resources: readonly ApiResource[], apiVersion: string, kind: string): ApiResource {
  const found = resources.find((r) => r.groupVersion === apiVersion && r.kind === kind);
  if (found === undefined) throw new Error(`the API server serves no ${kind} in ${apiVersion}`);
  return found;
}

/**
 * "Kind/name" of every object the server holds in `namespace` (or cluster-wide) matching the
 * selector, sorted. Events are left out: they are reports about objects, written by whoever observes
 * them at a time of their choosing (one about task-service appeared mid-test on a loaded machine),
 * and they outlive what they describe by design.
 */
export async function listObjects(
  client: KubeClient,
  resources: readonly ApiResource[],
  scope: { namespace: string } | { cluster: true },
  labelSelector?: string,
): Promise<string[]> {
  const namespace = 'namespace' in scope ? scope.namespace : undefined;
  const kinds = resources.filter(
    (r) => r.verbs.includes('list') && r.namespaced === (namespace !== undefined) && r.kind !== 'Event',
  );
  const query = labelSelector === undefined ? '' : `?labelSelector=${encodeURIComponent(labelSelector)}`;
  const found = await Promise.all(
    kinds.map(async (r) => {
      const list = await client.get<{ items: { metadata: { name: string } }[] }>(
        `${collectionPath(r, namespace)}${query}`,
      );
      return list.items.map((item) => `${r.kind}/${item.metadata.name}`);
    }),
  );
  return found.flat().sort();
}

/** Creates a rendered manifest in `namespace` (or cluster-wide) through its kind's collection URL. */
export async function createObject(
  client: KubeClient,
  resources: readonly ApiResource[],
  manifest: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } },
  namespace?: string,
): Promise<{ status: number; body: Record<string, unknown>; warnings: string[] }> {
  const resource = resourceFor(resources, manifest.apiVersion, manifest.kind);
  // A manifest rendered for one namespace can be created in another (the server refuses a mismatch).
  const body = resource.namespaced ? { ...manifest, metadata: { ...manifest.metadata, namespace } } : manifest;
  return client.request('POST', collectionPath(resource, namespace), body);
}
