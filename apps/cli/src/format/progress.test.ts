import type { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

describe('Progress', () => {
  it('redraws one line with count and rate, and ends it with a newline', () => {
    const writes: string[] = [];
    const progress = new Progress({ write: (text: string) => writes.push(text) } as unknown as WriteStream);
    for (let i = 0; i < 1234; i += 1) progress.tick();
    progress.done();
    const clearLine = '\r\u001b[2K';
    expect(writes[0]?.startsWith(clearLine)).toBe(true);
    expect(writes[0]?.slice(clearLine.length)).toMatch(/^exported 1 documents \([\d,]+\/s\)$/);
    expect(writes.at(-2)?.slice(clearLine.length)).toMatch(/^exported 1,234 documents \([\d,]+\/s\)$/);
    expect(writes.at(-1)).toBe('\n');
  });
});
