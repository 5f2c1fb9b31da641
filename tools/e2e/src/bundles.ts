import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repoRoot.js';

const run = promisify(execFile);

/** The single-file bundles the images run; the pipeline runs the same files with plain node. */
export const bundles = {
  taskService: join(repoRoot, 'apps/task-service/dist/bundle/main.mjs'),
  traffic: join(repoRoot, 'apps/task-service/dist/bundle/traffic.mjs'),
  bootstrap: join(repoRoot, 'apps/bootstrap/dist/bundle/bootstrap.mjs'),
  cli: join(repoRoot, 'apps/cli/dist/bundle/loglift.mjs'),
} as const;

const builders: readonly { readonly cwd: string; readonly script: string }[] = [
  { cwd: 'apps/task-service', script: 'scripts/bundle.mjs' },
  { cwd: 'apps/bootstrap', script: 'scripts/bundle.mjs' },
  { cwd: 'apps/cli', script: 'build-bundle.mjs' },
];

/** Rebuilds the task-service, bootstrap and CLI bundles from the current source (esbuild, seconds). */
export async function buildBundles(): Promise<void> {
  await Promise.all(
    builders.map(({ cwd, script }) =>
      run(process.execPath, [script], { cwd: join(repoRoot, cwd) }).catch((error: { stderr?: string }) => {
        throw new Error(`building ${cwd} (${script}) failed: ${error.stderr ?? String(error)}`);
      }),
    ),
  );
}
