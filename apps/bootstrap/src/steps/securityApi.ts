import { tenantName } from '../dashboards/verifyTenant.js';
import type { OpenSearch } from '../opensearch/openSearch.js';

export const SECURITY_API = '/_plugins/_security/api';

export type SecurityResource = 'roles' | 'rolesmapping' | 'internalusers' | 'tenants';

export interface SecurityEntry {
  reserved?: boolean;
  hidden?: boolean;
  static?: boolean;
  [key: string]: unknown;
}

export function securityPath(resource: SecurityResource, name: string): string {
  return `${SECURITY_API}/${resource}/${encodeURIComponent(name)}`;
}

/** Reads one security entry; undefined when it does not exist. */
export async function readSecurityEntry(
  os: OpenSearch,
  resource: SecurityResource,
  name: string,
): Promise<SecurityEntry | undefined> {
  const response = await os.get<Record<string, SecurityEntry>>(securityPath(resource, name), { allow: [404] });
  return response.status === 200 ? response.body[name] : undefined;
}

/** Reserved, static and hidden entries belong to the cluster's own config and are never rewritten. */
export function assertNotProtected(resource: SecurityResource, name: string, entry: SecurityEntry | undefined): void {
  if (entry && (entry.reserved || entry.static || entry.hidden)) {
    const flags = (['reserved', 'static', 'hidden'] as const).filter((flag) => entry[flag]).join('/');
    throw new Error(`${resource} ${name} is ${flags}; the bootstrap never rewrites it: choose another name`);
  }
}

/** Dashboards tenant name (any spelling `tenantName` knows) to the security plugin's tenant pattern. */
export function tenantPattern(tenant: string): string {
  const name = tenantName(tenant);
  if (name === 'global') return 'global_tenant';
  if (name === 'private') return '__user__';
  return name;
}
