import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENTS_SCRIPT_PATH } from '../scripts/liftScript.js';
import { chartDir } from '../scripts/tools.js';

// Calls shape_event of files/events.lua on each record under LuaJIT, packed back as Fluent Bit does.
const RUNNER = `
local cjson = require('cjson')
flb_null = cjson.null
local codec = dofile(arg[1])
dofile(arg[2])
for _, record in ipairs(cjson.decode(io.read('*a'))) do
  local code, _, out = shape_event('events', { sec = 0, nsec = 0 }, codec.mark(record))
  local text = {}
  codec.encode({ code = code, record = out }, text)
  io.write(table.concat(text), '\\n')
end
`;

const runner = join(mkdtempSync(join(tmpdir(), 'loglift-events-')), 'runner.lua');
writeFileSync(runner, RUNNER);

function shape(records: unknown[]): { code: number; record: Record<string, unknown> }[] {
  const result = spawnSync('luajit', [runner, join(chartDir, 'tests', 'luaCodec.lua'), EVENTS_SCRIPT_PATH], {
    input: JSON.stringify(records),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`luajit exited with ${result.status}: ${result.stderr}`);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('files/events.lua', () => {
  const metadata = { name: 'api.17c8', namespace: 'shop', uid: 'u-1', resourceVersion: '48213' };
  const event = { kind: 'Event', reason: 'BackOff', count: 7, involvedObject: { kind: 'Pod', name: 'api' } };

  it('drops metadata.managedFields and keeps everything else', () => {
    const managedFields = [{ manager: 'kubelet', operation: 'Update', fieldsV1: { 'f:count': {} } }];
    const [result] = shape([{ ...event, metadata: { ...metadata, managedFields } }]);
    expect(result).toEqual({ code: 2, record: { ...event, metadata } });
  });

  it('passes an Event without managed fields on untouched', () => {
    expect(shape([{ ...event, metadata }])).toEqual([{ code: 0, record: { ...event, metadata } }]);
  });
});
