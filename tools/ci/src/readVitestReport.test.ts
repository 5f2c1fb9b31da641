import { describe, expect, it } from 'vitest';
import { readVitestReport } from './readVitestReport.js';

describe('readVitestReport', () => {
  it('counts passed and failed tests', () => {
    const json = JSON.stringify({
      numPassedTests: 7,
      numFailedTests: 2,
      testResults: [{ status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'failed' }] }],
    });
    expect(readVitestReport('a', json)).toEqual({ suite: 'a', passed: 7, failed: 2 });
  });

  it('counts a test file that failed to load as a failure', () => {
    const json = JSON.stringify({
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [{ status: 'failed', message: 'Cannot find module', assertionResults: [] }, { status: 'passed' }],
    });
    expect(readVitestReport('b', json)).toEqual({ suite: 'b', passed: 3, failed: 1 });
  });

  it('rejects a report without counts', () => {
    expect(() => readVitestReport('c', '{}')).toThrow(/numPassedTests/);
    expect(() => readVitestReport('c', 'nope')).toThrow(/not JSON/);
  });
});
