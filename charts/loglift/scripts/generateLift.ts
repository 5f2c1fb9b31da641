// Writes the lua filters' scripts (charts/loglift/files/lift.lua and noise.lua) from
// @loglift/log-schema and the engine in charts/loglift/lua/. `--check` only compares and exits 1
// on drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { generatedScripts } from './liftScript.js';

let drift = false;
for (const { path, text } of generatedScripts()) {
  const name = `files/${basename(path)}`;
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // absent: written below
  }
  if (current === text) {
    process.stdout.write(`${name} is up to date\n`);
  } else if (process.argv.includes('--check')) {
    process.stderr.write(`${name} is out of date: run \`npx nx run @loglift/chart:lift\`\n`);
    drift = true;
  } else {
    writeFileSync(path, text);
    process.stdout.write(`${name} written\n`);
  }
}
if (drift) process.exit(1);
