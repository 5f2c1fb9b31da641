import type { AuthInfo, DashboardsClient, MultitenancyInfo } from './dashboardsClient.js';

/**
 * Dashboards never refuses a tenant: when the requested one is not available to the identity, is
 * disabled, or multitenancy is off, the security plugin resolves the request to another tenant
 * (security-dashboards-plugin, server/multitenancy/tenant_resolver.ts) and the objects land
 * there. So before writing, ask where a request for the tenant really goes.
 */
export class TenantMismatchError extends Error {
  override readonly name = 'TenantMismatchError';
}

/** `global`, `private` or the custom tenant a header value or authinfo answer stands for. */
export function tenantName(value: string | null | undefined): string {
  if (value === undefined || value === null || value === '' || value === 'global' || value === 'global_tenant')
    return 'global';
  if (value === '__user__' || value === 'private') return 'private';
  return value;
}

function available(auth: AuthInfo): string {
  const names = Object.keys(auth.tenants ?? {})
    .filter((name) => name !== auth.user_name)
    .map(tenantName);
  return names.length > 0 ? names.join(', ') : 'none';
}

/** Reads only. Returns where requests for `tenant` go; throws when that is not `tenant` itself. */
export async function verifyTenant(client: DashboardsClient, tenant: string): Promise<string> {
  const wanted = tenantName(tenant);
  const auth = await client.authinfo(tenant);
  if (!auth) {
    if (wanted === 'global') return 'global';
    throw new TenantMismatchError(
      `Dashboards has no security plugin, so it has no tenants: objects for tenant "${tenant}" would go to the one shared index. Set dashboards.tenants to [global].`,
    );
  }
  const info: MultitenancyInfo | undefined = await client.multitenancyInfo();
  if (!info || info.multitenancy_enabled === false) {
    if (wanted === 'global') return 'global';
    throw new TenantMismatchError(
      `multitenancy is off in Dashboards (${info ? 'the security configuration' : 'opensearch_security.multitenancy.enabled in opensearch_dashboards.yml'}): objects for tenant "${tenant}" would land in the global tenant. Turn multitenancy on or set dashboards.tenants to [global].`,
    );
  }
  const resolved = tenantName(auth.user_requested_tenant);
  if (resolved !== wanted) {
    throw new TenantMismatchError(
      `Dashboards resolved tenant "${tenant}" to "${resolved}" for ${auth.user_name ?? 'the hook identity'}: "${tenant}" is not available to it or is disabled (tenants it may use: ${available(auth)}). Objects would land in "${resolved}"; grant the identity the tenant (tenant_permissions) or remove it from dashboards.tenants.`,
    );
  }
  return resolved;
}
