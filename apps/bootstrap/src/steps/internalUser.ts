import { MANAGED_BY, type StepContext } from './context.js';
import { assertNotProtected, readSecurityEntry, securityPath } from './securityApi.js';
import { comparePlan, type Step, type StepPlan } from './step.js';

/**
 * The internal writer user (when the chart generated its password). The password hash is not
 * readable, so whether it is current is checked by logging in as the user (a read).
 */
export function internalUserStep(ctx: StepContext): Step | undefined {
  const writer = ctx.internalWriter;
  if (!writer) return undefined;
  const path = securityPath('internalusers', writer.name);
  const desired = {
    description: `Fluent Bit log writer (managed by ${MANAGED_BY})`,
    attributes: { managed_by: MANAGED_BY },
  };
  return {
    kind: 'internal-user',
    name: writer.name,
    async plan(): Promise<StepPlan> {
      const live = await readSecurityEntry(ctx.os, 'internalusers', writer.name);
      assertNotProtected('internalusers', writer.name, live);
      const write = async () => {
        await ctx.os.request('PUT', path, { body: { ...desired, password: writer.password } });
      };
      const plan = comparePlan('internal-user', writer.name, live, desired, write);
      if (plan.action !== 'unchanged' || !ctx.checkWriterPassword || (await ctx.checkWriterPassword(writer))) {
        return plan;
      }
      return {
        ...plan,
        action: 'update',
        changes: [{ path: 'password', op: 'change', from: '(differs)', to: '(LOGLIFT_WRITER_PASSWORD)' }],
        write,
      };
    },
  };
}
