import type { NamespaceRouting } from '../routing/namespaceRouting.js';

/**
 * One routing map and where each namespace must go under it. The log-schema tests check
 * `routeNamespace` with these cases and the chart tests check the rendered Fluent Bit rules
 * with the same ones, so both paths follow one rule. The map in chart values form is
 * `routingCaseValues`.
 */
export const ROUTING_CASE_MAP: NamespaceRouting = {
  dataStream: 'logs-loglift',
  groups: [
    { name: 'payments', namespaces: ['payments', 'billing-*'] },
    { name: 'billing-eu', namespaces: ['billing-eu'] },
    { name: 'search', namespaces: ['search-?', 'shared-*'], stream: 'shared' },
    { name: 'analytics', namespaces: ['shared-analytics', 'analytics*'], stream: 'shared' },
    { name: 'zeta', namespaces: ['shared-*x'] },
  ],
};

export const ROUTING_CASES: readonly { namespace: string; group: string | undefined; dataStream: string }[] = [
  { namespace: 'payments', group: 'payments', dataStream: 'logs-loglift-payments' },
  { namespace: 'billing-us', group: 'payments', dataStream: 'logs-loglift-payments' },
  // an exact name wins over another group's glob
  { namespace: 'billing-eu', group: 'billing-eu', dataStream: 'logs-loglift-billing-eu' },
  { namespace: 'search-1', group: 'search', dataStream: 'logs-loglift-shared' },
  { namespace: 'search-12', group: undefined, dataStream: 'logs-loglift' },
  { namespace: 'shared-analytics', group: 'analytics', dataStream: 'logs-loglift-shared' },
  { namespace: 'analytics', group: 'analytics', dataStream: 'logs-loglift-shared' },
  // globs of two groups overlap: the group first by name wins (search before zeta)
  { namespace: 'shared-box', group: 'search', dataStream: 'logs-loglift-shared' },
  { namespace: 'kube-system', group: undefined, dataStream: 'logs-loglift' },
  { namespace: 'paymentsx', group: undefined, dataStream: 'logs-loglift' },
  { namespace: 'xpayments', group: undefined, dataStream: 'logs-loglift' },
];

/** The same map as chart values (`routing.groups`). */
export function routingCaseValues(): Record<string, { namespaces: string[]; stream?: string }> {
  return Object.fromEntries(
    ROUTING_CASE_MAP.groups.map((group) => [
      group.name,
      { namespaces: [...group.namespaces], ...(group.stream ? { stream: group.stream } : {}) },
    ]),
  );
}
