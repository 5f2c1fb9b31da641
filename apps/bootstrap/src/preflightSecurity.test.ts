import { describe, expect, it } from 'vitest';
import { parseConfig } from './config/loadConfig.js';
import { neededEndpoints, securityApiProblem } from './preflightSecurity.js';
import {
  ADMIN_AUTHINFO,
  ADMIN_PERMISSIONS,
  MAPPINGS_READ_ONLY_PERMISSIONS,
  NO_API_ACCESS_AUTHINFO,
  NO_API_ACCESS_PERMISSIONS,
} from './testing/securityResponses.js';

function config(security: Record<string, unknown> = {}, dashboards?: Record<string, unknown>) {
  return parseConfig({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url: 'https://opensearch.logging.svc:9200' },
    security,
    ...(dashboards ? { dashboards } : {}),
  });
}

const identity = 'user opsbot (basic auth)';

describe('the security API check (recorded permissionsinfo answers of opensearch-security 2.19.4.0)', () => {
  it('passes for a user whose role is listed in roles_enabled', () => {
    expect(securityApiProblem(config(), 'user admin (basic auth)', false, ADMIN_AUTHINFO, ADMIN_PERMISSIONS)).toBe(
      undefined,
    );
  });

  it('on self-hosted clusters names roles_enabled and never suggests security_manager', () => {
    const problem = securityApiProblem(config(), identity, false, NO_API_ACCESS_AUTHINFO, NO_API_ACCESS_PERMISSIONS);
    expect(problem).toBe(
      'user opsbot (basic auth) (user opsbot, roles own_index, rec-ops) may not use the security REST API: has_api_access is false, so none of its roles is listed in plugins.security.restapi.roles_enabled; map it to a role listed in plugins.security.restapi.roles_enabled in opensearch.yml (the demo configuration lists all_access and security_rest_api_access), or set security.enabled to false to skip roles, mappings and users',
    );
    expect(problem).not.toMatch(/security_manager/);
  });

  it('on Amazon OpenSearch Service suggests all_access or security_manager', () => {
    expect(securityApiProblem(config(), identity, true, NO_API_ACCESS_AUTHINFO, NO_API_ACCESS_PERMISSIONS)).toMatch(
      /map it to all_access or security_manager/,
    );
  });

  it('fails when an endpoint method it needs is disabled for the identity', () => {
    expect(
      securityApiProblem(
        config(),
        'user secops (basic auth)',
        false,
        { user_name: 'secops', roles: ['secops'] },
        MAPPINGS_READ_ONLY_PERMISSIONS,
      ),
    ).toBe(
      'user secops (basic auth) (user secops, roles secops) may use the security REST API, but these endpoints the bootstrap needs are disabled for it: ROLESMAPPING PUT, PATCH; enable them for one of its roles in plugins.security.restapi.endpoints_disabled in opensearch.yml (an endpoint stays disabled only when every role of the user disables it), or set security.enabled to false to skip roles, mappings and users',
    );
  });

  it('ignores disabled endpoints the config does not use, and checks those it does', () => {
    const readOnlyUsers = {
      ...MAPPINGS_READ_ONLY_PERMISSIONS,
      disabled_endpoints: { INTERNALUSERS: ['PUT'], AUDIT: ['PUT'] },
    };
    const auth = { user_name: 'secops', roles: ['secops'] };
    expect(securityApiProblem(config(), identity, false, auth, readOnlyUsers)).toBe(undefined);
    const withUser = config({ writer: { internalUser: { name: 'loglift-writer' } } });
    expect(securityApiProblem(withUser, identity, false, auth, readOnlyUsers)).toMatch(
      /disabled for it: INTERNALUSERS PUT;/,
    );
  });

  it('needs TENANTS only for custom tenants', () => {
    expect(neededEndpoints(config({}, { url: 'https://dash', tenants: ['global'] }))).not.toHaveProperty('TENANTS');
    expect(neededEndpoints(config({}, { url: 'https://dash', tenants: ['team-a'] }))).toHaveProperty('TENANTS', [
      'GET',
      'PUT',
    ]);
  });

  it('needs TENANTS for a tenant named only by a routing group', () => {
    const grouped = parseConfig({
      apiVersion: 'loglift.io/v1',
      kind: 'BootstrapConfig',
      opensearch: { url: 'https://opensearch.logging.svc:9200' },
      dashboards: { url: 'https://dash', tenants: ['global'] },
      routing: { groups: [{ name: 'payments', namespaces: ['payments'], tenant: 'payments' }] },
    });
    expect(neededEndpoints(grouped)).toHaveProperty('TENANTS', ['GET', 'PUT']);
  });
});
