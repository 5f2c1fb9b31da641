/**
 * Responses of the security plugin's `GET /_plugins/_security/api/permissionsinfo` and
 * `GET /_plugins/_security/authinfo`, recorded from the OpenSearch 2.19.4 test node
 * (opensearch-security 2.19.4.0). The body is built by PermissionsInfoAction.java from
 * RestApiPrivilegesEvaluator.getDisabledEndpointsForCurrentUser (dlic/rest/api in
 * opensearch-project/security).
 */

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'CONNECT'];

/** The demo `admin` user: mapped to all_access, which plugins.security.restapi.roles_enabled lists. */
export const ADMIN_PERMISSIONS = {
  user: 'User [name=admin, backend_roles=[admin], requestedTenant=null]',
  user_name: 'admin',
  has_api_access: true,
  disabled_endpoints: {},
};

export const ADMIN_AUTHINFO = {
  user_name: 'admin',
  backend_roles: ['admin'],
  roles: ['own_index', 'all_access'],
};

/**
 * A user whose roles (own_index, and a custom role with cluster_composite_ops_ro) are not in
 * plugins.security.restapi.roles_enabled: has_api_access false and every endpoint disabled.
 */
export const NO_API_ACCESS_PERMISSIONS = {
  user: 'User [name=opsbot, backend_roles=[], requestedTenant=null]',
  user_name: 'opsbot',
  has_api_access: false,
  disabled_endpoints: Object.fromEntries(
    [
      'AUTHTOKEN',
      'CONFIG',
      'INTERNALUSERS',
      'WHITELIST',
      'ACTIONGROUPS',
      'ROLESMAPPING',
      'NODESDN',
      'TENANTS',
      'PERMISSIONSINFO',
      'SYSTEMINFO',
      'ACCOUNT',
      'VALIDATE',
      'ALLOWLIST',
      'SSL',
      'CACHE',
      'ROLES',
      'MIGRATE',
      'AUDIT',
    ].map((endpoint) => [endpoint, ALL_METHODS]),
  ),
};

export const NO_API_ACCESS_AUTHINFO = { user_name: 'opsbot', backend_roles: [], roles: ['own_index', 'rec-ops'] };

/**
 * A user with API access whose role disables PUT and PATCH on ROLESMAPPING through
 * `plugins.security.restapi.endpoints_disabled.<role>.ROLESMAPPING: ["PUT", "PATCH"]`: the same
 * shape (endpoint name -> method names) with only the endpoints that role disables.
 */
export const MAPPINGS_READ_ONLY_PERMISSIONS = {
  user: 'User [name=secops, backend_roles=[], requestedTenant=null]',
  user_name: 'secops',
  has_api_access: true,
  disabled_endpoints: { ROLESMAPPING: ['PUT', 'PATCH'], INTERNALUSERS: ALL_METHODS },
};

/**
 * `GET /_plugins/_security/api/securityconfig` on the 2.19.4 test node (the security plugin's demo
 * config/config.yml, served by SecurityConfigApiAction.java), cut to the authentication domains.
 */
export const DEMO_SECURITY_CONFIG = {
  config: {
    dynamic: {
      authc: {
        jwt_auth_domain: {
          http_enabled: false,
          order: 0,
          http_authenticator: { type: 'jwt', challenge: false },
          authentication_backend: { type: 'noop' },
        },
        ldap: {
          http_enabled: false,
          order: 5,
          http_authenticator: { type: 'basic', challenge: false },
          authentication_backend: { type: 'ldap' },
        },
        basic_internal_auth_domain: {
          http_enabled: true,
          order: 4,
          http_authenticator: { type: 'basic', challenge: true },
          authentication_backend: { type: 'intern' },
        },
        proxy_auth_domain: {
          http_enabled: false,
          order: 3,
          http_authenticator: { type: 'proxy', challenge: false },
          authentication_backend: { type: 'noop' },
        },
        clientcert_auth_domain: {
          http_enabled: false,
          order: 2,
          http_authenticator: { type: 'clientcert', challenge: false },
          authentication_backend: { type: 'noop' },
        },
        kerberos_auth_domain: {
          http_enabled: false,
          order: 6,
          http_authenticator: { type: 'kerberos', challenge: true },
          authentication_backend: { type: 'noop' },
        },
      },
    },
  },
};

/**
 * What an Amazon OpenSearch Service domain whose access policy names IAM principals answers to an
 * unsigned (for example basic-auth) request, at its edge and before fine-grained access control:
 * status 403 and this body (AWS Knowledge Center, "Why do I get a 'User: anonymous is not
 * authorized' error in OpenSearch Service?", anonymous-not-authorized-opensearch).
 */
export const AWS_ANONYMOUS_REFUSED = {
  status: 403,
  body: {
    Message:
      'User: anonymous is not authorized to perform: es:ESHttpGet because no resource-based policy allows the es:ESHttpGet action',
  },
};

/** The security plugin's own answer to a wrong password (the 2.19.4 test node). */
export const WRONG_PASSWORD = { status: 401, body: 'Unauthorized' };
