import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Artifacts } from './artifacts.js';
import { execChecked, execCollect } from './exec.js';
import { info } from './log.js';
import { cacheDir } from './paths.js';

export interface Distribution {
  /** OPENSEARCH_HOME of the unpacked, configured distribution */
  home: string;
  version: string;
  adminPassword: string;
  /** names of the installed plugins */
  plugins: string[];
}

interface Marker {
  fingerprint: string;
  version: string;
  adminPassword: string;
  plugins: string[];
}

const MARKER = '.loglift-dist.json';

function fingerprintOf(artifacts: Artifacts): string {
  return [artifacts.distribution, ...artifacts.plugins]
    .map((file) => `${path.basename(file)}:${String(statSync(file).size)}`)
    .join(',');
}

function readMarker(home: string): Marker | undefined {
  try {
    return JSON.parse(readFileSync(path.join(home, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

/** Strong enough for the security plugin's password check (zxcvbn "strong", all character classes). */
function generatePassword(): string {
  return `Ll-${randomBytes(12).toString('hex')}-Os9!`;
}

async function unzip(zip: string, into: string): Promise<void> {
  const viaUnzip = await execCollect('unzip', ['-q', zip, '-d', into]).catch(() => undefined);
  if (viaUnzip?.code === 0) return;
  // Fallback without the unzip binary: Python's zipfile does not keep modes, so restore them.
  await execChecked('python3', ['-m', 'zipfile', '-e', zip, into]);
  await execChecked('bash', ['-c', 'chmod -R u+rwX,go+rX "$1" && chmod +x "$1"/*/bin/*', 'bash', into]);
}

async function build(artifacts: Artifacts, javaHome: string, target: string, fingerprint: string): Promise<Marker> {
  const cache = cacheDir();
  const staging = path.join(cache, `.dist-staging-${String(process.pid)}-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging, { recursive: true });
  try {
    await unzip(artifacts.distribution, staging);
    const home = path.join(staging, `opensearch-${artifacts.version}`);
    if (!existsSync(path.join(home, 'bin', 'opensearch'))) {
      throw new Error(
        `unexpected layout of ${artifacts.distribution}: no opensearch-${artifacts.version}/bin/opensearch`,
      );
    }
    const env = { ...process.env, OPENSEARCH_JAVA_HOME: javaHome, OPENSEARCH_PATH_CONF: path.join(home, 'config') };
    for (const plugin of artifacts.plugins) {
      info(`installing plugin ${path.basename(plugin)}`);
      await execChecked(path.join(home, 'bin', 'opensearch-plugin'), ['install', '--batch', `file://${plugin}`], {
        cwd: home,
        env,
      });
    }
    const adminPassword = generatePassword();
    // Demo TLS certificates (root CA, node and admin certificate) and the admin password hash;
    // works offline. opensearch.yml of each run is written by startOpenSearch, not taken from here.
    await execChecked(
      'bash',
      [path.join(home, 'plugins', 'opensearch-security', 'tools', 'install_demo_configuration.sh'), '-y', '-i', '-s'],
      { cwd: home, env: { ...env, OPENSEARCH_INITIAL_ADMIN_PASSWORD: adminPassword } },
    );
    for (const file of ['root-ca.pem', 'esnode.pem', 'esnode-key.pem', 'kirk.pem', 'kirk-key.pem']) {
      if (!existsSync(path.join(home, 'config', file))) {
        throw new Error(`security demo installer did not create config/${file}`);
      }
    }
    const plugins = readdirSync(path.join(home, 'plugins')).sort();
    const marker: Marker = { fingerprint, version: artifacts.version, adminPassword, plugins };
    // The node runs as another user: everything here must be readable by it.
    await execChecked('chmod', ['-R', 'a+rX', home]);
    writeFileSync(path.join(home, MARKER), `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o644 });
    if (existsSync(target)) {
      const retired = `${target}.old-${String(process.pid)}-${randomBytes(4).toString('hex')}`;
      renameSync(target, retired);
      rmSync(retired, { recursive: true, force: true });
    }
    try {
      renameSync(home, target);
    } catch (error) {
      // A concurrent start finished first; use its copy when it is complete.
      const theirs = readMarker(target);
      if (theirs?.fingerprint === fingerprint) return theirs;
      throw error;
    }
    return marker;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Unpacks the distribution into .cache/opensearch/dist-<version>, installs the
 * plugins and the security demo configuration. Done once; later calls reuse it
 * as long as the artifacts did not change.
 */
export async function ensureDistribution(artifacts: Artifacts, javaHome: string): Promise<Distribution> {
  const target = path.join(cacheDir(), `dist-${artifacts.version}`);
  const fingerprint = fingerprintOf(artifacts);
  let marker = readMarker(target);
  if (marker?.fingerprint !== fingerprint) {
    const started = Date.now();
    info(`installing OpenSearch ${artifacts.version} into ${target}`);
    marker = await build(artifacts, javaHome, target, fingerprint);
    info(`distribution installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { home: target, version: marker.version, adminPassword: marker.adminPassword, plugins: marker.plugins };
}
