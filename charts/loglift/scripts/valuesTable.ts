import { isMap, isScalar, type Node, parseDocument, type YAMLMap } from 'yaml';

/** One documented value: a row of the README values table. */
export interface ValueDoc {
  key: string;
  type: string;
  default: unknown;
  description: string;
}

/** The helm-docs convention: `# -- text` right above a key, continued by further `# ` lines. */
export function helmDocsDescription(commentBefore: string | null | undefined): string | undefined {
  if (!commentBefore) return undefined;
  const lines = commentBefore.split('\n');
  const start = lines.findLastIndex((line) => /^\s?--(\s|$)/.test(line));
  if (start === -1) return undefined;
  return lines
    .slice(start)
    .map((line, i) => (i === 0 ? line.replace(/^\s?--\s?/, '') : line.replace(/^\s?/, '')))
    .join(' ')
    .trim();
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'string';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

function walk(map: YAMLMap, prefix: string, out: ValueDoc[], undocumented: string[]): void {
  map.items.forEach((pair, index) => {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const path = prefix ? `${prefix}.${key}` : key;
    const value = pair.value as Node | null;
    // The parser hangs the comment above a map's first key on the map node itself.
    const text = helmDocsDescription(keyNode.commentBefore ?? (index === 0 ? map.commentBefore : undefined));
    const plain = value ? value.toJSON() : null;
    if (text !== undefined) {
      out.push({ key: path, type: typeOf(plain), default: plain, description: text });
    } else if (isMap(value) && value.items.length > 0) {
      walk(value, path, out, undocumented);
    } else {
      undocumented.push(path);
    }
  });
}

/**
 * Every documented value of a values.yaml, in file order. A documented map is one row (its
 * children are not listed); an undocumented map is descended into. Throws on values that are
 * neither documented themselves nor inside a documented map, so the table cannot miss one.
 */
export function documentedValues(valuesYaml: string): ValueDoc[] {
  const doc = parseDocument(valuesYaml);
  if (doc.errors.length > 0) throw new Error(`values.yaml does not parse: ${doc.errors[0]?.message}`);
  if (!isMap(doc.contents)) throw new Error('values.yaml must be a map');
  const out: ValueDoc[] = [];
  const undocumented: string[] = [];
  walk(doc.contents, '', out, undocumented);
  if (undocumented.length > 0) {
    throw new Error(`values without a "# --" description: ${undocumented.join(', ')}`);
  }
  return out;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The markdown values table (Key, Type, Default, Description), like helm-docs renders it. */
export function valuesTable(valuesYaml: string): string {
  const rows = documentedValues(valuesYaml).map(
    (v) => `| ${v.key} | ${v.type} | \`${cell(JSON.stringify(v.default))}\` | ${cell(v.description)} |`,
  );
  return ['| Key | Type | Default | Description |', '|-----|------|---------|-------------|', ...rows].join('\n');
}

export const TABLE_START = '<!-- values-table:start -->';
export const TABLE_END = '<!-- values-table:end -->';

/** The README with the text between the table markers replaced; throws when the markers are missing. */
export function withValuesTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`README.md needs the markers ${TABLE_START} and ${TABLE_END} around the values table`);
  }
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

/**
 * Markdown with table cells trimmed and separator rows reduced to `---`, so a README whose table
 * a formatter has padded still compares equal to the generated one.
 */
export function normalizeTables(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line;
      const cells = line
        .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .map((cell) => (/^:?-+:?$/.test(cell) ? '---' : cell));
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n');
}

/** Whether the README's values table matches values.yaml, ignoring table padding. */
export function valuesTableInSync(readme: string, valuesYaml: string): boolean {
  return normalizeTables(withValuesTable(readme, valuesTable(valuesYaml))) === normalizeTables(readme);
}
