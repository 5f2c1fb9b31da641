import { configuredTenants } from '../config/configuredTenants.js';
import { tenantName } from '../dashboards/verifyTenant.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { readSecurityEntry, securityPath } from './securityApi.js';
import { comparePlan, type Step, type StepPlan } from './step.js';

// global and private always exist; only custom tenants are created.
/** Custom Dashboards tenants: those the index patterns go to and those of the groups. */
export function tenantSteps(ctx: StepContext): Step[] {
  const tenants = configuredTenants(ctx.config);
  const custom = tenants.filter((tenant) => tenantName(tenant) !== 'global' && tenantName(tenant) !== 'private');
  return custom.map((tenant) => ({
    kind: 'tenant',
    name: tenant,
    async plan(): Promise<StepPlan> {
      const live = await readSecurityEntry(ctx.os, 'tenants', tenant);
      if (live?.reserved || live?.static) return { kind: 'tenant', name: tenant, action: 'unchanged', changes: [] };
      const desired = { description: `loglift logs (managed by ${MANAGED_BY})` };
      // An existing tenant is someone's: only its existence matters here, not its description.
      return comparePlan('tenant', tenant, live ? desired : undefined, desired, async () => {
        await ctx.os.request('PUT', securityPath('tenants', tenant), { body: desired });
      });
    },
  }));
}
