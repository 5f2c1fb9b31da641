import type { BootstrapConfig } from '../config/schema.js';

interface AuthcDomain {
  http_enabled?: boolean;
  http_authenticator?: { type?: string };
  authentication_backend?: { type?: string };
}

// Names the security plugin resolves to its basic authenticator and internal user database
// (DynamicConfigModelV7 in opensearch-project/security).
const BASIC = ['basic', 'org.opensearch.security.http.HTTPBasicAuthenticator'];
const INTERNAL = ['intern', 'internal', 'org.opensearch.security.auth.internal.InternalAuthenticationBackend'];

/**
 * Whether the security configuration (`GET _plugins/_security/api/securityconfig`, the body of
 * config.yml) lets an internal user log in with HTTP basic auth: some `config.dynamic.authc`
 * domain with `http_enabled` pairs the basic authenticator with the internal backend. Undefined
 * when the configuration is not readable or not of that shape.
 */
export function basicLoginState(securityConfig: unknown): 'accepted' | 'refused' | undefined {
  const authc = (securityConfig as { config?: { dynamic?: { authc?: unknown } } } | undefined)?.config?.dynamic?.authc;
  if (!authc || typeof authc !== 'object') return undefined;
  const domains = Object.values(authc as Record<string, AuthcDomain>);
  const accepts = domains.some(
    (domain) =>
      domain.http_enabled === true &&
      BASIC.includes(domain.http_authenticator?.type ?? '') &&
      INTERNAL.includes(domain.authentication_backend?.type ?? ''),
  );
  return accepts ? 'accepted' : 'refused';
}

/**
 * - `accepted`: logged in.
 * - `basic-refused`: refused before any password was looked at. An Amazon OpenSearch Service
 *   domain whose access policy names IAM principals answers an unsigned request with 403
 *   `{"Message":"User: anonymous is not authorized to perform: es:ESHttp..."}` at its edge, before
 *   fine-grained access control (AWS Knowledge Center, "anonymous-not-authorized-opensearch").
 * - `refused`: a 401/403 from OpenSearch itself, e.g. a wrong password.
 */
export type WriterLogin = 'accepted' | 'basic-refused' | 'refused';

export function classifyWriterLogin(status: number, body: unknown): WriterLogin {
  if (status >= 200 && status < 300) return 'accepted';
  const message = (body as { Message?: unknown } | undefined)?.Message;
  if (status === 403 && typeof message === 'string' && /anonymous is not authorized/i.test(message)) {
    return 'basic-refused';
  }
  return 'refused';
}

/** The internal writer cannot log in at all: what to set instead. */
export function basicLoginRefused(config: BootstrapConfig, user: string, reason: string): Error {
  const fix =
    config.opensearch.auth === 'aws-sigv4'
      ? 'Amazon OpenSearch Service domains with an IAM master user or an access policy that names IAM principals accept only SigV4-signed requests, so Fluent Bit could not log in either: set opensearch.writer.auth to aws-sigv4 (with opensearch.writer.aws.roleArn or podIdentity) so Fluent Bit signs with its IAM role, which the bootstrap maps to the writer role (bootstrap config: drop security.writer.internalUser, set security.writer.serviceAccount or backendRoles)'
      : 'enable an authentication domain with basic authentication against internal users (basic_internal_auth_domain, http_enabled: true) in the security configuration, or give Fluent Bit an identity the cluster accepts: opensearch.writer.auth basic (an existing user) or aws-sigv4';
  return new Error(`internal user ${user} can never log in with basic auth: ${reason}. ${fix}`);
}
