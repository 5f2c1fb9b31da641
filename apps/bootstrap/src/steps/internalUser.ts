import type { OpenSearch } from '../opensearch/openSearch.js';
import { basicLoginRefused, basicLoginState, type WriterLogin } from './basicLogin.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { assertNotProtected, readSecurityEntry, securityPath } from './securityApi.js';
import { comparePlan, type Step, type StepPlan } from './step.js';

/** The security configuration (config.yml), when this identity may read it. */
async function readSecurityConfig(os: OpenSearch): Promise<unknown> {
  const response = await os.get('/_plugins/_security/api/securityconfig', { allow: [403, 404] });
  return response.status === 200 ? response.body : undefined;
}

/**
 * The internal writer user (when the chart generated its password). The password hash is not
 * readable, so whether it is current is checked by logging in as the user (a read). A cluster
 * that takes no HTTP basic authentication for internal users (an Amazon OpenSearch Service
 * domain with an IAM master user or an IAM-principal access policy, or a security config without
 * a basic/internal domain) could never let that user in: the step fails with what to set instead
 * of rewriting the user on every run.
 */
export function internalUserStep(ctx: StepContext): Step | undefined {
  const writer = ctx.internalWriter;
  if (!writer) return undefined;
  const path = securityPath('internalusers', writer.name);
  const desired = {
    description: `Fluent Bit log writer (managed by ${MANAGED_BY})`,
    attributes: { managed_by: MANAGED_BY },
  };
  const login = async (): Promise<WriterLogin> => (ctx.tryWriterLogin ? ctx.tryWriterLogin(writer) : 'accepted');
  const write = async () => {
    await ctx.os.request('PUT', path, { body: { ...desired, password: writer.password } });
    // Refused right after the password was set: the cluster does not take basic auth at all.
    if ((await login()) !== 'accepted') {
      throw basicLoginRefused(ctx.config, writer.name, 'a login with the password set a moment ago was refused');
    }
  };
  return {
    kind: 'internal-user',
    name: writer.name,
    async plan(): Promise<StepPlan> {
      const state = basicLoginState(await readSecurityConfig(ctx.os));
      if (state === 'refused') {
        throw basicLoginRefused(
          ctx.config,
          writer.name,
          'the security configuration has no HTTP-enabled authentication domain with basic authentication against internal users',
        );
      }
      // Also before the user exists: a domain's access policy refuses basic auth whatever the user.
      const loggedIn = await login();
      if (loggedIn === 'basic-refused') {
        throw basicLoginRefused(
          ctx.config,
          writer.name,
          'the domain refused a basic-auth request as anonymous (403 "User: anonymous is not authorized")',
        );
      }
      const live = await readSecurityEntry(ctx.os, 'internalusers', writer.name);
      assertNotProtected('internalusers', writer.name, live);
      const plan = comparePlan('internal-user', writer.name, live, desired, write);
      if (plan.action !== 'unchanged' || loggedIn === 'accepted') return plan;
      return {
        ...plan,
        action: 'update',
        changes: [{ path: 'password', op: 'change', from: '(differs)', to: '(LOGLIFT_WRITER_PASSWORD)' }],
        write,
      };
    },
  };
}
