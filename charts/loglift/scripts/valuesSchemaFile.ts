import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildValuesSchema } from './buildValuesSchema.js';
import { schemaJson } from './schemaJson.js';
import { parseSchemaOverrides } from './schemaOverrides.js';
import { chartDir } from './tools.js';

export const VALUES_SCHEMA_PATH = join(chartDir, 'values.schema.json');
export const SCHEMA_OVERRIDES_PATH = join(chartDir, 'schema', 'overrides.yaml');

/** The text of values.schema.json as the generator writes it from values.yaml and the overrides. */
export function valuesSchemaText(
  valuesYaml = readFileSync(join(chartDir, 'values.yaml'), 'utf8'),
  overridesYaml = readFileSync(SCHEMA_OVERRIDES_PATH, 'utf8'),
): string {
  return schemaJson(buildValuesSchema(valuesYaml, parseSchemaOverrides(overridesYaml)));
}
