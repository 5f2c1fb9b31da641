/** One suite's outcome as the closing line counts it. */
export interface SuiteResult {
  readonly suite: string;
  readonly passed: number;
  readonly failed: number;
}

export function formatSummary(results: readonly SuiteResult[]): string {
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  return `${passed} passed, ${failed} failed`;
}
