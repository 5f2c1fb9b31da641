import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs @loglift/logger and @loglift/log-schema the way they would be published, installs both
// tarballs into a scratch project outside the workspace, and uses them from there.
const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const schemaDir = join(packageDir, '../log-schema');
const workspaceRoot = join(packageDir, '../..');
const tsc = join(workspaceRoot, 'node_modules/typescript/bin/tsc');
// One child process (node, or tsc loading the declarations) that takes seconds on a busy machine:
// the bound only catches a hang, it measures nothing.
const PROCESS_START_MS = 120_000;
let scratch = '';
let logger = '';
let files: string[] = [];

async function pack(dir: string, into: string): Promise<string> {
  await run(process.execPath, [tsc, '--build', join(dir, 'tsconfig.lib.json')], { cwd: dir });
  const { stdout } = await run('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', into], { cwd: dir });
  const tarball = stdout.trim().split('\n').at(-1) ?? '';
  expect(tarball).toMatch(/\.tgz$/);
  return tarball;
}

const usage = `
import { createLogger, httpLogger, serializeError, MERGE_KEY, LEVELS, parseTraceparent } from '@loglift/logger';
const lines = [];
const logger = createLogger({ service: { name: 'scratch' }, handleExit: false, destination: { write: (l) => lines.push(l) } });
logger.info({ password: 'x' }, 'hello');
logger.error(new Error('boom'));
console.log(JSON.stringify({
  records: lines.map((l) => JSON.parse(l)),
  mergeKey: MERGE_KEY,
  levels: LEVELS,
  middleware: typeof httpLogger({ logger }),
  error: serializeError('x'),
  trace: parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
}));
`;

const typed = `
import { createLogger, type Logger, type LoggerOptions, type LogRecord } from '@loglift/logger';
const options: LoggerOptions = { level: 'debug', handleExit: false };
const logger: Logger = createLogger(options);
const record: Partial<LogRecord> = { level: 'info', http: { response: { status_code: 200 } } };
logger.info(record, 'typed');
`;

describe('the packed package', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'loglift-logger-pack-'));
    const schema = await pack(schemaDir, scratch);
    logger = await pack(packageDir, scratch);
    files = (await run('tar', ['-tzf', logger])).stdout.trim().split('\n');
    await writeFile(
      join(scratch, 'package.json'),
      JSON.stringify({
        name: 'scratch',
        private: true,
        type: 'module',
        dependencies: { '@loglift/logger': `file:${logger}`, '@loglift/log-schema': `file:${schema}` },
      }),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: scratch });
  }, 180_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('ships built ESM with types and no sources or tests', () => {
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/README.md');
    expect(files.filter((file) => /\.test\.|\/testing\/|tsbuildinfo|\/src\//.test(file))).toEqual([]);
  });

  it('declares exports types-first and depends on the contract by version, not workspace', async () => {
    const manifest = JSON.parse(await readFile(join(scratch, 'node_modules/@loglift/logger/package.json'), 'utf8'));
    expect(manifest.type).toBe('module');
    expect(Object.keys(manifest.exports['.'])[0]).toBe('types');
    expect(manifest.dependencies['@loglift/log-schema']).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.dependencies).not.toHaveProperty('pino-http');
  });

  it(
    'imports and logs from a project outside the workspace',
    async () => {
      await writeFile(join(scratch, 'use.mjs'), usage);
      const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: scratch });
      const result = JSON.parse(stdout);
      expect(result.mergeKey).toBe('app');
      expect(result.levels).toContain('fatal');
      expect(result.middleware).toBe('function');
      expect(result.records[0]).toMatchObject({
        level: 'info',
        message: 'hello',
        password: '[Redacted]',
        service: { name: 'scratch' },
      });
      expect(result.records[1]).toMatchObject({ level: 'error', error: { type: 'Error', message: 'boom' } });
      expect(result.trace.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    },
    PROCESS_START_MS,
  );

  it(
    'type-checks a consumer against the published declarations',
    async () => {
      await writeFile(join(scratch, 'typed.mts'), typed);
      const args = [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--skipLibCheck',
        'false',
      ];
      const typeRoots = ['--typeRoots', join(workspaceRoot, 'node_modules/@types'), '--types', 'node'];
      await expect(
        run(process.execPath, [...args, ...typeRoots, 'typed.mts'], { cwd: scratch }),
      ).resolves.toBeDefined();
    },
    PROCESS_START_MS,
  );
});
