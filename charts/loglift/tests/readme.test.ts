import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartDir } from '../scripts/tools.js';
import {
  documentedValues,
  normalizeTables,
  valuesTable,
  valuesTableInSync,
  withValuesTable,
} from '../scripts/valuesTable.js';

describe('the README values table', () => {
  it('is in sync with the # -- comments of values.yaml', () => {
    const readme = readFileSync(join(chartDir, 'README.md'), 'utf8');
    const values = readFileSync(join(chartDir, 'values.yaml'), 'utf8');
    expect(normalizeTables(readme), 'run `npx nx run @loglift/chart:readme`').toBe(
      normalizeTables(withValuesTable(readme, valuesTable(values))),
    );
  });

  it('notices a changed description or default', () => {
    const readme = readFileSync(join(chartDir, 'README.md'), 'utf8');
    const values = readFileSync(join(chartDir, 'values.yaml'), 'utf8');
    expect(valuesTableInSync(readme, values)).toBe(true);
    expect(valuesTableInSync(readme, values.replace('port: 9200', 'port: 9201'))).toBe(false);
    expect(valuesTableInSync(readme, values.replace('# -- Use HTTPS.', '# -- Use TLS.'))).toBe(false);
  });

  it('ignores the padding a formatter adds to table cells', () => {
    expect(normalizeTables('| a   | b |\n|-----|:--|\n| x \\| y | `1` |')).toBe(
      '| a | b |\n| --- | --- |\n| x \\| y | `1` |',
    );
  });

  it('lists documented values with type and default, in file order', () => {
    const yaml = [
      '# -- First.',
      'a: 1',
      'b:',
      '  # -- Nested,',
      '  # continued.',
      '  c: [x]',
      '  # -- A map.',
      '  d: {k: v}',
    ].join('\n');
    expect(documentedValues(yaml)).toEqual([
      { key: 'a', type: 'int', default: 1, description: 'First.' },
      { key: 'b.c', type: 'list', default: ['x'], description: 'Nested, continued.' },
      { key: 'b.d', type: 'object', default: { k: 'v' }, description: 'A map.' },
    ]);
    expect(valuesTable(yaml)).toContain('| b.d | object | `{"k":"v"}` | A map. |');
  });

  it('refuses values without a description', () => {
    expect(() => documentedValues('# -- Documented.\na: 1\nb:\n  c: 2\n')).toThrow(
      'values without a "# --" description: b.c',
    );
  });

  it('needs the table markers in the README', () => {
    expect(() => withValuesTable('# no markers', '| t |')).toThrow('values-table:start');
  });
});
