import type { FieldType } from './fieldTypes.js';

/**
 * Whether a JSON value has the shape a contract type promises: what the logger must write and
 * what a stored document must hold for the field to stay typed.
 */
export function valueMatchesType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof value === 'string';
    case 'long':
      return Number.isInteger(value);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'flat_object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** The value at a dotted path of nested objects, or undefined. */
export function valueAt(source: unknown, path: string): unknown {
  let value = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
