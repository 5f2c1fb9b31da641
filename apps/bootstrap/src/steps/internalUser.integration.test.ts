import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../apply.js';
import { bootstrapConfigSchema } from '../config/schema.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import { adminClient, namesFor, node, uniquePrefix, WRITER_PASSWORD } from '../testing/harness.js';
import { AWS_ANONYMOUS_REFUSED } from '../testing/securityResponses.js';
import { basicLoginState, classifyWriterLogin, type WriterLogin } from './basicLogin.js';
import type { StepContext } from './context.js';
import { internalUserStep } from './internalUser.js';

const names = namesFor(uniquePrefix('writer'));
let os: OpenSearch;

beforeAll(() => {
  os = adminClient();
});

afterAll(async () => {
  await os.request('DELETE', `/_plugins/_security/api/internalusers/${names.writerUser}`, { allow: [404] });
  await os.close();
});

/**
 * The hook's admin signs with SigV4 (an AWS domain) and the writer's basic login goes as `login`
 * says: refused whatever the password, as on a domain that takes no basic auth.
 */
function awsContext(login: WriterLogin = 'refused'): StepContext {
  const config = bootstrapConfigSchema.parse({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url: node().url, auth: 'aws-sigv4', aws: { region: 'eu-west-1' } },
    security: { writer: { internalUser: { name: names.writerUser } } },
  });
  return {
    config,
    os,
    writerBackendRoles: [],
    internalWriter: { name: names.writerUser, password: WRITER_PASSWORD },
    tryWriterLogin: async () => login,
  };
}

describe('the internal writer on a cluster that refuses basic auth', () => {
  it('reads the real security configuration as accepting basic logins of internal users', async () => {
    const response = await os.get('/_plugins/_security/api/securityconfig');
    expect(basicLoginState(response.body)).toBe('accepted');
  });

  it("fails before creating the user when the domain's access policy refuses basic auth", async () => {
    const refusal = classifyWriterLogin(AWS_ANONYMOUS_REFUSED.status, AWS_ANONYMOUS_REFUSED.body);
    const step = internalUserStep(awsContext(refusal));
    if (!step) throw new Error('expected an internal-user step');
    const result = await apply([step]);
    expect(result.failed?.error.message).toMatch(
      new RegExp(
        `^internal user ${names.writerUser} can never log in with basic auth: the domain refused a basic-auth request as anonymous .*set opensearch\\.writer\\.auth to aws-sigv4`,
      ),
    );
    const user = await os.get(`/_plugins/_security/api/internalusers/${names.writerUser}`, { allow: [404] });
    expect(user.status).toBe(404);
  });

  it('fails naming aws-sigv4 instead of reporting success, and fails again instead of converging', async () => {
    const step = internalUserStep(awsContext());
    if (!step) throw new Error('expected an internal-user step');
    for (let run = 0; run < 2; run += 1) {
      const result = await apply([step]);
      expect(result.failed?.error.message).toMatch(
        new RegExp(
          `^internal user ${names.writerUser} can never log in with basic auth: a login with the password set a moment ago was refused\\. .*set opensearch\\.writer\\.auth to aws-sigv4`,
        ),
      );
    }
  });
});
