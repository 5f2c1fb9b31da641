import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/loadConfig.js';
import { AWS_ANONYMOUS_REFUSED, DEMO_SECURITY_CONFIG, WRONG_PASSWORD } from '../testing/securityResponses.js';
import { basicLoginRefused, basicLoginState, classifyWriterLogin } from './basicLogin.js';

function withBasicDomain(httpEnabled: boolean) {
  const authc = DEMO_SECURITY_CONFIG.config.dynamic.authc;
  return {
    config: {
      dynamic: {
        authc: {
          ...authc,
          basic_internal_auth_domain: { ...authc.basic_internal_auth_domain, http_enabled: httpEnabled },
        },
      },
    },
  };
}

describe('whether internal users can log in with basic auth', () => {
  it('accepts the demo security configuration (recorded from the 2.19.4 test node)', () => {
    expect(basicLoginState(DEMO_SECURITY_CONFIG)).toBe('accepted');
  });

  it('refuses when no HTTP-enabled domain pairs basic with the internal users', () => {
    expect(basicLoginState(withBasicDomain(false))).toBe('refused');
  });

  it('does not guess when the configuration cannot be read', () => {
    expect(basicLoginState(undefined)).toBeUndefined();
    expect(basicLoginState({ status: 'FORBIDDEN' })).toBeUndefined();
  });

  it("tells an AWS domain's edge refusal from a wrong password", () => {
    expect(classifyWriterLogin(AWS_ANONYMOUS_REFUSED.status, AWS_ANONYMOUS_REFUSED.body)).toBe('basic-refused');
    expect(classifyWriterLogin(WRONG_PASSWORD.status, WRONG_PASSWORD.body)).toBe('refused');
    expect(classifyWriterLogin(200, { user_name: 'loglift-writer' })).toBe('accepted');
  });

  it('tells an AWS domain to let Fluent Bit sign with SigV4', () => {
    const aws = parseConfig({
      apiVersion: 'loglift.io/v1',
      kind: 'BootstrapConfig',
      opensearch: {
        url: 'https://search-logs.eu-west-1.es.amazonaws.com',
        auth: 'aws-sigv4',
        aws: { region: 'eu-west-1' },
      },
    });
    expect(basicLoginRefused(aws, 'loglift-writer', 'refused').message).toMatch(
      /^internal user loglift-writer can never log in with basic auth: refused\. Amazon OpenSearch Service domains .* set opensearch\.writer\.auth to aws-sigv4/,
    );
  });
});
