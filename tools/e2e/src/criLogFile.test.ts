import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CriFileReader } from './criFileReader.js';
import { parseCriLine, timestampFromCri } from './criLine.js';
import { CRI_MAX_LINE_BYTES, CriLogFile, criLines, rfc3339Nano } from './criLogFile.js';

describe('CRI log format', () => {
  it('formats time like Go RFC3339Nano, trailing zeros trimmed', () => {
    const date = new Date('2026-01-02T03:04:05.120Z');
    expect(rfc3339Nano(date)).toBe('2026-01-02T03:04:05.12Z');
    expect(rfc3339Nano(date, 5)).toBe('2026-01-02T03:04:05.120000005Z');
    expect(rfc3339Nano(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05Z');
  });

  it('splits a line longer than 16 KiB into P pieces and a final F, like containerd', () => {
    const text = 'a'.repeat(CRI_MAX_LINE_BYTES * 2 + 10);
    const lines = criLines('2026-01-02T03:04:05Z', 'stdout', text).map((line) => parseCriLine(line.subarray(0, -1)));
    expect(lines.map((line) => line?.tag)).toEqual(['P', 'P', 'F']);
    expect(lines.map((line) => line?.content.length)).toEqual([CRI_MAX_LINE_BYTES, CRI_MAX_LINE_BYTES, 10]);
  });

  it('writes an empty line as one empty F line', () => {
    const [line] = criLines('2026-01-02T03:04:05Z', 'stderr', '');
    expect(line?.toString()).toBe('2026-01-02T03:04:05Z stderr F \n');
  });

  it('reads back what was written, partial lines joined and byte-exact across UTF-8 boundaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cri-'));
    const file = new CriLogFile(join(dir, 'x.log'));
    const long = `${'é'.repeat(CRI_MAX_LINE_BYTES)}end`;
    file.write('stdout', 'first');
    file.write('stderr', long);
    file.write('stdout', 'last');
    file.close();
    const entries = new CriFileReader(join(dir, 'x.log')).read();
    expect(entries.map((e) => [e.head.stream, e.content.toString('utf8')])).toEqual([
      ['stdout', 'first'],
      ['stderr', long],
      ['stdout', 'last'],
    ]);
    expect(readFileSync(join(dir, 'x.log'), 'utf8').split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('keeps an incomplete last line for the next read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cri-'));
    const path = join(dir, 'y.log');
    const file = new CriLogFile(path);
    file.write('stdout', 'one');
    const reader = new CriFileReader(path);
    expect(reader.read()).toHaveLength(1);
    expect(reader.read()).toHaveLength(0);
    file.write('stdout', 'two');
    expect(reader.read().map((e) => e.content.toString())).toEqual(['two']);
  });

  it('rejects malformed lines and truncates @timestamp to milliseconds', () => {
    expect(parseCriLine(Buffer.from('not a cri line'))).toBeUndefined();
    expect(parseCriLine(Buffer.from('2026-01-02T03:04:05Z stdin F x'))).toBeUndefined();
    expect(timestampFromCri('2026-01-02T03:04:05.123987654Z')).toBe('2026-01-02T03:04:05.123Z');
    expect(timestampFromCri('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05.000Z');
  });
});
