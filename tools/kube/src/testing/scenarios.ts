import { readdirSync } from 'node:fs';
import path from 'node:path';
import { chartDir } from './paths.js';

/** The chart's ci/NN-<name>-values.yaml install scenarios, in order. */
export function scenarios(): string[] {
  return readdirSync(path.join(chartDir, 'ci'))
    .filter((file) => /^\d\d-[a-z0-9-]+-values\.yaml$/.test(file))
    .sort();
}

/** Absolute path of a scenario's values file. */
export function scenarioValues(file: string): string {
  return path.join(chartDir, 'ci', file);
}
