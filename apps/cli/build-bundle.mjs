// Builds the single-file CLI bundle the Docker image and `bin` run: dist/bundle/loglift.mjs.
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

const outfile = 'dist/bundle/loglift.mjs';
await build({
  entryPoints: ['src/bin.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  conditions: ['@loglift/source'],
  sourcemap: 'linked',
  legalComments: 'none',
  // The OpenSearch and AWS clients are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __loglift_createRequire } from 'node:module';\nconst require = __loglift_createRequire(import.meta.url);",
  },
});
await chmod(outfile, 0o755);
