import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const biome = createRequire(join(repoRoot, 'package.json')).resolve('@biomejs/biome/bin/biome');
const dirs: string[] = [];

interface Diagnostic {
  readonly category: string;
  readonly location: { readonly path: string };
}

/** Lints `files` in a scratch folder with the repository's own biome.json (extended, no VCS). */
function lint(files: Record<string, string>): { status: number | null; diagnostics: Diagnostic[] } {
  const dir = mkdtempSync(join(tmpdir(), 'loglift-cycle-'));
  dirs.push(dir);
  const config = { extends: [join(repoRoot, 'biome.json')], vcs: { enabled: false } };
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = spawnSync(process.execPath, [biome, 'lint', '--reporter=json', '--colors=off', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
  return { status: result.status, diagnostics: report.diagnostics };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// One-off process start-ups: generous timeouts, no dependence on how fast the machine is.
describe('the lint step and import cycles', () => {
  it('fails on two modules that import each other', { timeout: 120_000 }, () => {
    const { status, diagnostics } = lint({
      'a.ts': "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n",
      'b.ts': "import { a } from './a.ts';\nexport const b = (): number => (typeof a === 'function' ? 1 : 0);\n",
    });
    expect(status).not.toBe(0);
    const cycles = diagnostics.filter((d) => d.category === 'lint/suspicious/noImportCycles');
    expect(cycles.map((d) => d.location.path).sort()).toEqual(['a.ts', 'b.ts']);
  });

  it('passes the same modules when imports go one way', { timeout: 120_000 }, () => {
    const { status, diagnostics } = lint({
      'a.ts': "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n",
      'b.ts': 'export const b = (): number => 1;\n',
    });
    expect(diagnostics).toEqual([]);
    expect(status).toBe(0);
  });
});
