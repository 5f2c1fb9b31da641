import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './configError.js';
import { type BootstrapConfig, bootstrapConfigSchema } from './schema.js';

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${path === '(root)' ? key : `${path}.${key}`}: unknown key`).join('\n  - ');
  }
  return `${path}: ${issue.message}`;
}

/** Validates an already parsed desired state. */
export function parseConfig(raw: unknown, source = '(inline)'): BootstrapConfig {
  const result = bootstrapConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(source, result.error.issues.map(formatIssue));
  return result.data;
}

/** Reads a YAML or JSON desired-state file (JSON is valid YAML) and validates it. */
export async function loadConfig(file: string): Promise<BootstrapConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read file: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(file, [`not valid YAML/JSON: ${(error as Error).message}`]);
  }
  return parseConfig(raw, file);
}
