import type { FieldSpec } from './fieldTypes.js';

/** Where the lift writes the workload a pod belongs to, derived from its owner reference. */
export const WORKLOAD_FIELDS = {
  kind: 'kubernetes.workload.kind',
  name: 'kubernetes.workload.name',
} as const;

/**
 * A Job the CronJob controller created is named `<cronjob>-<scheduled time in minutes since the
 * epoch>`: eight digits from mid-2019 on. Smaller numbers (a date like 20261201) are a Job's own
 * name, not a schedule.
 */
export const CRONJOB_SUFFIX = { digits: 8, min: 26_000_000 } as const;

/** The pod label the Deployment controller adds; its value ends the ReplicaSet's name. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export const workloadFields: readonly FieldSpec[] = [
  {
    path: WORKLOAD_FIELDS.kind,
    type: 'keyword',
    origin: 'loglift',
    description:
      "Kind of the pod's workload: Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet (without a Deployment), Node (static pods), or another controller's kind; absent on a pod nothing owns.",
  },
  {
    path: WORKLOAD_FIELDS.name,
    type: 'keyword',
    origin: 'loglift',
    description: "Name of the pod's workload (the Deployment's, not the ReplicaSet's; the CronJob's, not the Job's).",
  },
  {
    path: 'kubernetes.annotations',
    type: 'flat_object',
    origin: 'kubernetes',
    description:
      'Pod annotations the chart keeps (fluentBit.config.kubernetes.annotations), searchable as kubernetes.annotations.<key>.',
  },
  {
    path: 'kubernetes_namespace.labels',
    type: 'flat_object',
    origin: 'kubernetes',
    description:
      "Labels of the pod's namespace (fluentBit.config.kubernetes.namespaceLabels), searchable as kubernetes_namespace.labels.<key>.",
  },
];

/**
 * The node's zone and instance type from the EC2 instance metadata service, which Fluent Bit's
 * aws filter adds at the record root (fluentBit.config.kubernetes.awsNodeMetadata): local to the
 * node, no Kubernetes API request.
 */
export const awsNodeFields: readonly FieldSpec[] = [
  { path: 'az', type: 'keyword', origin: 'fluent-bit', description: "The node's availability zone (aws filter)." },
  {
    path: 'ec2_instance_type',
    type: 'keyword',
    origin: 'fluent-bit',
    description: "The node's EC2 instance type (aws filter).",
  },
];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The workload of a pod from the kubernetes filter's metadata (`owner_references on` gives
 * `ownerReferences`): the controller reference, else the first one; a ReplicaSet whose name ends
 * in the pod's pod-template-hash is its Deployment; a Job named like a CronJob's is that CronJob.
 * Undefined for a pod nothing owns (the filter then gives no `ownerReferences`).
 */
export function workloadOf(kubernetes: unknown): { kind: string; name: string } | undefined {
  if (!isObject(kubernetes)) return undefined;
  const refs = Array.isArray(kubernetes.ownerReferences) ? kubernetes.ownerReferences.filter(isObject) : [];
  const owner = refs.find((ref) => ref.controller === true) ?? refs[0];
  const kind = text(owner?.kind);
  const name = text(owner?.name);
  if (kind === undefined || name === undefined) return undefined;
  if (kind === 'ReplicaSet') {
    const labels = isObject(kubernetes.labels) ? kubernetes.labels : {};
    const hash = text(labels[POD_TEMPLATE_HASH_LABEL]);
    if (hash !== undefined && name.length > hash.length + 1 && name.endsWith(`-${hash}`)) {
      return { kind: 'Deployment', name: name.slice(0, -hash.length - 1) };
    }
  }
  if (kind === 'Job') {
    const match = new RegExp(`^(.+)-(\\d{${CRONJOB_SUFFIX.digits}})$`).exec(name);
    if (match?.[1] !== undefined && Number(match[2]) >= CRONJOB_SUFFIX.min) return { kind: 'CronJob', name: match[1] };
  }
  return { kind, name };
}
