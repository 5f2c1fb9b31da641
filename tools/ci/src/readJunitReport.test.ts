import { describe, expect, it } from 'vitest';
import { readJunitReport } from './readJunitReport.js';

describe('readJunitReport', () => {
  it('counts test cases and those with failures or errors', () => {
    const xml = `<?xml version="1.0"?>
<testsuites><testsuite name="s" tests="4">
  <testcase name="ok one"></testcase>
  <testcase name="ok two"/>
  <testcase name="bad"><failure message="x">boom</failure></testcase>
  <testcase name="err"><error message="y"/></testcase>
</testsuite></testsuites>`;
    expect(readJunitReport('helm', xml)).toEqual({ suite: 'helm', passed: 2, failed: 2 });
  });

  it('counts skipped test cases as neither passed nor failed', () => {
    const xml =
      '<testsuites><testsuite><testcase name="a"/><testcase name="b"><skipped message="later"/></testcase></testsuite></testsuites>';
    expect(readJunitReport('helm', xml)).toEqual({ suite: 'helm', passed: 1, failed: 0 });
  });

  it('rejects an empty report, which is what a broken suite file produces', () => {
    expect(() => readJunitReport('helm', '<testsuites></testsuites>')).toThrow(/no test cases/);
  });

  it('rejects text that is not a JUnit report', () => {
    expect(() => readJunitReport('helm', '<html></html>')).toThrow(/no <testsuite>/);
  });
});
