// Builds dist/bundle/bootstrap.mjs: one ESM file with every dependency, run with plain `node`.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist/bundle/bootstrap.mjs');
await mkdir(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, 'src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@loglift/source'],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __loglift_createRequire } from 'node:module'; const require = __loglift_createRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
process.stdout.write(`${outfile}\n`);
