import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/opensearch */
export const toolDir: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Root of the repository (two levels above tools/opensearch). */
export const repoRoot: string = path.resolve(toolDir, '..', '..');

/**
 * Where artifacts, the unpacked distribution and per-start run folders live: the repository's
 * git-ignored .cache, unless the node must run as another user (we are root) and that user cannot
 * reach it, as in a clone under a private `mktemp -d` folder. Then a folder under /var/tmp, one
 * per checkout, keeps the node's files reachable and still cached between runs.
 */
export function cacheDir(): string {
  const fromEnv = process.env.LOGLIFT_OPENSEARCH_CACHE;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  const inRepo = path.join(repoRoot, '.cache', 'opensearch');
  if (process.getuid?.() !== 0 || traversableByOthers(inRepo)) return inRepo;
  const checkout = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
  return path.join('/var/tmp', 'loglift-opensearch', checkout);
}

/** True when every existing folder on the way to `dir` lets other users pass through it. */
export function traversableByOthers(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
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
