import { documentFields, valueAt, valueMatchesType } from '@loglift/log-schema';

/** Paths of contract fields present in a stored document whose value does not have the contract type. */
export function contractTypeViolations(source: unknown): string[] {
  return documentFields
    .filter((field) => {
      const value = valueAt(source, field.path);
      return value !== undefined && !valueMatchesType(value, field.type);
    })
    .map((field) => `${field.path} (${field.type}): ${JSON.stringify(valueAt(source, field.path))}`);
}

export { valueAt };
