import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
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

/**
 * Runs this project's `bundles` target, which depends on the `bundle` target of every app it
 * declares (package.json `nx.implicitDependencies`); Nx's cache makes an unchanged app free.
 */
export async function buildBundles(): Promise<void> {
  // nx is a workspace-root tool, so it resolves from the root's package.json.
  const nx = createRequire(join(repoRoot, 'package.json')).resolve('nx/bin/nx.js');
  await run(process.execPath, [nx, 'run', '@loglift/e2e:bundles', '--outputStyle=stream'], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(
      `building the app bundles (nx run @loglift/e2e:bundles) failed: ${error.stdout ?? ''}${error.stderr ?? String(error)}`,
    );
  });
}
