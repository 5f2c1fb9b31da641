import type { SuiteResult } from './suiteResult.js';

/**
 * Reads the steps file the test script appends to: `<suite>\t<exit code>` per line, for checks
 * that are not test runners (lint, typecheck, tool builds) and count as one test each.
 */
export function readStepResults(text: string): SuiteResult[] {
  const results: SuiteResult[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const [suite, code] = line.split('\t');
    if (!suite || code === undefined || !/^\d+$/.test(code)) {
      throw new Error(`steps file line ${index + 1} is not "<suite>\\t<exit code>": ${JSON.stringify(line)}`);
    }
    const ok = code === '0';
    results.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  }
  return results;
}
