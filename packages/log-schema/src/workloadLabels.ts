import type { FieldSpec } from './fieldTypes.js';

/**
 * Pod labels the lift copies to typed keyword fields (`labels.<key with non-alphanumerics as _>`)
 * so Dashboards can chart logs per workload (and per zone); `kubernetes.labels` keeps every label, searchable
 * but not aggregatable. The first four also name the service when the app logs none, in this order.
 */
export const WORKLOAD_LABELS = [
  'app.kubernetes.io/name',
  'app',
  'k8s-app',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/version',
  // The node's zone and region, which the PodTopologyLabels admission plugin (Kubernetes 1.33+,
  // beta in 1.35) copies onto each pod it binds: node triage without a node lookup.
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
] as const;

/** Labels that name the service when the app does not, in priority order. */
export const SERVICE_NAME_LABELS = WORKLOAD_LABELS.slice(0, 3);

/** The typed field a label is copied to, e.g. `app.kubernetes.io/name` -> `labels.app_kubernetes_io_name`. */
export function labelField(label: string): string {
  return `labels.${label.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export const labelFields: readonly FieldSpec[] = WORKLOAD_LABELS.map((label) => ({
  path: labelField(label),
  type: 'keyword',
  origin: 'kubernetes',
  description: `Pod label ${label}.`,
}));
