import { parseAllDocuments } from 'yaml';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The objects of a multi-document YAML stream (`helm template` output), empty documents dropped. */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`rendered YAML does not parse: ${String(doc.errors[0]?.message)}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null && typeof m === 'object' && typeof m.kind === 'string');
}

/** The one manifest of this kind whose name ends with `suffix`; throws naming what was rendered. */
export function findManifest(manifests: readonly Manifest[], kind: string, suffix = ''): Manifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata.name.endsWith(suffix));
  if (found.length !== 1) {
    const rendered = manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ');
    throw new Error(`expected one ${kind} named *${suffix}, found ${String(found.length)} in: ${rendered}`);
  }
  return found[0] as Manifest;
}

/** A Pod made from a workload's pod template, as its controller would create it. */
export function podFromTemplate(workload: Manifest, name: string): Manifest {
  const template = (workload.spec?.template ?? {}) as {
    metadata?: Manifest['metadata'];
    spec?: Record<string, unknown>;
  };
  if (template.spec === undefined) throw new Error(`${workload.kind}/${workload.metadata.name} has no pod template`);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(template.metadata ?? {}), name },
    spec: template.spec,
  };
}
