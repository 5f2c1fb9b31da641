import type { LogStream } from '../config/logStreams.js';
import type { JsonChange } from '../json/diffJson.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import type { StepContext } from './context.js';
import { ismPolicyPath, type LivePolicy } from './ismPolicy.js';
import { type Step, type StepPlan, skipped } from './step.js';

/** One index in `GET _plugins/_ism/explain/<data stream>` (ExplainResponse.kt, ManagedIndexMetaData.kt). */
interface ExplainEntry {
  'index.plugins.index_state_management.policy_id'?: string | null;
  'index.opendistro.index_state_management.policy_id'?: string | null;
  policy_seq_no?: number;
  policy_primary_term?: number;
  transition_to?: string;
  state?: { name?: string };
}

/** `updated_indices` / `failures` / `failed_indices` of add and change_policy (ISMStatusResponse.kt). */
interface StatusResponse {
  updated_indices?: number;
  failures?: boolean;
  failed_indices?: { index_name: string; reason: string }[];
}

/** add: ISM's coordinator attached a policy between our read and our write (TransportAddPolicyAction.kt). */
const ALREADY_MANAGED = /already has a policy/;
/**
 * change_policy: the index is moving to its next state (TransportChangePolicyAction.kt). The only
 * transition of this policy leads to `delete`, so the new version would not matter any more.
 */
const IN_TRANSITION = /while transitioning to new state/;

/** The policy's last state (desiredIsmPolicy). */
const DELETE_STATE = 'delete';

/** Index names per request, so the request line stays far below `http.max_initial_line_length` (4kb). */
const PATH_BUDGET = 3000;

/**
 * Puts every backing index of the data stream under the current version of the retention policy.
 * ISM copies a policy into each managed index when it starts managing it and keeps that copy, so
 * a changed policy reaches existing indices only through `change_policy`; and `ism_template` only
 * catches indices created after it, so indices that existed before are attached with `add`.
 * Indices another policy manages are left alone and reported.
 */
export function ismAttachStep(ctx: StepContext, target: LogStream): Step {
  const stream = target.dataStream;
  const policyId = target.retention.policy;
  return {
    kind: 'ism-attach',
    name: stream,
    async plan(): Promise<StepPlan> {
      if (ctx.ismAvailable === false) {
        return skipped('ism-attach', stream, 'the index-management (ISM) plugin is not installed');
      }
      const policy = await ctx.os.get<LivePolicy>(ismPolicyPath(policyId), { allow: [404] });
      const version = policy.status === 200 ? policy.body : undefined;
      const explain = await ctx.os.get<Record<string, ExplainEntry | number>>(
        `/_plugins/_ism/explain/${encodeURIComponent(stream)}`,
        { allow: [404] },
      );
      const toAdd: string[] = [];
      const toChange: string[] = [];
      const changes: JsonChange[] = [];
      const notes: string[] = [];
      const entries = explain.status === 200 ? Object.entries(explain.body) : [];
      for (const [index, entry] of entries.sort(([a], [b]) => a.localeCompare(b))) {
        if (typeof entry !== 'object' || entry === null) continue; // total_managed_indices
        const managedBy =
          entry['index.plugins.index_state_management.policy_id'] ??
          entry['index.opendistro.index_state_management.policy_id'] ??
          null;
        if (managedBy === null) {
          toAdd.push(index);
          changes.push({ path: `${index} policy`, op: 'add', to: policyId });
        } else if (managedBy !== policyId) {
          notes.push(`${index} is managed by ISM policy ${managedBy}, left alone`);
        } else if (entry.transition_to !== undefined || entry.state?.name === DELETE_STATE) {
          // On its way to deletion: no version of the policy changes what happens to it now.
        } else if (entry.policy_seq_no === undefined) {
          // Not initialized yet: ISM starts it with the policy as it was attached; checked next run.
          notes.push(`${index} has not started its policy yet`);
        } else if (
          !version ||
          entry.policy_seq_no !== version._seq_no ||
          entry.policy_primary_term !== version._primary_term
        ) {
          toChange.push(index);
          changes.push({
            path: `${index} policy version`,
            op: 'change',
            from: `${entry.policy_seq_no}/${entry.policy_primary_term}`,
            to: version ? `${version._seq_no}/${version._primary_term}` : 'new',
          });
        }
      }
      if (toChange.length > 0) {
        // Explain shows the new version only once ISM applied it (ManagedIndexRunner.kt).
        notes.push("ISM applies change_policy at each index's next job run");
      }
      const note = notes.length > 0 ? notes.join('; ') : undefined;
      if (changes.length === 0) {
        return { kind: 'ism-attach', name: stream, action: 'unchanged', changes: [], ...(note ? { note } : {}) };
      }
      return {
        kind: 'ism-attach',
        name: stream,
        action: 'update',
        changes,
        ...(note ? { note } : {}),
        write: async () => {
          for (const names of batches(toAdd)) {
            await send(ctx.os, 'add', names, policyId, ALREADY_MANAGED);
          }
          for (const names of batches(toChange)) {
            await send(ctx.os, 'change_policy', names, policyId, IN_TRANSITION);
          }
        },
      };
    },
  };
}

async function send(
  os: OpenSearch,
  api: 'add' | 'change_policy',
  indices: readonly string[],
  policyId: string,
  tolerated: RegExp,
): Promise<void> {
  const path = `/_plugins/_ism/${api}/${indices.map(encodeURIComponent).join(',')}`;
  const response = await os.request<StatusResponse>('POST', path, { body: { policy_id: policyId } });
  const failed = (response.body.failed_indices ?? []).filter((failure) => !tolerated.test(failure.reason));
  if (failed.length > 0) {
    throw new Error(
      `ISM ${api} for policy ${policyId} failed on ${failed.map((failure) => `${failure.index_name} (${failure.reason})`).join(', ')}`,
    );
  }
}

function batches(names: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const name of names) {
    if (current.length > 0 && length + name.length + 1 > PATH_BUDGET) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(name);
    length += name.length + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}
