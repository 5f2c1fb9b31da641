import type { JsonChange } from './json/diffJson.js';
import type { PlannedObject } from './plan.js';

const SYMBOL = { create: '+', update: '~', unchanged: '=', skipped: '-' } as const;
const VERB = {
  plan: { create: 'create', update: 'update', unchanged: 'unchanged', skipped: 'skipped' },
  apply: { create: 'created', update: 'updated', unchanged: 'unchanged', skipped: 'skipped' },
} as const;

function value(json: unknown): string {
  const text = JSON.stringify(json);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function formatChange(change: JsonChange): string {
  const path = change.path === '' ? '(object)' : change.path;
  if (change.op === 'add') return `      + ${path}: ${value(change.to)}`;
  if (change.op === 'remove') return `      - ${path}: ${value(change.from)}`;
  return `      ~ ${path}: ${value(change.from)} -> ${value(change.to)}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

/** Human-readable plan or apply summary for stdout. */
export function formatResult(command: 'plan' | 'apply', objects: readonly PlannedObject[]): string {
  const lines: string[] = [];
  const width = Math.max(0, ...objects.map((object) => object.kind.length));
  for (const object of objects) {
    const head = `${SYMBOL[object.action]} ${VERB[command][object.action].padEnd(9)} ${object.kind.padEnd(width)}  ${object.name}`;
    lines.push(object.note ? `${head}  (${object.note})` : head);
    // A new object's full body is noise; updates show exactly what changes.
    if (object.action === 'update') lines.push(...object.changes.map(formatChange));
    if (object.document !== undefined) lines.push(indent(JSON.stringify(object.document, null, 2)));
  }
  const count = (action: PlannedObject['action']) => objects.filter((object) => object.action === action).length;
  const totals =
    command === 'plan'
      ? `Plan: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged, ${count('skipped')} skipped.`
      : `Applied: ${count('create')} created, ${count('update')} updated, ${count('unchanged')} unchanged, ${count('skipped')} skipped.`;
  lines.push(totals);
  return `${lines.join('\n')}\n`;
}
