// Lift cost per record, side by side: the Lua lift (files/lift.lua under LuaJIT, as Fluent Bit's
// lua filter runs it) and liftRecord of @loglift/log-schema (Node), over the records of the lift
// case table repeated. Both time CPU work only, after a warm-up; records are prepared before.
import { cpuUsage } from 'node:process';
import { liftRecord } from '@loglift/log-schema';
import { liftCases, RECORD_MILLIS } from '@loglift/log-schema/testing';
import { runLuaHarness } from '../tests/runLuaLift.js';

const RECORDS = Number(process.env.LOGLIFT_BENCH_RECORDS ?? 200_000);
if (!Number.isInteger(RECORDS) || RECORDS < 1) {
  throw new Error(`LOGLIFT_BENCH_RECORDS must be a positive integer, got ${process.env.LOGLIFT_BENCH_RECORDS}`);
}
const records = liftCases.map((liftCase) => liftCase.record);
const sec = Math.floor(RECORD_MILLIS / 1000);
const nsec = (RECORD_MILLIS % 1000) * 1e6;

function typeScriptSeconds(): number {
  for (let n = 0; n < Math.min(RECORDS, 20_000); n += 1) liftRecord(records[n % records.length] ?? {}, RECORD_MILLIS);
  const started = cpuUsage();
  for (let n = 0; n < RECORDS; n += 1) liftRecord(records[n % records.length] ?? {}, RECORD_MILLIS);
  const used = cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

function luaSeconds(): number {
  const calls = records.map((record) => ({ tag: 'kube.bench', sec, nsec, record }));
  const report = JSON.parse(runLuaHarness(calls, [String(RECORDS)])) as { records: number; seconds: number };
  if (report.records !== RECORDS) throw new Error(`the Lua harness timed ${report.records} records, not ${RECORDS}`);
  return report.seconds;
}

const lua = luaSeconds();
const typeScript = typeScriptSeconds();
const perRecord = (seconds: number) => `${((seconds / RECORDS) * 1e6).toFixed(2)} µs/record`;
const rows: [string, string][] = [
  ['Lua (files/lift.lua, LuaJIT)', perRecord(lua)],
  [`TypeScript (liftRecord, Node ${process.versions.node})`, perRecord(typeScript)],
  ['Lua / TypeScript', `${(lua / typeScript).toFixed(2)}x`],
];
const width = Math.max(...rows.map(([label]) => label.length)) + 2;
process.stdout.write(
  `lift cost per record: ${RECORDS} records, round robin over ${records.length} lift cases (CPU time)\n${rows
    .map(([label, value]) => `  ${label.padEnd(width)}${value}\n`)
    .join('')}`,
);
