import { configuredTenants } from '../config/configuredTenants.js';
import { logStreams } from '../config/logStreams.js';
import { type BootstrapConfig, PRIVILEGED_ROLES } from '../config/schema.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { desiredGroupReaderRole, groupReaderRole } from './groupReaders.js';
import { DASHBOARDS_INDICES, READ_LOG_ACTIONS } from './readActions.js';
import { assertNotProtected, readSecurityEntry, securityPath, tenantPattern } from './securityApi.js';
import { comparePlan, type Step, type StepPlan, skipped } from './step.js';

/** The data stream and its backing indices (`.ds-<name>-000001`). */
function logIndexPatterns(logs: BootstrapConfig['logs']): string[] {
  return [`${logs.dataStream}*`, `.ds-${logs.dataStream}*`];
}

/**
 * Only what Fluent Bit's opensearch output needs to append with `_bulk` and op_type create:
 * no read, no delete, no index creation, no mapping changes, no cluster monitoring.
 */
export function desiredWriterRole(config: BootstrapConfig): Record<string, unknown> {
  return {
    description: `Writes loglift log documents (managed by ${MANAGED_BY})`,
    cluster_permissions: ['indices:data/write/bulk'],
    index_permissions: [
      {
        index_patterns: logIndexPatterns(config.logs),
        fls: [],
        masked_fields: [],
        allowed_actions: ['indices:data/write/bulk*', 'indices:data/write/index'],
      },
    ],
    tenant_permissions: [],
  };
}

/**
 * Read logs of every stream (the group streams share the `<dataStream>` prefix) and use Dashboards
 * read-only in the configured tenants.
 */
export function desiredReaderRole(config: BootstrapConfig): Record<string, unknown> {
  // Without Dashboards nothing is imported anywhere; global keeps the role's old shape.
  const tenants = config.dashboards ? configuredTenants(config) : ['global'];
  return {
    description: `Reads loglift logs and Dashboards objects (managed by ${MANAGED_BY})`,
    cluster_permissions: ['cluster_composite_ops_ro'],
    index_permissions: [
      {
        index_patterns: logIndexPatterns(config.logs),
        fls: [],
        masked_fields: [],
        allowed_actions: [...READ_LOG_ACTIONS],
      },
      { index_patterns: DASHBOARDS_INDICES, fls: [], masked_fields: [], allowed_actions: ['read'] },
    ],
    tenant_permissions: [{ tenant_patterns: tenants.map(tenantPattern), allowed_actions: ['kibana_all_read'] }],
  };
}

function roleStep(ctx: StepContext, name: string, desired: Record<string, unknown>): Step {
  const path = securityPath('roles', name);
  return {
    kind: 'role',
    name,
    async plan(): Promise<StepPlan> {
      const live = await readSecurityEntry(ctx.os, 'roles', name);
      if (ctx.config.security.allowAllAccessMapping && PRIVILEGED_ROLES.includes(name) && live?.reserved) {
        return skipped('role', name, 'reserved role: only its mapping is managed');
      }
      assertNotProtected('roles', name, live);
      return comparePlan('role', name, live, desired, async () => {
        await ctx.os.request('PUT', path, { body: desired });
      });
    },
  };
}

/** Writer, reader (every stream) and one reader per group (its stream only). */
export function roleSteps(ctx: StepContext): Step[] {
  const { security } = ctx.config;
  return [
    roleStep(ctx, security.writerRole, desiredWriterRole(ctx.config)),
    roleStep(ctx, security.readerRole, desiredReaderRole(ctx.config)),
    ...logStreams(ctx.config).flatMap((stream) =>
      stream.groups.map((group) =>
        roleStep(ctx, groupReaderRole(ctx.config, group), desiredGroupReaderRole(ctx.config, stream, group)),
      ),
    ),
  ];
}
