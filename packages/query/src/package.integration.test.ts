import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

const MAIN = `
import { compileDql, createClient, FieldCatalog, type LogHit, search, UnreachableError } from '@loglift/query';
const dsl = compileDql('level:error', { catalog: FieldCatalog.fromContract() });
const level = (hit: LogHit): string | undefined => hit.source.level;
const client = createClient({ url: 'http://127.0.0.1:9', maxRetries: 0 });
const failure = await search(client, { limit: 1 }).then((result) => result.hits.map(level), (error: unknown) => error);
console.log(JSON.stringify({ dsl, unreachable: failure instanceof UnreachableError }));
`;

describe('the packed tarball', () => {
  it('installs, typechecks and runs in a scratch project', () => {
    const out = mkdtempSync(join(tmpdir(), 'loglift-pack-'));
    run('npx', ['tsc', '--build', 'packages/query/tsconfig.lib.json'], root);
    for (const pkg of ['packages/log-schema', 'packages/query']) {
      run('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', out], join(root, pkg));
    }
    const tarballs = readdirSync(out).filter((file) => file.endsWith('.tgz'));
    expect(tarballs.sort()).toEqual(['loglift-log-schema-0.1.0.tgz', 'loglift-query-0.1.0.tgz']);
    const scratch = join(out, 'scratch');
    mkdirSync(scratch);
    writeFileSync(join(scratch, 'package.json'), '{ "name": "scratch", "private": true, "type": "module" }');
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, outDir: 'out', types: ['node'] },
      }),
    );
    writeFileSync(join(scratch, 'main.ts'), MAIN);
    run(
      'npm',
      [
        'install',
        '--no-fund',
        '--no-audit',
        ...tarballs.map((file) => join(out, file)),
        'typescript@5.9',
        '@types/node@20',
      ],
      scratch,
    );
    run('npx', ['tsc', '-p', '.'], scratch);
    const printed = JSON.parse(run('node', ['out/main.js'], scratch));
    expect(printed).toEqual({ dsl: { term: { level: 'error' } }, unreachable: true });
  }, 300_000);
});
