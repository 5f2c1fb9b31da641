/**
 * Lift cases for the workload a pod belongs to, from the owner references the kubernetes filter
 * gives with `owner_references on` (shapes as the API server returns them), and for the
 * namespace labels and pod annotations the filter adds. Part of the shared case table.
 */
import type { LiftCase } from './liftCases.js';

type Json = Record<string, unknown>;

const CRI = { time: '2026-12-01T10:00:00.500123456Z', stream: 'stdout', _p: 'F' };
const RECORD_TIME = '2026-12-01T10:00:00.500Z';

function owner(kind: string, name: string, controller = true): Json {
  return {
    apiVersion: 'apps/v1',
    kind,
    name,
    uid: '1d0c6f1e-0000-4000-8000-000000000001',
    controller,
    blockOwnerDeletion: true,
  };
}

/** A record of pod `pod` in namespace shop with these owner references and labels. */
function ownedBy(pod: string, refs: Json[], labels: Json = {}): { record: Json; kubernetes: Json } {
  const kubernetes = { namespace_name: 'shop', pod_name: pod, container_name: 'main', labels };
  return { record: { ...CRI, log: 'started', kubernetes: { ...kubernetes, ownerReferences: refs } }, kubernetes };
}

function workloadCase(
  name: string,
  pod: string,
  refs: Json[],
  workload: Json | undefined,
  labels: Json = {},
): LiftCase {
  const { record, kubernetes } = ownedBy(pod, refs, labels);
  return {
    name,
    record,
    expected: {
      stream: 'stdout',
      kubernetes: workload === undefined ? kubernetes : { ...kubernetes, workload },
      time: RECORD_TIME,
      message: 'started',
      service: { name: 'main', name_source: 'container' },
    },
  };
}

export const workloadCases: readonly LiftCase[] = [
  workloadCase(
    'workload: a ReplicaSet ending in the pod-template-hash is its Deployment',
    'checkout-5d8f7c9b4-x2k4q',
    [owner('ReplicaSet', 'checkout-5d8f7c9b4')],
    { kind: 'Deployment', name: 'checkout' },
    { 'pod-template-hash': '5d8f7c9b4' },
  ),
  workloadCase(
    'workload: a ReplicaSet without the hash label stays a ReplicaSet',
    'legacy-abcde',
    [owner('ReplicaSet', 'legacy')],
    { kind: 'ReplicaSet', name: 'legacy' },
  ),
  workloadCase('workload: StatefulSet and DaemonSet owners are the workload', 'db-0', [owner('StatefulSet', 'db')], {
    kind: 'StatefulSet',
    name: 'db',
  }),
  workloadCase(
    'workload: the controller reference wins over another owner',
    'node-agent-7xk2p',
    [owner('ConfigMap', 'agent-config', false), owner('DaemonSet', 'node-agent')],
    { kind: 'DaemonSet', name: 'node-agent' },
  ),
  workloadCase(
    'workload: a Job named <cronjob>-<minutes since the epoch> is its CronJob',
    'report-29412000-8jz6w',
    [{ ...owner('Job', 'report-29412000'), apiVersion: 'batch/v1' }],
    { kind: 'CronJob', name: 'report' },
  ),
  workloadCase(
    'workload: a Job whose number is a date, not a schedule, is a Job',
    'migrate-20261201-q7c2m',
    [{ ...owner('Job', 'migrate-20261201'), apiVersion: 'batch/v1' }],
    { kind: 'Job', name: 'migrate-20261201' },
  ),
  workloadCase(
    'workload: a static pod is owned by its Node',
    'etcd-node-1',
    [{ ...owner('Node', 'node-1'), apiVersion: 'v1' }],
    {
      kind: 'Node',
      name: 'node-1',
    },
  ),
  workloadCase('workload: an empty owner list gives no workload', 'bare', [], undefined),
  {
    name: 'the zone and region the PodTopologyLabels admission copied onto the pod are typed',
    record: {
      ...CRI,
      log: 'x',
      kubernetes: {
        namespace_name: 'shop',
        container_name: 'main',
        labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'topology.kubernetes.io/region': 'eu-west-1' },
      },
    },
    expected: {
      stream: 'stdout',
      kubernetes: {
        namespace_name: 'shop',
        container_name: 'main',
        labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'topology.kubernetes.io/region': 'eu-west-1' },
      },
      labels: { topology_kubernetes_io_zone: 'eu-west-1a', topology_kubernetes_io_region: 'eu-west-1' },
      time: RECORD_TIME,
      message: 'x',
      service: { name: 'main', name_source: 'container' },
    },
  },
  {
    name: 'namespace labels and pod annotations are kept as the kubernetes filter gives them',
    record: {
      ...CRI,
      log: 'x',
      kubernetes: {
        namespace_name: 'shop',
        pod_name: 'p',
        container_name: 'main',
        annotations: { 'team.example.com/owner': 'payments' },
      },
      kubernetes_namespace: { name: 'shop', labels: { team: 'payments', 'kubernetes.io/metadata.name': 'shop' } },
    },
    expected: {
      stream: 'stdout',
      kubernetes: {
        namespace_name: 'shop',
        pod_name: 'p',
        container_name: 'main',
        annotations: { 'team.example.com/owner': 'payments' },
      },
      kubernetes_namespace: { name: 'shop', labels: { team: 'payments', 'kubernetes.io/metadata.name': 'shop' } },
      time: RECORD_TIME,
      message: 'x',
      service: { name: 'main', name_source: 'container' },
    },
  },
];
