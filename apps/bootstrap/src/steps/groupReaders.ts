import { isNamespaceGlob, orderedGroups } from '@loglift/log-schema';
import type { LogStream } from '../config/logStreams.js';
import type { BootstrapConfig, GroupConfig } from '../config/schema.js';
import { MANAGED_BY } from './context.js';
import { DASHBOARDS_INDICES, READ_LOG_ACTIONS } from './readActions.js';
import { tenantPattern } from './securityApi.js';

/** The namespace field the kubernetes filter writes and document-level security filters on. */
const NAMESPACE_FIELD = 'kubernetes.namespace_name';

export function groupReaderRole(config: BootstrapConfig, group: Pick<GroupConfig, 'name'>): string {
  return `${config.security.readerRole}-${group.name}`;
}

/**
 * The documents of a stream that belong to one group, by the routing rule: its exact names, or a
 * match of its globs that no other group lists by name and no earlier group's glob takes.
 */
export function groupDocumentQuery(group: GroupConfig, all: readonly GroupConfig[]): Record<string, unknown> {
  const exact = group.namespaces.filter((namespace) => !isNamespaceGlob(namespace));
  const globs = group.namespaces.filter(isNamespaceGlob);
  const ordered = orderedGroups(all);
  const others = ordered.filter((other) => other.name !== group.name);
  const otherExact = others.flatMap((other) => other.namespaces.filter((namespace) => !isNamespaceGlob(namespace)));
  const earlierGlobs = ordered
    .slice(
      0,
      ordered.findIndex((other) => other.name === group.name),
    )
    .flatMap((other) => other.namespaces.filter(isNamespaceGlob));
  const should: Record<string, unknown>[] = [];
  if (exact.length > 0) should.push({ terms: { [NAMESPACE_FIELD]: exact } });
  if (globs.length > 0) {
    const mustNot: Record<string, unknown>[] = [];
    if (otherExact.length > 0) mustNot.push({ terms: { [NAMESPACE_FIELD]: otherExact } });
    for (const glob of earlierGlobs) mustNot.push({ wildcard: { [NAMESPACE_FIELD]: { value: glob } } });
    should.push({
      bool: {
        should: globs.map((glob) => ({ wildcard: { [NAMESPACE_FIELD]: { value: glob } } })),
        minimum_should_match: 1,
        ...(mustNot.length > 0 ? { must_not: mustNot } : {}),
      },
    });
  }
  return { bool: { should, minimum_should_match: 1 } };
}

/**
 * Reads one group's stream only: the stream and its backing indices (`.ds-<stream>-000001`;
 * group names start with a letter, so `-0*` never reaches another group's `<stream>-<x>`), with
 * document-level security on the namespace when the stream is shared or it is asked for, and
 * Dashboards read-only in the group's tenant (else the global one).
 */
export function desiredGroupReaderRole(
  config: BootstrapConfig,
  stream: LogStream,
  group: GroupConfig,
): Record<string, unknown> {
  const dls = stream.groups.length > 1 || group.documentLevelSecurity;
  return {
    description: `Reads the loglift logs of group ${group.name} (${stream.dataStream}) (managed by ${MANAGED_BY})`,
    cluster_permissions: ['cluster_composite_ops_ro'],
    index_permissions: [
      {
        index_patterns: [stream.dataStream, `.ds-${stream.dataStream}-0*`],
        ...(dls ? { dls: JSON.stringify(groupDocumentQuery(group, config.routing.groups)) } : {}),
        fls: [],
        masked_fields: [],
        allowed_actions: [...READ_LOG_ACTIONS],
      },
      { index_patterns: DASHBOARDS_INDICES, fls: [], masked_fields: [], allowed_actions: ['read'] },
    ],
    tenant_permissions: [
      { tenant_patterns: [tenantPattern(group.tenant ?? 'global')], allowed_actions: ['kibana_all_read'] },
    ],
  };
}
