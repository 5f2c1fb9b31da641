import { describe, expect, it } from 'vitest';
import { hostileRecords } from './hostileRecords.js';
import { type JoinedLine, MultilineJoiner } from './multilineJoiner.js';
import { fluentBitRegex, parserFromConfig, resolveParsers } from './multilineRules.js';

const pythonTraceback = parserFromConfig({
  name: 'python-traceback',
  type: 'regex',
  flush_timeout: 1000,
  rules: [
    { state: 'start_state', regex: '/^Traceback \\(most recent call last\\):$/', next_state: 'python' },
    { state: 'python', regex: '/^[\\t ]+File /', next_state: 'python_code' },
    { state: 'python_code', regex: '/[^\\t ]/', next_state: 'python' },
    { state: 'python', regex: '/^(?:[^\\s.():]+\\.)*[^\\s.():]+:/', next_state: 'python_end' },
    { state: 'python_end', regex: '/(?!)/', next_state: 'python_end' },
  ],
});

function join(parsers: string, lines: string[]): JoinedLine<number>[] {
  const out: JoinedLine<number>[] = [];
  const joiner = new MultilineJoiner<number>(resolveParsers(parsers, [pythonTraceback]), (joined) => out.push(joined));
  for (const [i, line] of lines.entries()) joiner.push(line, i, 0);
  joiner.flush();
  return out;
}

describe('MultilineJoiner', () => {
  it('joins each stack trace of the hostile app into one record and leaves other lines alone', () => {
    const records = hostileRecords();
    const out = join(
      'java, python-traceback, go',
      records.flatMap((r) => [...r.lines]),
    );
    expect(out.map((joined) => joined.text)).toEqual(records.map((r) => r.lines.join('\n')));
  });

  it('keeps the first line data of a group', () => {
    const out = join('java', ['java.lang.IllegalStateException: x', '\tat a.b(C.java:1)', 'next']);
    expect(out.map((j) => [j.first, j.lines])).toEqual([
      [0, 2],
      [2, 1],
    ]);
  });

  it('closes an open group after its flush timeout', () => {
    const out: JoinedLine<number>[] = [];
    const joiner = new MultilineJoiner<number>(resolveParsers('java', []), (joined) => out.push(joined));
    joiner.push('java.lang.Error: x', 0, 0);
    joiner.tick(1000);
    expect(out).toHaveLength(0);
    joiner.tick(4000);
    expect(out.map((j) => j.text)).toEqual(['java.lang.Error: x']);
  });

  it('names an unknown parser', () => {
    expect(() => resolveParsers('java, cobol', [])).toThrow(/"cobol"/);
    expect(fluentBitRegex('/^\\s+at /').test('    at x')).toBe(true);
  });
});
