import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { info } from './log.js';
import { cacheDir, readVersions, toolDir } from './paths.js';

export interface Artifacts {
  version: string;
  /** integ-test-zip distribution of OpenSearch */
  distribution: string;
  /** plugin zips, in install order (job-scheduler before the plugins that extend it) */
  plugins: string[];
}

function artifactsDir(): string {
  return path.join(cacheDir(), 'artifacts');
}

function present(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

async function runFetchScript(): Promise<void> {
  const script = path.join(toolDir, 'fetch.sh');
  const started = Date.now();
  info(`fetching artifacts with Maven (${script})`);
  await new Promise<void>((resolve, reject) => {
    // fetch.sh keeps stdout empty; anything it prints goes to our stderr.
    const child = spawn('bash', [script], {
      stdio: ['ignore', 2, 2],
      env: { ...process.env, LOGLIFT_OPENSEARCH_CACHE: cacheDir() },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`fetch.sh failed (${signal ?? `exit code ${String(code)}`})`));
    });
  });
  info(`artifacts fetched in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Extra plugin zips from LOGLIFT_OPENSEARCH_EXTRA_PLUGINS (comma-separated paths). */
function extraPlugins(): string[] {
  const raw = process.env.LOGLIFT_OPENSEARCH_EXTRA_PLUGINS ?? '';
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => path.resolve(entry));
}

/**
 * Makes sure the artifacts are in .cache/opensearch/artifacts, running fetch.sh
 * only when one of the required files is missing.
 */
export async function ensureArtifacts(): Promise<Artifacts> {
  const versions = readVersions();
  const dir = artifactsDir();
  const distribution = path.join(dir, `opensearch-${versions.opensearch}.zip`);
  const jobScheduler = path.join(dir, `opensearch-job-scheduler-${versions.plugin}.zip`);
  const security = path.join(dir, `opensearch-security-${versions.plugin}.zip`);
  if (![distribution, jobScheduler, security].every(present)) {
    await runFetchScript();
  }
  for (const file of [distribution, jobScheduler, security]) {
    if (!present(file)) throw new Error(`artifact missing after fetch.sh: ${file}`);
  }
  const plugins = [jobScheduler, security];
  // Not on Maven Central; installed when someone put the zip into the artifacts folder.
  const indexManagement = path.join(dir, `opensearch-index-management-${versions.plugin}.zip`);
  if (present(indexManagement)) plugins.push(indexManagement);
  for (const extra of extraPlugins()) {
    if (!present(extra)) throw new Error(`LOGLIFT_OPENSEARCH_EXTRA_PLUGINS: no such file: ${extra}`);
    plugins.push(extra);
  }
  return { version: versions.opensearch, distribution, plugins };
}
