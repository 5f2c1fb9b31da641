import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from './apply.js';
import { parseConfig } from './config/loadConfig.js';
import { defaultStream } from './config/logStreams.js';
import { createOpenSearch } from './opensearch/createOpenSearch.js';
import type { OpenSearch } from './opensearch/openSearch.js';
import { WriteCounter } from './opensearch/writeCounter.js';
import { plan } from './plan.js';
import { ismAttachStep } from './steps/ismAttach.js';
import { desiredIsmPolicy, ismPolicyStep } from './steps/ismPolicy.js';
import { type IsmStub, startIsmStub } from './testing/ismStub.js';

// The stub holds to index-management 2.19.4.0 (see src/testing/ismStub.ts for the source files of
// each rule: TransportChangePolicyAction.kt, TransportAddPolicyAction.kt, TransportExplainAction.kt,
// TransportIndexPolicyAction.kt, RolloverAction.kt, ManagedIndexRunner.kt).
const STREAM = 'logs-loglift';
const POLICY = 'loglift-logs-retention';

let stub: IsmStub;
const clients: OpenSearch[] = [];
beforeEach(async () => {
  stub = await startIsmStub();
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await stub.close();
});

async function stepsFor(retention: Record<string, unknown> = {}) {
  const config = parseConfig({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url: stub.url, auth: 'none' },
    logs: { dataStream: STREAM, retention: { policy: POLICY, ...retention } },
  });
  const counter = new WriteCounter();
  const os = createOpenSearch(config.opensearch, { counter });
  clients.push(os);
  const ctx = { config, os, writerBackendRoles: [], ismAvailable: true };
  const stream = defaultStream(ctx.config);
  return { steps: [ismPolicyStep(ctx, stream), ismAttachStep(ctx, stream)], counter };
}

/** Converges the ISM steps with the given retention and returns what it wrote. */
async function converge(retention: Record<string, unknown> = {}) {
  const { steps, counter } = await stepsFor(retention);
  const result = await apply(steps);
  return { ...result, writes: counter.writes, planned: await plan(steps) };
}

const policyVersion = (index: string) => {
  const entry = stub.explain(index);
  return { id: entry.policy_id, seqNo: entry.policy_seq_no };
};

describe('retention on existing backing indices', () => {
  it('attaches the policy to backing indices that existed before it (ism_template only catches new ones)', async () => {
    const before = stub.createDataStream(STREAM, 3);
    const first = await converge();
    expect(first.failed).toBeUndefined();
    expect(first.writes).toEqual([
      { method: 'PUT', path: `/_plugins/_ism/policies/${POLICY}` },
      { method: 'POST', path: `/_plugins/_ism/add/${before.join(',')}` },
    ]);
    // Attached but not started by ISM yet: nothing more to send.
    expect((await converge()).writes).toEqual([]);
    stub.runJobs();
    for (const index of before) expect(stub.explain(index)).toMatchObject({ policy_id: POLICY });

    const again = await converge();
    expect(again.writes).toEqual([]);
    expect(again.planned.every((object) => object.action === 'unchanged')).toBe(true);
  });

  it('splits a long list of indices over several requests, so each request line stays short', async () => {
    const backing = stub.createDataStream(STREAM, 200);
    const first = await converge();
    const adds = first.writes.filter((write) => write.path.startsWith('/_plugins/_ism/add/'));
    expect(adds.length).toBeGreaterThan(1);
    expect(Math.max(...adds.map((write) => write.path.length))).toBeLessThan(4096);
    expect(adds.flatMap((write) => write.path.slice('/_plugins/_ism/add/'.length).split(','))).toEqual(backing);
  });

  it('moves managed indices that run an older policy version to the new one with change_policy', async () => {
    const backing = stub.createDataStream(STREAM, 2);
    await converge({ deleteAfterDays: 14 });
    stub.runJobs();
    const old = policyVersion(backing[0] ?? '');

    const changed = await converge({ deleteAfterDays: 30 });
    expect(changed.failed).toBeUndefined();
    expect(changed.writes.map((write) => write.path)).toEqual([
      `/_plugins/_ism/policies/${POLICY}`,
      `/_plugins/_ism/change_policy/${backing.join(',')}`,
    ]);
    // ISM applies a change_policy on the index's next job run.
    stub.runJobs();
    for (const index of backing) {
      expect(policyVersion(index).seqNo).not.toBe(old.seqNo);
      expect(policyVersion(index).id).toBe(POLICY);
    }
    expect((await converge({ deleteAfterDays: 30 })).writes).toEqual([]);
  });

  it('leaves an index alone while ISM has not started it, and indices that another policy manages', async () => {
    const [, theirs] = stub.createDataStream(STREAM, 2);
    stub.putForeignPolicy('someone-else', { default_state: 'x', states: [{ name: 'x', actions: [] }] });
    await converge();
    // Someone moved one index to another policy by hand.
    await ism('change_policy', theirs ?? '', 'someone-else');
    stub.runJobs();
    // A backing index created after ISM's last sweep is attached at once.
    const fresh = stub.rollover(STREAM);
    expect((await converge()).writes).toEqual([{ method: 'POST', path: `/_plugins/_ism/add/${fresh}` }]);

    const run = await converge();
    expect(run.writes).toEqual([]);
    const attach = run.planned.find((object) => object.kind === 'ism-attach');
    expect(attach?.note).toBe(
      `${theirs} is managed by ISM policy someone-else, left alone; ${fresh} has not started its policy yet`,
    );
  });

  it('leaves indices on their way to deletion on their version (change_policy refuses them then)', async () => {
    const [moving, steady] = stub.createDataStream(STREAM, 2);
    await converge({ deleteAfterDays: 14 });
    stub.runJobs();
    stub.beginTransition(moving ?? '', 'delete');
    const changed = await converge({ deleteAfterDays: 7 });
    expect(changed.failed).toBeUndefined();
    expect(changed.writes.map((write) => write.path)).toEqual([
      `/_plugins/_ism/policies/${POLICY}`,
      `/_plugins/_ism/change_policy/${steady}`,
    ]);
    stub.runJobs();
    expect(policyVersion(steady ?? '').seqNo).toBe((await currentPolicy()).seqNo);
    expect((await converge({ deleteAfterDays: 7 })).writes).toEqual([]);
  });

  it('does not fail when an index starts moving to deletion between the read and change_policy', async () => {
    const [index] = stub.createDataStream(STREAM, 1);
    await converge({ deleteAfterDays: 14 });
    stub.runJobs();
    await converge({ deleteAfterDays: 7 }); // policy and change_policy
    stub.runJobs();
    const { steps } = await stepsFor({ deleteAfterDays: 3 });
    await apply(steps.slice(0, 1));
    const planned = await steps[1]?.plan();
    expect(planned?.action).toBe('update');
    stub.beginTransition(index ?? '', 'delete');
    await expect(planned?.write?.()).resolves.toBeUndefined();
  });

  it('does not fail when ISM attached an index between the read and add', async () => {
    const [index] = stub.createDataStream(STREAM, 1);
    const { steps } = await stepsFor();
    await apply(steps.slice(0, 1));
    const planned = await steps[1]?.plan();
    await ism('add', index ?? '');
    await expect(planned?.write?.()).resolves.toBeUndefined();
  });

  it("fails naming the index and ISM's reason for any other refusal", async () => {
    const [index] = stub.createDataStream(STREAM, 1);
    await converge({ deleteAfterDays: 14 });
    stub.runJobs();
    const { steps } = await stepsFor({ deleteAfterDays: 7 });
    await apply(steps.slice(0, 1));
    const planned = await steps[1]?.plan();
    await ism('remove', index ?? '');
    await expect(planned?.write?.()).rejects.toThrow(
      `ISM change_policy for policy ${POLICY} failed on ${index} (This index is not being managed)`,
    );
  });
});

/** What another client (a person, another tool) does through ISM's API. */
async function ism(api: 'add' | 'remove' | 'change_policy', index: string, policyId = POLICY): Promise<void> {
  await fetch(`${stub.url}/_plugins/_ism/${api}/${index}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ policy_id: policyId }),
  });
}

async function currentPolicy(): Promise<{ seqNo: number }> {
  const response = await fetch(`${stub.url}/_plugins/_ism/policies/${POLICY}`);
  return { seqNo: ((await response.json()) as { _seq_no: number })._seq_no };
}

describe('the retention policy', () => {
  it('converges with an upper-case rollover size (ISM stores sizes lower-case)', async () => {
    await converge({ rolloverSize: '10GB' });
    const again = await converge({ rolloverSize: '10GB' });
    expect(again.writes).toEqual([]);
  });

  it('deletes N days after rollover (min_rollover_age), never counting from index creation', () => {
    const config = parseConfig({
      apiVersion: 'loglift.io/v1',
      kind: 'BootstrapConfig',
      opensearch: { url: 'http://x' },
    });
    const stream = defaultStream(config);
    const states = desiredIsmPolicy({ ...stream, retention: { ...stream.retention, deleteAfterDays: 9 } }).policy
      .states as { name: string; transitions: unknown[] }[];
    expect(states.find((state) => state.name === 'hot')?.transitions).toEqual([
      { state_name: 'delete', conditions: { min_rollover_age: '9d' } },
    ]);
  });

  it('names the other policy and the value to change when ism_template priorities clash', async () => {
    stub.putForeignPolicy('team-logs', {
      default_state: 'x',
      states: [{ name: 'x', actions: [] }],
      ism_template: [{ index_patterns: ['logs-*'], priority: 237 }],
    });
    const run = await converge();
    expect(run.failed?.error.message).toBe(
      `ISM policy ${POLICY} has an ism_template for ["${STREAM}*"] at priority 237, the same as ISM policy team-logs whose patterns overlap; set logs.retention.templatePriority to another value (higher to win for this data stream; group streams take it plus one)`,
    );
    expect((await converge({ templatePriority: 238 })).failed).toBeUndefined();
  });
});
