// Builds the single-file bundles the Dockerfile copies: dist/bundle/main.mjs (the service) and
// dist/bundle/traffic.mjs (the traffic generator). Everything, including workspace packages and
// node_modules, is inlined so the image needs no node_modules.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outdir = join(projectRoot, 'dist', 'bundle');

// CommonJS dependencies (express, prom-client) call require() and use __dirname; ESM has neither.
const banner = [
  "import { createRequire as __loglift_createRequire } from 'node:module';",
  "import { fileURLToPath as __loglift_fileURLToPath } from 'node:url';",
  "import { dirname as __loglift_dirname } from 'node:path';",
  'const require = __loglift_createRequire(import.meta.url);',
  'const __filename = __loglift_fileURLToPath(import.meta.url);',
  'const __dirname = __loglift_dirname(__filename);',
].join('\n');

/** Writes main.mjs and traffic.mjs (with source maps) into `target`, replacing what was there. */
export async function bundle(target = outdir) {
  await rm(target, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: { main: 'src/main.ts', traffic: 'src/traffic.ts' },
    outdir: target,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Workspace packages resolve to their TypeScript source, as in tests.
    conditions: ['@loglift/source'],
    sourcemap: 'linked',
    legalComments: 'linked',
    banner: { js: banner },
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.mjs'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle();
}
