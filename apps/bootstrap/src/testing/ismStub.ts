import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { patternListsOverlap } from '../steps/patternsOverlap.js';

/**
 * A loopback stand-in for the index-management (ISM) plugin's REST API, for the test node has no
 * ISM (no 2.19.x build is published). Its rules and response shapes come from
 * opensearch-project/index-management at 2.19.4.0:
 * - policies: GetPolicyResponse.kt / GetPoliciesResponse.kt (`_id`, `_seq_no`, `_primary_term`,
 *   `policy`); TransportIndexPolicyAction.kt (create without `if_seq_no` fails on an existing id,
 *   optimistic concurrency with it; an ism_template overlapping another policy's at the same
 *   priority is refused with a message that does not name the other policy); RolloverAction.kt and
 *   Transition.kt write sizes and ages in their string form, which is lower-case (`10GB` reads back
 *   `10gb`) and add `copy_alias: false`; every action gets the default `retry`.
 * - explain: TransportExplainAction.kt / ExplainResponse.kt / ManagedIndexMetaData.kt: a data stream
 *   name expands to its backing indices; an unmanaged index answers null policy ids; a managed one
 *   shows `policy_seq_no` / `policy_primary_term` only after ISM initialized it.
 * - add: TransportAddPolicyAction.kt: an index that already has a policy is refused in
 *   `failed_indices`; the policy as it is now is copied into the managed index.
 * - remove: TransportRemovePolicyAction.kt (what a person might do between two reads).
 * - change_policy: TransportChangePolicyAction.kt / ManagedIndexRunner.kt: only managed indices; not
 *   while transitioning; the change is recorded and applied by the index's next job run, which loads
 *   the policy's current version (the runner's initChangePolicy). Explain shows the old version
 *   until then. `runJobs()` plays one job run of every managed index (and the coordinator's
 *   ism_template sweep, ManagedIndexCoordinator.kt), since ISM does that on its own schedule.
 */
export interface IsmStub {
  readonly url: string;
  readonly requests: { method: string; path: string }[];
  /** Creates a data stream with `count` backing indices, none managed. */
  createDataStream(name: string, count: number): string[];
  /** Adds a new write index to the data stream, as a rollover does. */
  rollover(name: string): string;
  /** Marks an index as moving to its next state (change_policy refuses it then). */
  beginTransition(index: string, state: string): void;
  /** One ISM job run for every index: ism_template sweep, initialization, pending change_policy. */
  runJobs(): void;
  /** What explain reports for one index. */
  explain(index: string): Record<string, unknown>;
  /** Stores a policy the way another tool would (no validation). */
  putForeignPolicy(id: string, policy: Record<string, unknown>): void;
  close(): Promise<void>;
}

interface StoredPolicy {
  seqNo: number;
  primaryTerm: number;
  version: number;
  policy: Record<string, unknown>;
}

interface ManagedIndex {
  policyId: string;
  /** The policy version copied in when ISM started managing it. */
  cached: { seqNo: number; primaryTerm: number };
  /** Set once a job run initialized it. */
  running?: { seqNo: number; primaryTerm: number; state: string };
  pendingChange?: string;
  transitionTo?: string;
}

interface Index {
  name: string;
  uuid: string;
  stream?: string;
  created: number;
  managed?: ManagedIndex;
}

const PRIMARY_TERM = 1;
const RETRY = { count: 3, backoff: 'exponential', delay: '1m' };

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, type: string, reason: string): void {
  send(res, status, { error: { root_cause: [{ type, reason }], type, reason }, status });
}

/** ByteSizeValue / TimeValue string forms are lower-case. */
function lower(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function normalizeAction(action: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { retry: RETRY, ...action };
  const rollover = action.rollover as Record<string, unknown> | undefined;
  if (rollover) {
    out.rollover = Object.fromEntries(
      Object.entries({ ...rollover, copy_alias: rollover.copy_alias ?? false }).map(([key, value]) => [
        key,
        lower(value),
      ]),
    );
  }
  return out;
}

function normalizePolicy(id: string, policy: Record<string, unknown>, now: number): Record<string, unknown> {
  const states = (policy.states as Record<string, unknown>[] | undefined) ?? [];
  return {
    policy_id: id,
    description: policy.description,
    last_updated_time: now,
    schema_version: 21,
    error_notification: null,
    default_state: policy.default_state,
    states: states.map((state) => ({
      name: state.name,
      actions: ((state.actions as Record<string, unknown>[] | undefined) ?? []).map(normalizeAction),
      transitions: ((state.transitions as Record<string, unknown>[] | undefined) ?? []).map((transition) => ({
        state_name: transition.state_name,
        conditions: Object.fromEntries(
          Object.entries((transition.conditions as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [
            k,
            lower(v),
          ]),
        ),
      })),
    })),
    ism_template: ((policy.ism_template as Record<string, unknown>[] | undefined) ?? []).map((template) => ({
      index_patterns: template.index_patterns,
      priority: template.priority ?? 0,
      last_updated_time: now,
    })),
  };
}

function templatesOf(policy: Record<string, unknown>): { index_patterns: string[]; priority: number }[] {
  return (policy.ism_template as { index_patterns: string[]; priority: number }[] | undefined) ?? [];
}

function globMatch(pattern: string, name: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

export async function startIsmStub(): Promise<IsmStub> {
  const requests: IsmStub['requests'] = [];
  const policies = new Map<string, StoredPolicy>();
  const indices = new Map<string, Index>();
  const streams = new Map<string, string[]>();
  let seqNo = -1;
  let clock = 1_700_000_000_000;
  let uuids = 0;
  const tick = () => {
    clock += 1000;
    return clock;
  };
  const nextSeqNo = () => {
    seqNo += 1;
    return seqNo;
  };

  const createIndex = (name: string, stream?: string): string => {
    uuids += 1;
    indices.set(name, { name, uuid: `uuid-${uuids}`, created: tick(), ...(stream ? { stream } : {}) });
    return name;
  };

  const resolve = (names: string): Index[] => {
    const out: Index[] = [];
    for (const name of names.split(',').map(decodeURIComponent)) {
      const backing = streams.get(name);
      for (const index of backing ?? [name]) {
        const found = indices.get(index);
        if (found && !out.includes(found)) out.push(found);
      }
    }
    return out;
  };

  const manage = (index: Index, policyId: string, stored: StoredPolicy) => {
    index.managed = { policyId, cached: { seqNo: stored.seqNo, primaryTerm: stored.primaryTerm } };
    nextSeqNo();
  };

  const explainEntry = (index: Index): Record<string, unknown> => {
    const managed = index.managed;
    if (!managed) {
      return {
        'index.plugins.index_state_management.policy_id': null,
        'index.opendistro.index_state_management.policy_id': null,
        enabled: null,
      };
    }
    return {
      'index.plugins.index_state_management.policy_id': managed.policyId,
      'index.opendistro.index_state_management.policy_id': managed.policyId,
      index: index.name,
      index_uuid: index.uuid,
      policy_id: managed.policyId,
      ...(managed.running
        ? {
            policy_seq_no: managed.running.seqNo,
            policy_primary_term: managed.running.primaryTerm,
            index_creation_date: index.created,
            ...(managed.transitionTo
              ? { transition_to: managed.transitionTo }
              : { state: { name: managed.running.state, start_time: index.created } }),
            retry_info: { failed: false, consumed_retries: 0 },
            info: { message: `Successfully initialized policy: ${managed.policyId}` },
          }
        : {}),
      enabled: true,
    };
  };

  const statusResponse = (updated: number, failed: { index_name: string; index_uuid: string; reason: string }[]) => ({
    updated_indices: updated,
    failures: failed.length > 0,
    failed_indices: failed,
  });

  const putPolicy = (res: ServerResponse, id: string, url: URL, body: Record<string, unknown>) => {
    const existing = policies.get(id);
    const ifSeqNo = url.searchParams.get('if_seq_no');
    const ifPrimaryTerm = url.searchParams.get('if_primary_term');
    if (existing && (ifSeqNo === null || ifPrimaryTerm === null)) {
      return error(
        res,
        409,
        'version_conflict_engine_exception',
        `[${id}]: version conflict, document already exists (current version [${existing.version}])`,
      );
    }
    if (existing && (Number(ifSeqNo) !== existing.seqNo || Number(ifPrimaryTerm) !== existing.primaryTerm)) {
      return error(
        res,
        409,
        'version_conflict_engine_exception',
        `[${id}]: version conflict, required seqNo [${ifSeqNo}], primary term [${ifPrimaryTerm}]. current document has seqNo [${existing.seqNo}] and primary term [${existing.primaryTerm}]`,
      );
    }
    if (!existing && ifSeqNo !== null) {
      return error(res, 409, 'version_conflict_engine_exception', `[${id}]: version conflict, document missing`);
    }
    const policy = (body.policy as Record<string, unknown> | undefined) ?? {};
    for (const template of templatesOf(policy)) {
      const clash = [...policies].some(
        ([other, stored]) =>
          other !== id &&
          templatesOf(stored.policy).some(
            (theirs) =>
              theirs.priority === (template.priority ?? 0) &&
              patternListsOverlap(template.index_patterns, theirs.index_patterns),
          ),
      );
      if (clash) {
        // IndexManagementException.kt wraps the IllegalArgumentException as a 400.
        return error(
          res,
          400,
          'index_management_exception',
          `New policy ${id} has an ISM template with index pattern ${`[${template.index_patterns.join(', ')}]`} matching existing policy templates, please use a different priority than ${template.priority ?? 0}`,
        );
      }
    }
    const stored: StoredPolicy = {
      seqNo: nextSeqNo(),
      primaryTerm: PRIMARY_TERM,
      version: (existing?.version ?? 0) + 1,
      policy: normalizePolicy(id, policy, tick()),
    };
    policies.set(id, stored);
    send(res, existing ? 200 : 201, {
      _id: id,
      _version: stored.version,
      _primary_term: stored.primaryTerm,
      _seq_no: stored.seqNo,
      policy: { policy: stored.policy },
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = url.pathname;
    requests.push({ method, path });
    if (method === 'GET' && path === '/_plugins/_ism/policies') {
      return send(res, 200, {
        policies: [...policies].map(([id, stored]) => ({
          _id: id,
          _seq_no: stored.seqNo,
          _primary_term: stored.primaryTerm,
          policy: stored.policy,
        })),
        total_policies: policies.size,
      });
    }
    const policyPath = /^\/_plugins\/_ism\/policies\/([^/]+)$/.exec(path);
    if (policyPath) {
      const id = decodeURIComponent(policyPath[1] ?? '');
      if (method === 'PUT') return putPolicy(res, id, url, body);
      const stored = policies.get(id);
      if (!stored) return error(res, 404, 'status_exception', 'Policy not found');
      return send(res, 200, {
        _id: id,
        _version: stored.version,
        _seq_no: stored.seqNo,
        _primary_term: stored.primaryTerm,
        policy: stored.policy,
      });
    }
    const explain = /^\/_plugins\/_ism\/explain\/([^/]+)$/.exec(path);
    if (explain && method === 'GET') {
      const found = resolve(explain[1] ?? '');
      return send(res, 200, {
        ...Object.fromEntries(found.map((index) => [index.name, explainEntry(index)])),
        total_managed_indices: found.filter((index) => index.managed).length,
      });
    }
    const add = /^\/_plugins\/_ism\/add\/([^/]+)$/.exec(path);
    if (add && method === 'POST') {
      const id = String(body.policy_id ?? '');
      const stored = policies.get(id);
      if (!stored) return error(res, 404, 'status_exception', `Could not find policy=${id}`);
      const failed: { index_name: string; index_uuid: string; reason: string }[] = [];
      let updated = 0;
      for (const index of resolve(add[1] ?? '')) {
        if (index.managed) {
          failed.push({
            index_name: index.name,
            index_uuid: index.uuid,
            reason: 'This index already has a policy, use the update policy API to update index policies',
          });
        } else {
          manage(index, id, stored);
          updated += 1;
        }
      }
      return send(res, 200, statusResponse(updated, failed));
    }
    const change = /^\/_plugins\/_ism\/change_policy\/([^/]+)$/.exec(path);
    if (change && method === 'POST') {
      const id = String(body.policy_id ?? '');
      if (!policies.has(id)) return error(res, 404, 'status_exception', `Could not find policy=${id}`);
      const failed: { index_name: string; index_uuid: string; reason: string }[] = [];
      let updated = 0;
      for (const index of resolve(change[1] ?? '')) {
        if (!index.managed) {
          failed.push({ index_name: index.name, index_uuid: index.uuid, reason: 'This index is not being managed' });
        } else if (index.managed.transitionTo) {
          failed.push({
            index_name: index.name,
            index_uuid: index.uuid,
            reason: 'Cannot change policy while transitioning to new state',
          });
        } else {
          index.managed.pendingChange = id;
          nextSeqNo();
          updated += 1;
        }
      }
      return send(res, 200, statusResponse(updated, failed));
    }
    const remove = /^\/_plugins\/_ism\/remove\/([^/]+)$/.exec(path);
    if (remove && method === 'POST') {
      // TransportRemovePolicyAction.kt: indices without a policy are reported, the others unmanaged.
      const failed: { index_name: string; index_uuid: string; reason: string }[] = [];
      let updated = 0;
      for (const index of resolve(remove[1] ?? '')) {
        if (!index.managed) {
          failed.push({
            index_name: index.name,
            index_uuid: index.uuid,
            reason: 'This index does not have a policy to remove',
          });
        } else {
          delete index.managed;
          nextSeqNo();
          updated += 1;
        }
      }
      return send(res, 200, statusResponse(updated, failed));
    }
    error(res, 400, 'illegal_argument_exception', `no handler found for uri [${path}] and method [${method}]`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((failure: unknown) => send(res, 500, { message: (failure as Error).message }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    createDataStream(name, count) {
      const backing = Array.from({ length: count }, (_, i) =>
        createIndex(`.ds-${name}-${String(i + 1).padStart(6, '0')}`, name),
      );
      streams.set(name, backing);
      return backing;
    },
    rollover(name) {
      const backing = streams.get(name) ?? [];
      const index = createIndex(`.ds-${name}-${String(backing.length + 1).padStart(6, '0')}`, name);
      streams.set(name, [...backing, index]);
      return index;
    },
    beginTransition(index, state) {
      const managed = indices.get(index)?.managed;
      if (managed) managed.transitionTo = state;
    },
    runJobs() {
      for (const index of indices.values()) {
        if (index.managed) continue;
        // The coordinator matches a backing index by its data stream's name, only with templates older than it.
        const lookup = index.stream ?? index.name;
        const match = [...policies]
          .flatMap(([id, stored]) =>
            templatesOf(stored.policy)
              .filter(
                (template) =>
                  template.index_patterns.some((pattern) => globMatch(pattern, lookup)) &&
                  Number((template as { last_updated_time?: number }).last_updated_time ?? 0) < index.created,
              )
              .map((template) => ({ id, stored, priority: template.priority })),
          )
          .sort((a, b) => b.priority - a.priority)[0];
        if (match) manage(index, match.id, match.stored);
      }
      for (const index of indices.values()) {
        const managed = index.managed;
        if (!managed || managed.transitionTo) continue;
        const pending = managed.pendingChange ? policies.get(managed.pendingChange) : undefined;
        if (pending && managed.pendingChange) {
          managed.policyId = managed.pendingChange;
          managed.running = {
            seqNo: pending.seqNo,
            primaryTerm: pending.primaryTerm,
            state: managed.running?.state ?? 'hot',
          };
          delete managed.pendingChange;
        } else if (!managed.running) {
          managed.running = { ...managed.cached, state: 'hot' };
        }
      }
    },
    explain(index) {
      const found = indices.get(index);
      return found ? explainEntry(found) : {};
    },
    putForeignPolicy(id, policy) {
      policies.set(id, {
        seqNo: nextSeqNo(),
        primaryTerm: PRIMARY_TERM,
        version: 1,
        policy: normalizePolicy(id, policy, tick()),
      });
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
