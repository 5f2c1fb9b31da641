import type { BootstrapConfig } from '../config/schema.js';
import type { StepContext } from './context.js';
import { comparePlan, type Step, type StepPlan, skipped } from './step.js';

interface LivePolicy {
  _seq_no: number;
  _primary_term: number;
  policy: Record<string, unknown>;
}

/** Retention: roll over by size or age, delete N days after creation; new indices adopt it. */
export function desiredIsmPolicy(logs: BootstrapConfig['logs']): { policy: Record<string, unknown> } {
  const { retention } = logs;
  // ISM fills `retry` in on every action; setting its default keeps a converged policy equal.
  const retry = { count: 3, backoff: 'exponential', delay: '1m' };
  return {
    policy: {
      description: `loglift: roll over ${logs.dataStream} at ${retention.rolloverSize} or ${retention.rolloverAge}, delete after ${retention.deleteAfterDays}d (managed by loglift-bootstrap)`,
      default_state: 'hot',
      states: [
        {
          name: 'hot',
          actions: [{ retry, rollover: { min_size: retention.rolloverSize, min_index_age: retention.rolloverAge } }],
          transitions: [{ state_name: 'delete', conditions: { min_index_age: `${retention.deleteAfterDays}d` } }],
        },
        { name: 'delete', actions: [{ retry, delete: {} }], transitions: [] },
      ],
      ism_template: [{ index_patterns: [`${logs.dataStream}*`], priority: 100 }],
    },
  };
}

/** The logs' retention policy, or another stream's (`name` and its desired policy). */
export function ismPolicyStep(
  ctx: StepContext,
  { name, desired } = { name: ctx.config.logs.retention.policy, desired: desiredIsmPolicy(ctx.config.logs) },
): Step {
  const path = `/_plugins/_ism/policies/${encodeURIComponent(name)}`;
  return {
    kind: 'ism-policy',
    name,
    async plan(): Promise<StepPlan> {
      if (ctx.ismAvailable === false) {
        return skipped(
          'ism-policy',
          name,
          'the index-management (ISM) plugin is not installed: retention is not managed',
        );
      }
      const live = await ctx.os.get<LivePolicy>(path, { allow: [404] });
      const found = live.status === 200 ? live.body : undefined;
      return comparePlan('ism-policy', name, found ? { policy: found.policy } : undefined, desired, async () => {
        // Optimistic concurrency: a policy changed since this read makes the PUT fail with 409.
        const query = found ? { if_seq_no: found._seq_no, if_primary_term: found._primary_term } : undefined;
        await ctx.os.request('PUT', path, { body: desired, ...(query ? { query } : {}) });
      });
    },
  };
}
