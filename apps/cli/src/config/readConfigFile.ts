import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../usageError.js';

/** One named connection in the config file; every key is optional and flags/env win over it. */
export interface ContextConfig {
  url?: string;
  auth?: 'basic' | 'aws-sigv4' | 'none';
  username?: string;
  password?: string;
  /** Name of an environment variable holding the password, to keep secrets out of the file. */
  passwordEnv?: string;
  caFile?: string;
  insecure?: boolean;
  awsRegion?: string;
  awsService?: 'es' | 'aoss';
  index?: string;
  timezone?: string;
}

export interface ConfigFile {
  currentContext?: string;
  contexts: Record<string, ContextConfig>;
}

const CONTEXT_KEYS = new Set([
  'url',
  'auth',
  'username',
  'password',
  'passwordEnv',
  'caFile',
  'insecure',
  'awsRegion',
  'awsService',
  'index',
  'timezone',
]);

export function defaultConfigPath(env: NodeJS.ProcessEnv): string {
  return env.LOGLIFT_CONFIG ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'loglift', 'config.yaml');
}

/** Reads the config file; a missing default file is an empty config, a missing explicit one an error. */
export function readConfigFile(path: string, explicit: boolean): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return { contexts: {} };
    throw new UsageError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid YAML: ${(error as Error).message}`);
  }
  return validate(data ?? {}, path);
}

function validate(data: unknown, path: string): ConfigFile {
  if (typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`config file ${path} must be a mapping`);
  const { currentContext, contexts = {}, ...rest } = data as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw new UsageError(`config file ${path}: unknown key "${unknown[0]}" (expected currentContext, contexts)`);
  }
  if (currentContext !== undefined && typeof currentContext !== 'string') {
    throw new UsageError(`config file ${path}: currentContext must be a string`);
  }
  if (typeof contexts !== 'object' || contexts === null || Array.isArray(contexts)) {
    throw new UsageError(`config file ${path}: contexts must be a mapping of name to settings`);
  }
  for (const [name, context] of Object.entries(contexts)) {
    if (typeof context !== 'object' || context === null) {
      throw new UsageError(`config file ${path}: context "${name}" must be a mapping`);
    }
    for (const key of Object.keys(context)) {
      if (!CONTEXT_KEYS.has(key)) {
        throw new UsageError(`config file ${path}: context "${name}" has unknown key "${key}"`);
      }
    }
  }
  return { ...(currentContext ? { currentContext } : {}), contexts: contexts as Record<string, ContextConfig> };
}
