import type { SuiteResult } from './suiteResult.js';

interface GoTestEvent {
  readonly Action?: string;
  readonly Package?: string;
  readonly Test?: string;
}

/**
 * Counts a `go test -json` stream: every test and subtest that ends in `pass` or `fail`. A package
 * that fails with no failed test (a build error, a panic outside a test) counts as one failure.
 */
export function readGoTestReport(suite: string, text: string): SuiteResult {
  let passed = 0;
  let failed = 0;
  const packagesFailed = new Set<string>();
  const packagesWithFailedTests = new Set<string>();
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let event: GoTestEvent;
    try {
      event = JSON.parse(line) as GoTestEvent;
    } catch {
      throw new Error(`go test report line ${index + 1} is not JSON: ${JSON.stringify(line.slice(0, 80))}`);
    }
    const pkg = event.Package ?? '';
    if (event.Test === undefined) {
      if (event.Action === 'fail') packagesFailed.add(pkg);
      continue;
    }
    if (event.Action === 'pass') passed += 1;
    if (event.Action === 'fail') {
      failed += 1;
      packagesWithFailedTests.add(pkg);
    }
  }
  for (const pkg of packagesFailed) if (!packagesWithFailedTests.has(pkg)) failed += 1;
  return { suite, passed, failed };
}
