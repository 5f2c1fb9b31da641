import type { SuiteResult } from './suiteResult.js';

interface VitestJsonReport {
  numPassedTests?: unknown;
  numFailedTests?: unknown;
  numTotalTests?: unknown;
  numPendingTests?: unknown;
  numTodoTests?: unknown;
  testResults?: Array<{ status?: string; name?: string; assertionResults?: Array<{ status?: string }> }>;
}

/**
 * Counts a vitest JSON report. A test file that failed to load has no test cases but a
 * failed status; it counts as one failure so a broken import can never look green.
 */
export function readVitestReport(suite: string, json: string): SuiteResult {
  let report: VitestJsonReport;
  try {
    report = JSON.parse(json) as VitestJsonReport;
  } catch (error) {
    throw new Error(`vitest report for ${suite} is not JSON: ${(error as Error).message}`);
  }
  if (typeof report.numPassedTests !== 'number' || typeof report.numFailedTests !== 'number') {
    throw new Error(`vitest report for ${suite} lacks numPassedTests/numFailedTests`);
  }
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return { suite, passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
}
