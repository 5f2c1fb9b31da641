import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { adminClient, cleanup, namesFor, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';

const names = namesFor(uniquePrefix('ism'));
const os = adminClient();

afterAll(async () => {
  await cleanup(os, names);
  await os.close();
});

describe('retention', () => {
  it('puts a new backing index under the ISM policy (explain API)', async (context) => {
    const plugins = await os.get<{ component: string }[]>('/_cat/plugins', { query: { format: 'json' } });
    // The Maven Central test node has no index-management plugin; a node started with it runs this.
    context.skip(
      !plugins.body.some((row) => row.component === 'opensearch-index-management'),
      'ISM plugin not installed',
    );
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
});
