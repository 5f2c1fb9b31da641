import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectResults, formatSummary } from './summarize.js';

describe('collectResults', () => {
  it('adds every report in the folder into one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-'));
    writeFileSync(join(dir, 'vitest-logger.json'), JSON.stringify({ numPassedTests: 10, numFailedTests: 1 }));
    writeFileSync(join(dir, 'helm.junit.xml'), '<testsuites><testsuite><testcase name="a"/></testsuite></testsuites>');
    writeFileSync(join(dir, 'steps.tsv'), 'lint\t0\ntypecheck\t2\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const results = collectResults(dir);
    expect(formatSummary(results)).toBe('12 passed, 2 failed');
  });

  it('counts an unreadable report as a failed suite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-'));
    writeFileSync(join(dir, 'vitest-broken.json'), '{"truncated');
    expect(collectResults(dir)).toEqual([expect.objectContaining({ passed: 0, failed: 1 })]);
  });
});
