import { describe, expect, it } from 'vitest';
import { readGoTestReport } from './readGoTestReport.js';

const event = (fields: Record<string, string>) => JSON.stringify({ Package: 'loglift/kube-validate', ...fields });

describe('readGoTestReport', () => {
  it('counts passed and failed tests and subtests, not output or skips', () => {
    const text = [
      event({ Action: 'run', Test: 'TestA' }),
      event({ Action: 'output', Test: 'TestA', Output: 'ok\n' }),
      event({ Action: 'pass', Test: 'TestA' }),
      event({ Action: 'pass', Test: 'TestB/sub' }),
      event({ Action: 'fail', Test: 'TestB' }),
      event({ Action: 'skip', Test: 'TestC' }),
      event({ Action: 'fail' }),
    ].join('\n');
    expect(readGoTestReport('kube-validate', text)).toEqual({ suite: 'kube-validate', passed: 2, failed: 1 });
  });

  it('counts a package that fails without a failed test (a build error) as one failure', () => {
    const text = `${event({ Action: 'output', Output: 'undefined: x\n' })}\n${event({ Action: 'fail' })}\n`;
    expect(readGoTestReport('kube-validate', text)).toEqual({ suite: 'kube-validate', passed: 0, failed: 1 });
  });

  it('names the line that is not JSON', () => {
    expect(() => readGoTestReport('kube-validate', 'FAIL build failed')).toThrow(/line 1 is not JSON/);
  });
});
