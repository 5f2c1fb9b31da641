import type { KubeClient } from '../kubeClient.js';
import { installCrd } from './installCrd.js';

/** Prometheus durations as the operator's CRD accepts them (`1h30m`, `5m`, `0`). */
const DURATION = '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$';
const duration = { type: 'string', pattern: DURATION };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

/**
 * One alerting or recording rule. `expr` is int-or-string in the operator's schema (a bare
 * number is a valid PromQL expression); every other field has one type.
 */
const rule = {
  type: 'object',
  required: ['expr'],
  properties: {
    alert: { type: 'string' },
    record: { type: 'string' },
    expr: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
    for: duration,
    keep_firing_for: { ...duration, minLength: 1 },
    labels: stringMap,
    annotations: stringMap,
  },
};

const group = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    interval: duration,
    query_offset: duration,
    limit: { type: 'integer' },
    labels: stringMap,
    partial_response_strategy: { type: 'string', pattern: '^(?i)(abort|warn)?$' },
    rules: { type: 'array', items: rule },
  },
};

/**
 * The structural schema of the Prometheus Operator's PrometheusRule CRD, v1, as the operator
 * ships it at v0.82.2 (example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml),
 * without its descriptions. The API server then rejects what a real cluster rejects: a
 * number where a string belongs, a malformed `for`, a group without a name, two groups of one
 * name (the groups are a list map keyed by name); unknown fields are pruned, as there.
 */
export const PROMETHEUS_RULE_SCHEMA = {
  type: 'object',
  required: ['spec'],
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        groups: {
          type: 'array',
          items: group,
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
        },
      },
    },
  },
};

/** Registers the PrometheusRule kind (monitoring.coreos.com/v1) with the operator's schema. */
export async function installPrometheusRuleCrd(client: KubeClient): Promise<void> {
  await installCrd(client, {
    name: 'prometheusrules.monitoring.coreos.com',
    spec: {
      group: 'monitoring.coreos.com',
      scope: 'Namespaced',
      names: {
        categories: ['prometheus-operator'],
        kind: 'PrometheusRule',
        listKind: 'PrometheusRuleList',
        plural: 'prometheusrules',
        shortNames: ['promrule'],
        singular: 'prometheusrule',
      },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: PROMETHEUS_RULE_SCHEMA } }],
    },
  });
}
