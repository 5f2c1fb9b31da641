import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/opensearch */
export const toolDir: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Root of the repository (two levels above tools/opensearch). */
export const repoRoot: string = path.resolve(toolDir, '..', '..');

/** Where artifacts, the unpacked distribution and per-start run folders live. */
export function cacheDir(): string {
  const fromEnv = process.env.LOGLIFT_OPENSEARCH_CACHE;
  return path.resolve(fromEnv !== undefined && fromEnv !== '' ? fromEnv : path.join(repoRoot, '.cache', 'opensearch'));
}

export interface Versions {
  /** OpenSearch version, e.g. 2.19.4 */
  opensearch: string;
  /** Version of the plugins built for it, e.g. 2.19.4.0 */
  plugin: string;
}

/** Reads tools/opensearch/versions.env (KEY=VALUE lines), shared with fetch.sh. */
export function readVersions(): Versions {
  const text = readFileSync(path.join(toolDir, 'versions.env'), 'utf8');
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) {
      values.set(match[1], match[2].trim());
    }
  }
  const opensearch = values.get('OPENSEARCH_VERSION');
  const plugin = values.get('PLUGIN_VERSION');
  if (opensearch === undefined || plugin === undefined) {
    throw new Error(`versions.env must define OPENSEARCH_VERSION and PLUGIN_VERSION`);
  }
  return { opensearch, plugin };
}
