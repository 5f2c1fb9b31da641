import { configuredTenants } from './config/configuredTenants.js';
import type { BootstrapConfig } from './config/schema.js';
import type { OpenSearch } from './opensearch/openSearch.js';
import { OpenSearchError } from './opensearch/openSearchError.js';
import { authError, PreflightError } from './preflightError.js';
import { tenantPattern } from './steps/securityApi.js';

/**
 * `GET _plugins/_security/api/permissionsinfo` (PermissionsInfoAction in opensearch-project/security):
 * `has_api_access` is true when one of the caller's mapped roles is listed in
 * `plugins.security.restapi.roles_enabled`; `disabled_endpoints` maps an endpoint (ROLES,
 * ROLESMAPPING, INTERNALUSERS, TENANTS, ...) to the HTTP methods disabled for the caller by
 * `plugins.security.restapi.endpoints_disabled` (an endpoint is disabled only when every role of
 * the caller disables it), and to every method when the caller has no API access.
 */
export interface PermissionsInfo {
  readonly user_name?: string;
  readonly has_api_access?: boolean;
  readonly disabled_endpoints?: Record<string, readonly string[]>;
}

export interface AuthInfo {
  readonly user_name?: string;
  readonly roles?: readonly string[];
  readonly backend_roles?: readonly string[];
}

/** The security REST API endpoints and methods the bootstrap calls with this config. */
export function neededEndpoints(config: BootstrapConfig): Record<string, readonly string[]> {
  const needed: Record<string, readonly string[]> = {
    ROLES: ['GET', 'PUT'],
    // PUT creates a missing mapping, PATCH changes an existing one entry by entry.
    ROLESMAPPING: ['GET', 'PUT', 'PATCH'],
  };
  if (config.security.writer.internalUser) needed.INTERNALUSERS = ['GET', 'PUT'];
  const tenants = configuredTenants(config);
  if (tenants.some((tenant) => !['global_tenant', '__user__'].includes(tenantPattern(tenant)))) {
    needed.TENANTS = ['GET', 'PUT'];
  }
  return needed;
}

function who(identity: string, auth: AuthInfo): string {
  const roles = (auth.roles ?? []).join(', ') || 'none';
  return `${identity} (user ${auth.user_name ?? '?'}, roles ${roles})`;
}

/**
 * Why this identity cannot do what the bootstrap needs through the security REST API, or
 * undefined when it can. `security_manager` exists only on Amazon OpenSearch Service, so it is
 * suggested only there.
 */
export function securityApiProblem(
  config: BootstrapConfig,
  identity: string,
  awsManaged: boolean,
  auth: AuthInfo,
  permissions: PermissionsInfo,
): string | undefined {
  const fallback = 'or set security.enabled to false to skip roles, mappings and users';
  if (permissions.has_api_access !== true) {
    const fix = awsManaged
      ? 'map it to all_access or security_manager (the roles Amazon OpenSearch Service lets use the security API)'
      : 'map it to a role listed in plugins.security.restapi.roles_enabled in opensearch.yml (the demo configuration lists all_access and security_rest_api_access)';
    return `${who(identity, auth)} may not use the security REST API: has_api_access is false, so none of its roles is listed in plugins.security.restapi.roles_enabled; ${fix}, ${fallback}`;
  }
  const disabled = permissions.disabled_endpoints ?? {};
  const blocked = Object.entries(neededEndpoints(config)).flatMap(([endpoint, methods]) => {
    const off = methods.filter((method) => (disabled[endpoint] ?? []).includes(method));
    return off.length > 0 ? [`${endpoint} ${off.join(', ')}`] : [];
  });
  if (blocked.length === 0) return undefined;
  const fix = awsManaged
    ? 'use an identity for which they are enabled (the master user, or a user mapped to all_access or security_manager)'
    : 'enable them for one of its roles in plugins.security.restapi.endpoints_disabled in opensearch.yml (an endpoint stays disabled only when every role of the user disables it)';
  return `${who(identity, auth)} may use the security REST API, but these endpoints the bootstrap needs are disabled for it: ${blocked.join('; ')}; ${fix}, ${fallback}`;
}

/** Reads authinfo and permissionsinfo (both reads) and fails when the security steps could not work. */
export async function checkSecurityAccess(
  os: OpenSearch,
  config: BootstrapConfig,
  identity: string,
  awsManaged: boolean,
): Promise<{ user?: string; roles?: string[] }> {
  try {
    const auth = (await os.get<AuthInfo>('/_plugins/_security/authinfo')).body;
    const permissions = (await os.get<PermissionsInfo>('/_plugins/_security/api/permissionsinfo')).body;
    const problem = securityApiProblem(config, identity, awsManaged, auth, permissions);
    if (problem) throw new PreflightError('permission', problem);
    return { ...(auth.user_name ? { user: auth.user_name } : {}), roles: [...(auth.roles ?? [])] };
  } catch (error) {
    if (error instanceof OpenSearchError && error.isAuth) throw authError(identity, error);
    throw error;
  }
}
