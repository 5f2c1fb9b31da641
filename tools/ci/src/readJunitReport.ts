import type { SuiteResult } from './suiteResult.js';

/**
 * Counts a JUnit XML report (helm-unittest writes one). Counting <testcase> elements and the
 * failures/errors inside them avoids trusting summary attributes some writers leave out.
 */
export function readJunitReport(suite: string, xml: string): SuiteResult {
  if (!/<testsuites?[\s>]/.test(xml)) {
    throw new Error(`JUnit report for ${suite} has no <testsuite> element`);
  }
  const cases = xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
  if (cases.length === 0) {
    // helm-unittest writes an empty report when a suite file or the chart path is broken.
    throw new Error(`JUnit report for ${suite} has no test cases`);
  }
  let failed = 0;
  let skipped = 0;
  for (const testCase of cases) {
    if (/<(failure|error)\b/.test(testCase)) failed += 1;
    else if (/<skipped\b/.test(testCase)) skipped += 1;
  }
  return { suite, passed: cases.length - failed - skipped, failed };
}
