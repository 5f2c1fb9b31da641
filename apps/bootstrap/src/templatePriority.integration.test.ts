import { afterAll, describe, expect, it } from 'vitest';
import { adminClient, cleanup, namesFor, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';

const names = namesFor(uniquePrefix('prio'));
const other = `${names.prefix}-team-logs`;
const os = adminClient();

afterAll(async () => {
  await os.request('DELETE', `/_index_template/${other}`, { allow: [404] });
  await cleanup(os, names);
  await os.close();
});

function logs(extra: Record<string, unknown> = {}) {
  return {
    logs: {
      dataStream: names.dataStream,
      template: names.template,
      replicas: 0,
      retention: { policy: names.policy, deleteAfterDays: 3 },
      ...extra,
    },
  };
}

describe('index template priority', () => {
  it('names the overlapping template and the value to change, then converges with another priority', async () => {
    // Someone else's template for an overlapping pattern at the default priority.
    await os.request('PUT', `/_index_template/${other}`, {
      body: { index_patterns: [`${names.dataStream}-*`], priority: 237, data_stream: {} },
    });
    const clash = await runBootstrap('apply', await writeConfig(names, logs()));
    expect(clash.code).toBe(1);
    expect(clash.output.error).toBe(
      `index-template ${names.template}: index template ${names.template} (patterns ["${names.dataStream}*"], priority 237) overlaps index template ${other} at the same priority; set logs.templatePriority to another value (higher to win for this data stream; group streams take it plus one)`,
    );

    const config = await writeConfig(names, logs({ templatePriority: 238 }));
    const fixed = await runBootstrap('apply', config);
    expect(fixed.output.error).toBeUndefined();
    expect((await runBootstrap('apply', config)).writes).toBe(0);
  });
});
