import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGoTestReport } from './readGoTestReport.js';
import { readJunitReport } from './readJunitReport.js';
import { readStepResults } from './readStepResults.js';
import { readVitestReport } from './readVitestReport.js';
import { formatSummary, type SuiteResult } from './suiteResult.js';

/** Every suite result found in a report folder: vitest-*.json, *.junit.xml, *.gotest.jsonl and steps.tsv. */
export function collectResults(dir: string): SuiteResult[] {
  const results: SuiteResult[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    try {
      if (name.startsWith('vitest-') && name.endsWith('.json')) {
        results.push(readVitestReport(name.slice(7, -5), readFileSync(path, 'utf8')));
      } else if (name.endsWith('.junit.xml')) {
        results.push(readJunitReport(name.slice(0, -10), readFileSync(path, 'utf8')));
      } else if (name.endsWith('.gotest.jsonl')) {
        results.push(readGoTestReport(name.slice(0, -13), readFileSync(path, 'utf8')));
      }
    } catch (error) {
      // An unreadable report is a failed suite, never a silent zero.
      results.push({ suite: `${name} (${(error as Error).message})`, passed: 0, failed: 1 });
    }
  }
  const steps = join(dir, 'steps.tsv');
  if (existsSync(steps)) results.push(...readStepResults(readFileSync(steps, 'utf8')));
  return results;
}

export { formatSummary };
