import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/configError.js';
import type { BootstrapConfig } from '../config/schema.js';
import { parseNdjson } from './parseNdjson.js';

/**
 * Reads and parses every `dashboards.savedObjectsFiles` entry before anything is sent, so a
 * missing file or a bad line is an invalid config (exit 2) rather than a failure halfway through.
 */
export async function checkSavedObjectsFiles(config: BootstrapConfig): Promise<void> {
  const problems: string[] = [];
  for (const [index, file] of (config.dashboards?.savedObjectsFiles ?? []).entries()) {
    try {
      parseNdjson(await readFile(file, 'utf8'), file);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${file} does not exist` : (error as Error).message;
      problems.push(`dashboards.savedObjectsFiles.${index}: ${reason}`);
    }
  }
  if (problems.length > 0) throw new ConfigError('dashboards.savedObjectsFiles', problems);
}
