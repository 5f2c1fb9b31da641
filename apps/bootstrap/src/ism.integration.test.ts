import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { adminClient, cleanup, namesFor, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';

const names = namesFor(uniquePrefix('ism'));
const os = adminClient();

afterAll(async () => {
  await cleanup(os, names);
  await os.close();
});

async function hasIsm(): Promise<boolean> {
  const plugins = await os.get<{ component: string }[]>('/_cat/plugins', { query: { format: 'json' } });
  return plugins.body.some((row) => row.component === 'opensearch-index-management');
}

/** The policy explain reports for an index, polled: ISM's config index is searched, not read. */
async function explainedPolicy(index: string, expected: string | null): Promise<unknown> {
  let policy: unknown;
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const explain = await os.get<Record<string, { 'index.plugins.index_state_management.policy_id'?: string | null }>>(
      `/_plugins/_ism/explain/${index}`,
    );
    policy = explain.body[index]?.['index.plugins.index_state_management.policy_id'] ?? null;
    if (policy === expected) return policy;
    await sleep(1_000);
  }
  return policy;
}

describe('retention', () => {
  it('puts a new backing index under the ISM policy (explain API)', async (context) => {
    // The Maven Central test node has no index-management plugin; a node started with it runs this.
    context.skip(!(await hasIsm()), 'ISM plugin not installed');
    const result = await runBootstrap('apply', await writeConfig(names));
    expect(result.code, result.output.error).toBe(0);
    const rollover = await os.request<{ new_index: string }>('POST', `/${names.dataStream}/_rollover`);
    const index = rollover.body.new_index;
    let policy: unknown;
    for (let attempt = 0; attempt < 30 && !policy; attempt += 1) {
      const explain = await os.get<
        Record<string, { 'index.plugins.index_state_management.policy_id'?: string; policy_id?: string }>
      >(`/_plugins/_ism/explain/${index}`);
      const entry = explain.body[index];
      policy = entry?.['index.plugins.index_state_management.policy_id'] ?? entry?.policy_id;
      if (!policy) await sleep(1_000);
    }
    expect(policy).toBe(names.policy);
  });

  it('attaches the policy again to a backing index that lost it, then sends nothing', async (context) => {
    context.skip(!(await hasIsm()), 'ISM plugin not installed');
    const config = await writeConfig(names);
    expect((await runBootstrap('apply', config)).code).toBe(0);
    const stream = await os.get<{ data_streams: { indices: { index_name: string }[] }[] }>(
      `/_data_stream/${names.dataStream}`,
    );
    const index = stream.body.data_streams[0]?.indices[0]?.index_name ?? '';
    await os.request('POST', `/_plugins/_ism/remove/${index}`);
    expect(await explainedPolicy(index, null)).toBeNull();
    const result = await runBootstrap('apply', config);
    expect(result.code, result.output.error).toBe(0);
    expect(await explainedPolicy(index, names.policy)).toBe(names.policy);
    expect((await runBootstrap('apply', config)).writes).toBe(0);
  });
});
