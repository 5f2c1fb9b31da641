import { readFileSync, writeFileSync } from 'node:fs';
import { contractFieldTable } from '@loglift/log-schema';
import { describe, expect, it } from 'vitest';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- contract-fields:start -->';
const END = '<!-- contract-fields:end -->';

/** Markdown tables compared without their padding, which the formatter owns. */
function normalize(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith('|') ? line.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---') : line))
    .join('\n');
}

describe('README', () => {
  it('documents the contract fields exactly as @loglift/log-schema defines them', () => {
    const text = readFileSync(README, 'utf8');
    const [before, rest] = text.split(START);
    const after = rest?.split(END)[1];
    expect(after, `README.md needs the ${START} and ${END} markers`).toBeDefined();
    const current = `${before}${START}\n${contractFieldTable()}\n${END}${after}`;
    // LOGLIFT_UPDATE_README=1 rewrites the table after a contract change.
    if (process.env.LOGLIFT_UPDATE_README === '1') {
      writeFileSync(README, current);
      return;
    }
    expect(normalize(text), 'the field table is stale: run the test with LOGLIFT_UPDATE_README=1').toBe(
      normalize(current),
    );
  });
});
