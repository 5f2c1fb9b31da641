import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The chart directory (charts/loglift). */
export const chartDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const repoRoot = resolve(chartDir, '../..');
/** Where the pinned tool binaries are built. */
export const binDir = join(repoRoot, '.cache', 'bin');

export type HelmVersion = 3 | 4;
export const HELM_VERSIONS: readonly HelmVersion[] = [3, 4];

const BUILD_HINT: Record<string, string> = {
  helm3: 'bash tools/helm/build.sh',
  helm4: 'bash tools/helm/build.sh',
  'helm-unittest': 'bash tools/helm/build.sh',
  'kube-validate': 'bash tools/kube-validate/build.sh',
};

/** Absolute path of a pinned binary in .cache/bin; throws a message saying how to build it. */
export function tool(name: string): string {
  const path = join(binDir, name);
  if (!existsSync(path)) {
    const hint = BUILD_HINT[name] ?? BUILD_HINT[name.replace(/-[0-9.]+$/, '')] ?? 'the tools/ build scripts';
    throw new Error(`${name} not found at ${path}: build it first with \`${hint}\``);
  }
  return path;
}

/** The kube-validate binaries that were built, oldest Kubernetes first (e.g. ['1.29', '1.37']). */
export function kubeValidateVersions(): string[] {
  const versions = existsSync(binDir)
    ? readdirSync(binDir)
        .map((file) => /^kube-validate-(\d+\.\d+)$/.exec(file)?.[1])
        .filter((v): v is string => v !== undefined)
    : [];
  if (versions.length === 0) {
    throw new Error(`no kube-validate binary in ${binDir}: build them with \`bash tools/kube-validate/build.sh\``);
  }
  const minor = (v: string) => Number(v.split('.')[1]);
  return versions.sort((a, b) => minor(a) - minor(b));
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Helm state (repositories, cache, plugins) in a throw-away directory, never the user's. */
export function isolatedHelmEnv(home = mkdtempSync(join(tmpdir(), 'loglift-helm-'))): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_DATA_HOME: join(home, 'data'),
  };
}

const defaultEnv = isolatedHelmEnv();

/** Runs a command to completion; never throws on a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): RunResult {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    input: options.input,
    env: options.env ?? defaultEnv,
    cwd: options.cwd ?? chartDir,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not run: ${result.error.message}`);
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the pinned Helm 3 or Helm 4 binary. */
export function helm(version: HelmVersion, args: readonly string[], env?: NodeJS.ProcessEnv): RunResult {
  return run(tool(`helm${version}`), args, env ? { env } : {});
}

/**
 * Runs Helm without blocking the event loop, for commands that talk to a server in this same
 * process (the chart repository test serves the repository itself).
 */
export function helmAsync(version: HelmVersion, args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      tool(`helm${version}`),
      args,
      { env, cwd: chartDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`helm${version} ${args.join(' ')} could not run: ${error.message}`));
          return;
        }
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
