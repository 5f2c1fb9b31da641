import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface ContainerRef {
  readonly pod: string;
  readonly namespace: string;
  readonly container: string;
  /** 64 lowercase hex characters, as containerd reports it. */
  readonly containerId: string;
}

const CONTAINER_ID = /^[0-9a-f]{64}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** A fresh container id in containerd's format. */
export function newContainerId(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The file name kubelet links in /var/log/containers: `<pod>_<namespace>_<container>-<id>.log`.
 * Fluent Bit's kubernetes filter reads pod, namespace, container and id back from it.
 */
export function kubeletLogFileName(ref: ContainerRef): string {
  for (const key of ['pod', 'namespace', 'container'] as const) {
    if (!DNS_LABEL.test(ref[key])) throw new Error(`${key} "${ref[key]}" is not a valid Kubernetes name`);
  }
  if (!CONTAINER_ID.test(ref.containerId)) {
    throw new Error(`containerId "${ref.containerId}" is not 64 lowercase hex characters`);
  }
  return `${ref.pod}_${ref.namespace}_${ref.container}-${ref.containerId}.log`;
}

export function kubeletLogPath(dir: string, ref: ContainerRef): string {
  return join(dir, kubeletLogFileName(ref));
}

const FILE_NAME = /^([^_]+)_([^_]+)_(.+)-([0-9a-f]{64})\.log$/;

/** Reads a kubelet log file name back, or undefined when the name does not have that shape. */
export function parseKubeletLogFileName(name: string): ContainerRef | undefined {
  const match = FILE_NAME.exec(name);
  if (!match) return undefined;
  const [, pod, namespace, container, containerId] = match as unknown as [string, string, string, string, string];
  return { pod, namespace, container, containerId };
}
