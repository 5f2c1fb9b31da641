import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: builds dist/bundle/loglift.mjs once, so CLI tests run what ships. */
export default function setup(): void {
  execFileSync(process.execPath, ['build-bundle.mjs'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: 'inherit',
  });
}
