import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubernetesMetadata } from '@loglift/log-schema';
import type { ContainerRef } from './kubeletLogPath.js';

interface PodJson {
  metadata?: { uid?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { nodeName?: string };
  status?: { podIP?: string; containerStatuses?: { name?: string; image?: string; imageID?: string }[] };
}

export interface MetadataOptions {
  readonly labels: boolean;
  readonly annotations: boolean;
}

/**
 * What Fluent Bit's kubernetes filter adds for a container, read from the preloaded
 * `<namespace>_<pod>.meta` file, with its field names and order. Undefined when the file is missing.
 */
export function kubernetesMetadata(
  metaDir: string,
  ref: ContainerRef,
  options: MetadataOptions,
): (KubernetesMetadata & Record<string, unknown>) | undefined {
  let pod: PodJson;
  try {
    pod = JSON.parse(readFileSync(join(metaDir, `${ref.namespace}_${ref.pod}.meta`), 'utf8')) as PodJson;
  } catch {
    return undefined;
  }
  const status = pod.status?.containerStatuses?.find((c) => c.name === ref.container);
  const meta: KubernetesMetadata & Record<string, unknown> = { pod_name: ref.pod, namespace_name: ref.namespace };
  if (pod.metadata?.uid) meta.pod_id = pod.metadata.uid;
  if (options.labels && pod.metadata?.labels && Object.keys(pod.metadata.labels).length > 0) {
    meta.labels = { ...pod.metadata.labels };
  }
  if (options.annotations && pod.metadata?.annotations && Object.keys(pod.metadata.annotations).length > 0) {
    meta.annotations = { ...pod.metadata.annotations };
  }
  if (pod.spec?.nodeName) meta.host = pod.spec.nodeName;
  if (pod.status?.podIP) meta.pod_ip = pod.status.podIP;
  meta.container_name = ref.container;
  meta.docker_id = ref.containerId;
  if (status?.imageID) meta.container_hash = status.imageID;
  if (status?.image) meta.container_image = status.image;
  return meta;
}
