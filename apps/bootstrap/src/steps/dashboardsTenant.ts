import type { DashboardsClient } from '../dashboards/dashboardsClient.js';
import { tenantName, verifyTenant } from '../dashboards/verifyTenant.js';
import type { StepContext } from './context.js';
import { readSecurityEntry } from './securityApi.js';
import { type Step, type StepPlan, skipped } from './step.js';

/**
 * Runs before a tenant's objects: fails when Dashboards would put them into another tenant
 * (verifyTenant.ts), so nothing lands where nobody looks while the summary says success.
 */
export interface TenantGate {
  /** True while the tenant does not exist yet: reads for it would answer from another tenant. */
  pending: boolean;
}

export function dashboardsTenantStep(
  ctx: StepContext,
  client: DashboardsClient,
  tenant: string,
  gate: TenantGate = { pending: false },
  listedIn?: string,
): Step {
  const kind = 'dashboards-tenant';
  return {
    kind,
    name: tenant,
    async plan(): Promise<StepPlan> {
      const custom = tenantName(tenant) !== 'global';
      // A tenant this run creates (tenants.ts) does not exist yet during `plan`.
      gate.pending = custom && ctx.config.security.enabled && !(await readSecurityEntry(ctx.os, 'tenants', tenant));
      if (gate.pending) {
        return skipped(kind, tenant, 'tenant is created by apply; where Dashboards puts its objects is checked then');
      }
      await verifyTenant(client, tenant, listedIn);
      return { kind, name: tenant, action: 'unchanged', changes: [] };
    },
  };
}

/** A tenant's step that plans `create` without reading while its tenant does not exist yet. */
export function afterTenant(gate: TenantGate, step: Step): Step {
  return {
    kind: step.kind,
    name: step.name,
    plan: async () =>
      gate.pending
        ? { kind: step.kind, name: step.name, action: 'create', changes: [], note: 'in a tenant apply creates first' }
        : step.plan(),
  };
}
