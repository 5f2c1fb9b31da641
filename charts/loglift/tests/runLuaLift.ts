import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LIFT_SCRIPT_PATH } from '../scripts/liftScript.js';
import { chartDir } from '../scripts/tools.js';

/** One call of the lua filter: the tag, the record's time as time_as_table gives it, the record. */
export interface LuaCall {
  tag: string;
  sec: number;
  nsec: number;
  record: Record<string, unknown>;
}

/** What the callback returned, as Fluent Bit packs it back. */
export interface LuaResult {
  code: number;
  timestamp: { sec: number; nsec: number };
  record: Record<string, unknown>;
  /** The record table passed in, as it was after the call. */
  input: Record<string, unknown>;
}

const HARNESS = join(chartDir, 'tests', 'liftHarness.lua');
const INSTALL_HINT = 'install LuaJIT and lua-cjson with `bash tools/lua/install.sh`';

/**
 * Runs LuaJIT on the harness with the shipped lift.lua; `args` go after the script path.
 * `luajit` names the binary (looked up on PATH).
 */
export function runLuaHarness(calls: readonly LuaCall[], args: readonly string[] = [], luajit = 'luajit'): string {
  const result = spawnSync(luajit, [HARNESS, LIFT_SCRIPT_PATH, ...args], {
    input: JSON.stringify(calls),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing ? `${luajit} is not on PATH: ${INSTALL_HINT}` : `${luajit} could not run: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    const hint = result.stderr.includes("module 'cjson' not found") ? ` (${INSTALL_HINT})` : '';
    throw new Error(`luajit exited with ${result.status}${hint}:\n${result.stderr}`);
  }
  return result.stdout;
}

/** The shipped lift.lua run over each call, as Fluent Bit would. */
export function runLuaLift(calls: readonly LuaCall[]): LuaResult[] {
  return runLuaHarness(calls)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LuaResult);
}
