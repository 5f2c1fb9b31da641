// Regenerates the values table of charts/loglift/README.md from the `# --` comments of values.yaml.
// `--check` only compares and exits 1 on drift. Table padding (added by the formatter) is ignored.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartDir } from './tools.js';
import { valuesTable, valuesTableInSync, withValuesTable } from './valuesTable.js';

const readmePath = join(chartDir, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const values = readFileSync(join(chartDir, 'values.yaml'), 'utf8');

if (valuesTableInSync(readme, values)) {
  process.stdout.write('README.md values table is up to date\n');
} else if (process.argv.includes('--check')) {
  process.stderr.write('README.md values table is out of date: run `npx nx run @loglift/chart:readme`\n');
  process.exit(1);
} else {
  writeFileSync(readmePath, withValuesTable(readme, valuesTable(values)));
  process.stdout.write('README.md values table updated\n');
}
