// Writes charts/loglift/files/lift.lua (the lua filter's script) from @loglift/log-schema and the
// engine in charts/loglift/lua/. `--check` only compares and exits 1 on drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { LIFT_SCRIPT_PATH, liftScript } from './liftScript.js';

const wanted = liftScript();
let current = '';
try {
  current = readFileSync(LIFT_SCRIPT_PATH, 'utf8');
} catch {
  // absent: written below
}
if (current === wanted) {
  process.stdout.write('files/lift.lua is up to date\n');
} else if (process.argv.includes('--check')) {
  process.stderr.write('files/lift.lua is out of date: run `npx nx run @loglift/chart:lift`\n');
  process.exit(1);
} else {
  writeFileSync(LIFT_SCRIPT_PATH, wanted);
  process.stdout.write('files/lift.lua written\n');
}
