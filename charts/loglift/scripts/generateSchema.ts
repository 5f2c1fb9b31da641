// Writes charts/loglift/values.schema.json from values.yaml (structure, types, `# --` descriptions)
// and schema/overrides.yaml (rules). `--check` only compares and exits 1 on drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { VALUES_SCHEMA_PATH, valuesSchemaText } from './valuesSchemaFile.js';

const wanted = valuesSchemaText();
let current = '';
try {
  current = readFileSync(VALUES_SCHEMA_PATH, 'utf8');
} catch {
  // absent: written below
}
if (current === wanted) {
  process.stdout.write('values.schema.json is up to date\n');
} else if (process.argv.includes('--check')) {
  process.stderr.write('values.schema.json is out of date: run `npx nx run @loglift/chart:schema`\n');
  process.exit(1);
} else {
  writeFileSync(VALUES_SCHEMA_PATH, wanted);
  process.stdout.write('values.schema.json written\n');
}
