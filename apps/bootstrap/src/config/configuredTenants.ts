import type { BootstrapConfig } from './schema.js';

/**
 * Every Dashboards tenant the desired state names: the shared ones (`dashboards.tenants`) and the
 * groups' own (`routing.groups[].tenant`), once each. A hand-written config may name a group's
 * tenant only under its group; the tenant step, the reader role and the preflight see it anyway.
 */
export function configuredTenants(config: Pick<BootstrapConfig, 'dashboards' | 'routing'>): string[] {
  const groups = config.routing.groups.flatMap((group) => (group.tenant ? [group.tenant] : []));
  return [...new Set([...(config.dashboards?.tenants ?? []), ...groups])];
}
