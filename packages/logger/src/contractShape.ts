import { appFields, type FieldType } from '@loglift/log-schema';
import { isPlainObject } from './isPlainObject.js';
import { copyRecord } from './mergeObjects.js';

type ShapeNode = { type: FieldType } | { children: Map<string, ShapeNode> };

// Fields the logger itself owns at the top level; they never come from a log call's object.
const OWN_FIELDS = new Set(['time', 'level', 'message']);

function buildTree(): Map<string, ShapeNode> {
  const root = new Map<string, ShapeNode>();
  for (const field of appFields) {
    if (OWN_FIELDS.has(field.path)) continue;
    const parts = field.path.split('.');
    let level = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) {
        level.set(part, { type: field.type });
        return;
      }
      let next = level.get(part);
      if (!next || !('children' in next)) {
        next = { children: new Map() };
        level.set(part, next);
      }
      level = next.children;
    });
  }
  return root;
}

/** The contract's app fields as a tree, e.g. http -> response -> status_code: long. */
export const CONTRACT_TREE = buildTree();

function fitsLeaf(type: FieldType, value: unknown): boolean {
  if (value === null) return true;
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'long':
      return Number.isInteger(value);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' || typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'flat_object':
      return isPlainObject(value);
  }
}

/** Key a value that does not fit the contract's type is moved to, e.g. `service` -> `service_`. */
export function misfitKey(key: string): string {
  return `${key}_`;
}

/**
 * Makes a record's contract fields match their mapped types, so OpenSearch never rejects the
 * document (a string where `service` is an object, text in `http.response.status_code`, ...).
 * A value that does not fit keeps its name with a trailing underscore. Returns the input when
 * nothing needed changing.
 */
export function conformToContract(
  record: Record<string, unknown>,
  tree: Map<string, ShapeNode> = CONTRACT_TREE,
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in record) {
    const node = tree.get(key);
    if (node === undefined) continue;
    const value = record[key];
    if (value === undefined) continue;
    let fixed: unknown = value;
    let misfit = false;
    if ('type' in node) {
      misfit = !fitsLeaf(node.type, value);
    } else if (isPlainObject(value)) {
      fixed = conformToContract(value, node.children);
    } else {
      misfit = value !== null;
    }
    if (!misfit && fixed === value) continue;
    out ??= copyRecord(record);
    if (misfit) {
      delete out[key];
      out[misfitKey(key)] = value;
    } else {
      out[key] = fixed;
    }
  }
  return out ?? record;
}
