import { expectedDocument, liftCases, RECORD_MILLIS } from '@loglift/log-schema/testing';
import { describe, expect, it } from 'vitest';
import { emptyArraysAsObjects } from './emptyArraysAsObjects.js';
import { type LuaCall, runLuaHarness, runLuaLift } from './runLuaLift.js';

const TAG = 'kube.var.log.containers.api-7d9f-x2k4q_shop_api-0123.log';
// The record's time as time_as_table gives it: nanoseconds beyond the millisecond are dropped.
const SEC = Math.floor(RECORD_MILLIS / 1000);
const NSEC = (RECORD_MILLIS % 1000) * 1e6 + 123456;

describe('the lua filter script (files/lift.lua under LuaJIT)', () => {
  const calls: LuaCall[] = liftCases.map((liftCase) => ({ tag: TAG, sec: SEC, nsec: NSEC, record: liftCase.record }));
  const results = runLuaLift(calls);

  it('answers every record with code 1 and the timestamp it was given', () => {
    expect(results).toHaveLength(liftCases.length);
    for (const result of results) expect([result.code, result.timestamp]).toEqual([1, { sec: SEC, nsec: NSEC }]);
  });

  it.each(liftCases.map((liftCase, index) => [liftCase.name, index] as const))('%s', (_name, index) => {
    const liftCase = liftCases[index];
    if (liftCase === undefined) throw new Error(`no case ${index}`);
    expect(emptyArraysAsObjects(results[index]?.record)).toEqual(emptyArraysAsObjects(expectedDocument(liftCase)));
  });

  it('leaves the record table Fluent Bit passed in as it was', () => {
    results.forEach((result, index) => {
      expect(emptyArraysAsObjects(result.input), liftCases[index]?.name).toEqual(
        emptyArraysAsObjects(liftCases[index]?.record),
      );
    });
  });

  it('says how to install LuaJIT when it is missing', () => {
    expect(() => runLuaHarness([], [], 'luajit-not-installed')).toThrow(
      'luajit-not-installed is not on PATH: install LuaJIT and lua-cjson with `bash tools/lua/install.sh`',
    );
  });

  it('keeps a record it cannot lift as it came, with the reason under loglift.lift_error', () => {
    const record = { log: 'plain line', stream: 'stdout', kubernetes: { container_name: 'api' } };
    // A time beyond what an ISO date can express makes the engine raise.
    const [result] = runLuaLift([{ tag: TAG, sec: 1e13, nsec: 0, record }]);
    expect(result?.code).toBe(1);
    expect(result?.timestamp).toEqual({ sec: 1e13, nsec: 0 });
    expect(result?.record).toEqual({
      ...record,
      loglift: { lift_error: expect.stringContaining('time out of range') },
    });
  });
});
