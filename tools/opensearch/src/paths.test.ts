import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { traversableByOthers } from './paths.js';

describe('traversableByOthers', () => {
  it('is false when a parent folder is private, as with mktemp -d', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'paths-'));
    chmodSync(parent, 0o700);
    expect(traversableByOthers(path.join(parent, 'repo', '.cache', 'opensearch'))).toBe(false);
  });

  it('is true when every existing folder lets others pass', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'paths-'));
    chmodSync(parent, 0o755);
    mkdirSync(path.join(parent, 'repo'), { mode: 0o755 });
    chmodSync(path.join(parent, 'repo'), 0o755);
    expect(traversableByOthers(path.join(parent, 'repo', '.cache', 'opensearch'))).toBe(true);
  });
});
