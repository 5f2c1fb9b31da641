import { ConfigError } from '../config/configError.js';
import { parseConfig } from '../config/loadConfig.js';

/** The smallest valid desired state; tests spread their own keys over it. */
export const MINIMAL_CONFIG = {
  apiVersion: 'loglift.io/v1',
  kind: 'BootstrapConfig',
  opensearch: { url: 'https://os:9200' },
} as const;

/** The problems `parseConfig` reports for `raw`; fails the test when `raw` is accepted. */
export function problemsOf(raw: unknown): readonly string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
