import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bulkCreate, createTestDataStream, type TestDataStream } from '@loglift/query/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogClient, testNode } from './testing/runBundle.js';
import { VERSION } from './version.js';

// Packs the CLI and the three published libraries as they would be published, installs the
// tarballs into one scratch project outside the workspace, and runs them from there.
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const LIBRARIES = ['packages/log-schema', 'packages/logger', 'packages/query'];
let scratch = '';
let bin = '';
/** Paths inside each tarball, by tarball name. */
const contents = new Map<string, string[]>();
let stream: TestDataStream | undefined;
const admin = adminLogClient();

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'loglift-cli-pack-'));
  const out = join(scratch, 'tarballs');
  for (const dir of LIBRARIES) await run(process.execPath, [tsc, '--build', join(root, dir, 'tsconfig.lib.json')]);
  for (const dir of [...LIBRARIES, 'apps/cli']) {
    await run('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', out], { cwd: join(root, dir) });
  }
  const tarballs = (await readdir(out)).sort();
  expect(tarballs).toEqual([
    'loglift-cli-0.1.0.tgz',
    'loglift-log-schema-0.1.0.tgz',
    'loglift-logger-0.1.0.tgz',
    'loglift-query-0.1.0.tgz',
  ]);
  for (const file of tarballs) {
    contents.set(file, (await run('tar', ['-tzf', join(out, file)])).stdout.trim().split('\n'));
  }
  const dependencies = Object.fromEntries(
    tarballs.map((file) => [`@loglift/${file.replace(/^loglift-|-0\.1\.0\.tgz$/g, '')}`, `file:${join(out, file)}`]),
  );
  await writeFile(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: scratch });
  bin = join(scratch, 'node_modules/.bin/loglift');
}, 600_000);

afterAll(async () => {
  await stream?.remove();
  await admin.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed CLI', () => {
  it('runs as loglift --version', async () => {
    const { stdout } = await run(bin, ['--version'], { cwd: scratch });
    expect(stdout.trim()).toBe(VERSION);
  });

  it('queries the test node', async () => {
    const node = testNode();
    stream = await createTestDataStream(admin, 'cli-pack');
    await bulkCreate(admin, stream.name, [{ '@timestamp': new Date().toISOString(), message: 'from the tarball' }]);
    const { stdout } = await run(bin, ['query', '--since', '1h', '-o', 'ndjson', '--index', stream.name], {
      cwd: scratch,
      env: {
        PATH: process.env.PATH,
        XDG_CONFIG_HOME: '/nonexistent',
        LOGLIFT_URL: node.url,
        LOGLIFT_USERNAME: node.username,
        LOGLIFT_PASSWORD: node.password,
        LOGLIFT_CA_FILE: node.caFile,
      },
    });
    expect(JSON.parse(stdout)).toMatchObject({ message: 'from the tarball' });
  });
});

// Test doubles, fixtures and tests stay in the workspace: `src/testing/`, `*.test.*`, the old
// `*.testing.*` convention, sources and build info never reach a tarball.
const TEST_CODE = /\.test\.|\.testing\.|\/testing\/|\/src\/|tsbuildinfo/;

describe('every published tarball', () => {
  it('contains no test code or sources', () => {
    expect(contents.size).toBe(4);
    for (const [tarball, files] of contents) {
      expect(files.length, tarball).toBeGreaterThan(1);
      expect(
        files.filter((file) => TEST_CODE.test(file)),
        tarball,
      ).toEqual([]);
    }
  });

  it('exports no test helpers: a ./testing entry point resolves only inside the workspace', async () => {
    for (const name of ['@loglift/log-schema', '@loglift/query']) {
      const script = `import(${JSON.stringify(`${name}/testing`)}).then(() => console.log('imported'), (e) => console.log(e.code))`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: scratch });
      expect(stdout.trim(), name).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    }
  });
});

describe('the packed libraries together', () => {
  it('import from one project', async () => {
    const script = `
      import { createLogger } from '@loglift/logger';
      import { createClient, parseDql } from '@loglift/query';
      import { LEVELS } from '@loglift/log-schema';
      console.log(JSON.stringify({ logger: typeof createLogger, client: typeof createClient, ast: parseDql('a:b').type, levels: LEVELS.length }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: scratch });
    expect(JSON.parse(stdout)).toEqual({ logger: 'function', client: 'function', ast: 'is', levels: 6 });
  });
});
