/**
 * Test helper: how the security-dashboards-plugin picks the tenant of a request
 * (server/multitenancy/tenant_resolver.ts). A requested tenant the identity cannot use, a
 * disabled global or private tenant, or multitenancy off never fails the request: it silently
 * resolves to another tenant (global first, then private, then the first available one).
 */
export interface StubTenancy {
  /** The identity's user name (its private tenant carries this name in authinfo). */
  readonly username?: string;
  /** `opensearch_security.multitenancy.enabled` in opensearch_dashboards.yml; false: no /api/v1/multitenancy routes. */
  readonly multitenancy?: boolean;
  readonly globalTenant?: boolean;
  readonly privateTenant?: boolean;
  /** Custom tenants the identity may use; undefined: every tenant (all_access has `*`). */
  readonly available?: readonly string[];
  /** Tenants (stored names: global, private or custom) it may only read (`kibana_all_read`): writes answer 403. */
  readonly readOnly?: readonly string[];
}

/** Header value a request resolves to: '' is global, '__user__' private, else the custom name. */
export function resolveStubTenant(tenancy: StubTenancy, requested: string | undefined): string {
  const globalOn = tenancy.globalTenant ?? true;
  const privateOn = tenancy.privateTenant ?? true;
  if (tenancy.multitenancy === false) return '';
  if (requested !== undefined) {
    if (requested !== '' && isAvailable(tenancy, requested)) return requested;
    if (privateOn && ['__user__', 'private', 'Private'].includes(requested)) return '__user__';
    if (globalOn && ['', 'global', 'Global'].includes(requested)) return '';
  }
  if (globalOn) return '';
  if (privateOn) return '__user__';
  return tenancy.available?.[0] ?? '';
}

function isAvailable(tenancy: StubTenancy, tenant: string): boolean {
  if (['__user__', 'private', 'Private', 'global', 'Global', 'global_tenant'].includes(tenant)) return false;
  return tenancy.available === undefined || tenancy.available.includes(tenant);
}

/** Where the stub stores a resolved tenant's objects. */
export function tenantKey(resolved: string): string {
  if (resolved === '') return 'global';
  if (resolved === '__user__') return 'private';
  return resolved;
}

/** The `tenants` map of `_plugins/_security/authinfo`: name -> writable. */
function authinfoTenants(tenancy: StubTenancy): Record<string, boolean> {
  const username = tenancy.username ?? 'admin';
  const writable = (tenant: string) => !(tenancy.readOnly ?? []).includes(tenant);
  const out: Record<string, boolean> = {};
  if (tenancy.globalTenant ?? true) out.global_tenant = writable('global');
  if (tenancy.privateTenant ?? true) out[username] = writable('private');
  for (const tenant of tenancy.available ?? []) out[tenant] = writable(tenant);
  return out;
}

/**
 * The security plugin's answer on `/api/v1/auth/authinfo` and `/api/v1/multitenancy/info` for a
 * request stored under `tenant`; undefined is a 404 (the multitenancy routes exist only with
 * multitenancy on in opensearch_dashboards.yml).
 */
export function securityRoute(
  tenancy: StubTenancy,
  path: string,
  tenant: string,
  rawHeader: string | string[] | undefined,
): Record<string, unknown> | undefined {
  const username = tenancy.username ?? 'admin';
  if (path === '/api/v1/auth/authinfo') {
    // With multitenancy off nothing resolves the header: OpenSearch echoes what was sent while
    // the objects still go to the one global index.
    const resolved =
      tenancy.multitenancy === false && typeof rawHeader === 'string'
        ? rawHeader
        : ({ global: '', private: '__user__' }[tenant] ?? tenant);
    const tenants = authinfoTenants(tenancy);
    return { user_name: username, user_requested_tenant: resolved, tenants, roles: ['all_access'], backend_roles: [] };
  }
  if (path === '/api/v1/multitenancy/info' && tenancy.multitenancy !== false) {
    return {
      user_name: username,
      opensearch_dashboards_mt_enabled: true,
      multitenancy_enabled: true,
      private_tenant_enabled: tenancy.privateTenant ?? true,
      default_tenant: '',
    };
  }
  return undefined;
}
