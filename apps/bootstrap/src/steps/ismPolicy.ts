import type { LogStream } from '../config/logStreams.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import { OpenSearchError } from '../opensearch/openSearchError.js';
import type { StepContext } from './context.js';
import { patternListsOverlap } from './patternsOverlap.js';
import { comparePlan, type Step, type StepPlan, skipped } from './step.js';

/** What the policy of one stream is built from. */
type IsmStream = Pick<LogStream, 'dataStream' | 'retention' | 'indexPatterns' | 'ismPriority'>;

export interface LivePolicy {
  _seq_no: number;
  _primary_term: number;
  policy: Record<string, unknown>;
}

export function ismPolicyPath(name: string): string {
  return `/_plugins/_ism/policies/${encodeURIComponent(name)}`;
}

/**
 * Retention: roll over by size or age; delete a backing index N days after it rolled over
 * (`min_rollover_age`), so documents are kept at least N days and the write index is never a
 * delete candidate; new backing indices adopt the policy through its ism_template.
 */
export function desiredIsmPolicy(logs: IsmStream): { policy: Record<string, unknown> } {
  const { retention } = logs;
  // ISM fills `retry` in on every action; setting its default keeps a converged policy equal.
  const retry = { count: 3, backoff: 'exponential', delay: '1m' };
  return {
    policy: {
      description: `loglift: roll over ${logs.dataStream} at ${retention.rolloverSize} or ${retention.rolloverAge}, delete ${retention.deleteAfterDays}d after rollover (managed by loglift-bootstrap)`,
      default_state: 'hot',
      states: [
        {
          name: 'hot',
          actions: [{ retry, rollover: { min_size: retention.rolloverSize, min_index_age: retention.rolloverAge } }],
          transitions: [{ state_name: 'delete', conditions: { min_rollover_age: `${retention.deleteAfterDays}d` } }],
        },
        { name: 'delete', actions: [{ retry, delete: {} }], transitions: [] },
      ],
      ism_template: [{ index_patterns: [...logs.indexPatterns], priority: logs.ismPriority }],
    },
  };
}

/** A stream's retention policy: the logs' shape unless `desired` gives another (side streams). */
export function ismPolicyStep(
  ctx: StepContext,
  stream: LogStream,
  desired: { policy: Record<string, unknown> } = desiredIsmPolicy(stream),
): Step {
  const name = stream.retention.policy;
  const path = ismPolicyPath(name);
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
        try {
          await ctx.os.request('PUT', path, { body: desired, ...(query ? { query } : {}) });
        } catch (error) {
          throw await explainTemplateClash(ctx.os, name, stream, error);
        }
      });
    },
  };
}

interface LivePolicies {
  policies?: { _id: string; policy?: { ism_template?: { index_patterns?: string[]; priority?: number }[] } }[];
}

/**
 * ISM refuses an ism_template whose patterns overlap another policy's at the same priority, but
 * its message names neither the other policy (TransportIndexPolicyAction.kt) nor a way out; this
 * finds the other policy and names the value to change.
 */
async function explainTemplateClash(os: OpenSearch, name: string, stream: IsmStream, error: unknown): Promise<unknown> {
  const reason = error instanceof OpenSearchError ? JSON.stringify(error.body) : '';
  if (!/matching existing policy templates/.test(reason)) return error;
  const patterns = [...stream.indexPatterns];
  const priority = stream.ismPriority;
  const listed = await os.get<LivePolicies>('/_plugins/_ism/policies', { query: { size: 1000 } });
  const others = (listed.body.policies ?? [])
    .filter((other) => other._id !== name)
    .filter((other) =>
      (other.policy?.ism_template ?? []).some(
        (template) => template.priority === priority && patternListsOverlap(patterns, template.index_patterns ?? []),
      ),
    )
    .map((other) => other._id);
  return new Error(
    `ISM policy ${name} has an ism_template for ${JSON.stringify(patterns)} at priority ${priority}, the same as ISM ${others.length === 1 ? 'policy' : 'policies'} ${others.join(', ') || '(not readable)'} whose patterns overlap; set logs.retention.templatePriority to another value (higher to win for this data stream; group streams take it plus one)`,
  );
}
