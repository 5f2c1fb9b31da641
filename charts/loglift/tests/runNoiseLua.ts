import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIFT_SCRIPT_PATH } from '../scripts/liftScript.js';
import { chartDir } from '../scripts/tools.js';
import { find, render } from './render.js';

/** One container log line as it leaves the kubernetes filter, and what the noise clock says then. */
export interface NoiseLine {
  tag: string;
  sec: number;
  nsec: number;
  now: number;
  record: Record<string, unknown>;
}

/** What became of a line: dropped by a noise filter, or the records the limit filter let out. */
export type NoiseResult = { dropped: 'select' | 'probe' } | { records: Record<string, unknown>[] };

const HARNESS = join(chartDir, 'tests', 'noiseHarness.lua');

/** noise.lua exactly as the chart's ConfigMap ships it for these values, in a temporary file. */
export function renderedNoiseScript(set: Record<string, unknown>): string {
  const configMap = find(render({ values: ['ci/00-defaults-values.yaml'], set }), 'ConfigMap', '-fluent-bit');
  const script = (configMap.data as Record<string, string>)['noise.lua'];
  if (script === undefined) throw new Error('the Fluent Bit ConfigMap has no noise.lua');
  const path = join(mkdtempSync(join(tmpdir(), 'loglift-noise-')), 'noise.lua');
  writeFileSync(path, script);
  return path;
}

/** Runs the lines through the noise select filter, the lift and the noise limit filter (LuaJIT). */
export function runNoise(noiseScript: string, lines: readonly NoiseLine[]): NoiseResult[] {
  const result = spawnSync('luajit', [HARNESS, LIFT_SCRIPT_PATH, noiseScript], {
    input: JSON.stringify({ lines }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw new Error(`luajit could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`luajit exited with ${result.status}:\n${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as NoiseResult);
}
