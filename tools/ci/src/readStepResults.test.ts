import { describe, expect, it } from 'vitest';
import { readStepResults } from './readStepResults.js';

describe('readStepResults', () => {
  it('turns each step exit code into one passed or failed check', () => {
    expect(readStepResults('lint\t0\nbuild helm\t1\n\n')).toEqual([
      { suite: 'lint', passed: 1, failed: 0 },
      { suite: 'build helm', passed: 0, failed: 1 },
    ]);
  });

  it('names the malformed line', () => {
    expect(() => readStepResults('lint 0')).toThrow(/line 1/);
  });
});
