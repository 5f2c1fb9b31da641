// Packages the chart and writes a Helm repository index: `<outDir>/loglift-<version>.tgz` + `index.yaml`.
// Env: CHART_REPO_DIR (default <repo>/.cache/chart-repo), CHART_REPO_URL (absolute URLs in index.yaml),
// CHART_REPO_MERGE (an existing index.yaml whose entries are kept).
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chartDir, type HelmVersion, helm, repoRoot } from './tools.js';

export interface PackageRepoOptions {
  outDir: string;
  url?: string;
  merge?: string;
  helmVersion?: HelmVersion;
}

export interface ChartRepo {
  dir: string;
  archives: string[];
  index: string;
}

export function packageRepo(options: PackageRepoOptions): ChartRepo {
  const version = options.helmVersion ?? 4;
  const dir = resolve(options.outDir);
  mkdirSync(dir, { recursive: true });
  const packaged = helm(version, ['package', chartDir, '--destination', dir]);
  if (packaged.status !== 0) throw new Error(`helm package failed:\n${packaged.stderr}`);
  const indexArgs = ['repo', 'index', dir];
  if (options.url) indexArgs.push('--url', options.url);
  if (options.merge) indexArgs.push('--merge', resolve(options.merge));
  const indexed = helm(version, indexArgs);
  if (indexed.status !== 0) throw new Error(`helm repo index failed:\n${indexed.stderr}`);
  const archives = readdirSync(dir).filter((file) => file.endsWith('.tgz'));
  return { dir, archives, index: join(dir, 'index.yaml') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const repo = packageRepo({
    outDir: process.env.CHART_REPO_DIR ?? join(repoRoot, '.cache', 'chart-repo'),
    url: process.env.CHART_REPO_URL,
    merge: process.env.CHART_REPO_MERGE,
  });
  process.stdout.write(`chart repository in ${repo.dir}: ${repo.archives.join(', ')} + index.yaml\n`);
}
