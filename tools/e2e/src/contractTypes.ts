import { documentFields, type FieldType } from '@loglift/log-schema';

function valueAt(source: unknown, path: string): unknown {
  let value = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof value === 'string';
    case 'long':
      return Number.isInteger(value);
    case 'double':
      return typeof value === 'number';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'flat_object':
      return value !== null && typeof value === 'object';
  }
}

/** Paths of contract fields present in a stored document whose value does not have the contract type. */
export function contractTypeViolations(source: unknown): string[] {
  return documentFields
    .filter((field) => {
      const value = valueAt(source, field.path);
      return value !== undefined && !hasType(value, field.type);
    })
    .map((field) => `${field.path} (${field.type}): ${JSON.stringify(valueAt(source, field.path))}`);
}

export { valueAt };
