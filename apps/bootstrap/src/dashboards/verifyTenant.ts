import type { DashboardsClient } from './dashboardsClient.js';

/** The security plugin's view of a request (`_plugins/_security/authinfo` through Dashboards). */
interface AuthInfo {
  user_name?: string;
  /** The tenant the request resolved to: '' global, `__user__` private, else a custom tenant. */
  user_requested_tenant?: string | null;
  /** Tenants the identity may use: name -> writable; its private tenant is under its user name. */
  tenants?: Record<string, boolean>;
}

interface MultitenancyInfo {
  multitenancy_enabled?: boolean;
  private_tenant_enabled?: boolean;
}

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
  if (value === undefined || value === null || ['', 'global', 'Global', 'global_tenant'].includes(value))
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

/**
 * Reads only. Returns where requests for `tenant` go; throws when that is not `tenant` itself.
 * `listedIn` names the setting that asked for the tenant, for the error's remedy.
 */
export async function verifyTenant(
  client: DashboardsClient,
  tenant: string,
  listedIn = 'dashboards.tenants',
): Promise<string> {
  const wanted = tenantName(tenant);
  const onlyGlobal =
    listedIn === 'dashboards.tenants' ? 'set dashboards.tenants to [global]' : `leave the tenant out of ${listedIn}`;
  const authResponse = await client.request<AuthInfo>('GET', '/api/v1/auth/authinfo', { tenant, allow: [404] });
  const auth = authResponse.status === 404 ? undefined : authResponse.body;
  if (!auth) {
    if (wanted === 'global') return 'global';
    throw new TenantMismatchError(
      `Dashboards has no security plugin, so it has no tenants: objects for tenant "${tenant}" would go to the one shared index. ${onlyGlobal[0]?.toUpperCase()}${onlyGlobal.slice(1)}.`,
    );
  }
  // 404: the route exists only with multitenancy on in opensearch_dashboards.yml.
  const infoResponse = await client.request<MultitenancyInfo>('GET', '/api/v1/multitenancy/info', { allow: [404] });
  const info = infoResponse.status === 404 ? undefined : infoResponse.body;
  if (!info || info.multitenancy_enabled === false) {
    if (wanted === 'global') return 'global';
    throw new TenantMismatchError(
      `multitenancy is off in Dashboards (${info ? 'the security configuration' : 'opensearch_security.multitenancy.enabled in opensearch_dashboards.yml'}): objects for tenant "${tenant}" would land in the global tenant. Turn multitenancy on or ${onlyGlobal}.`,
    );
  }
  const resolved = tenantName(auth.user_requested_tenant);
  if (resolved !== wanted) {
    throw new TenantMismatchError(
      `Dashboards resolved tenant "${tenant}" to "${resolved}" for ${auth.user_name ?? 'the hook identity'}: "${tenant}" is not available to it or is disabled (tenants it may use: ${available(auth)}). Objects would land in "${resolved}"; grant the identity the tenant (tenant_permissions) or remove it from ${listedIn}.`,
    );
  }
  // The map says, per tenant, whether the identity may write it (`kibana_all_write`).
  const key = { global: 'global_tenant', private: auth.user_name ?? '' }[resolved] ?? resolved;
  if (auth.tenants?.[key] === false) {
    throw new TenantMismatchError(
      `${auth.user_name ?? 'the hook identity'} may only read tenant "${tenant}" (kibana_all_read): grant it kibana_all_write there (tenant_permissions) or remove the tenant from ${listedIn}.`,
    );
  }
  return resolved;
}
