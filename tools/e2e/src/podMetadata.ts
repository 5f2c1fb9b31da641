import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PodContainer {
  readonly name: string;
  readonly image: string;
  readonly containerId: string;
}

export interface PodSpec {
  readonly name: string;
  readonly namespace: string;
  readonly nodeName: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly containers: readonly PodContainer[];
  readonly uid?: string;
  readonly podIp?: string;
}

/** A Pod object as `GET /api/v1/namespaces/<ns>/pods/<name>` returns it for a running pod. */
export function podObject(spec: PodSpec): Record<string, unknown> {
  const started = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      uid: spec.uid ?? randomUUID(),
      creationTimestamp: started,
      labels: { ...spec.labels },
      annotations: { ...spec.annotations },
    },
    spec: {
      nodeName: spec.nodeName,
      containers: spec.containers.map((container) => ({ name: container.name, image: container.image })),
    },
    status: {
      phase: 'Running',
      hostIP: '127.0.0.1',
      podIP: spec.podIp ?? '127.0.0.1',
      startTime: started,
      containerStatuses: spec.containers.map((container) => ({
        name: container.name,
        image: container.image,
        imageID: `${container.image.replace(/:[^:/]+$/, '')}@sha256:${'0'.repeat(64)}`,
        containerID: `containerd://${container.containerId}`,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: started } },
      })),
    },
  };
}

/**
 * Writes the pod where Fluent Bit's kubernetes filter looks with `kube_meta_preload_cache_dir`:
 * one file per pod named `<namespace>_<pod>.meta`, so no API server is needed.
 */
export function writePodMetadata(dir: string, spec: PodSpec): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${spec.namespace}_${spec.name}.meta`);
  writeFileSync(file, JSON.stringify(podObject(spec)));
  return file;
}
