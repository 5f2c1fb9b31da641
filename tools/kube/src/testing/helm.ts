import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { binary } from '../paths.js';
import { chartDir } from './paths.js';

export type HelmVersion = 3 | 4;
export const HELM_VERSIONS: readonly HelmVersion[] = [3, 4];

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface Helm {
  readonly version: HelmVersion;
  /** Runs helm; never throws on a non-zero exit. */
  run(args: readonly string[]): Promise<HelmResult>;
  /** Runs helm and throws with its stderr unless it exits 0. */
  ok(args: readonly string[]): Promise<HelmResult>;
}

/**
 * Helm 3 or 4 against the given kubeconfig, with its repositories, cache and plugins in a
 * throw-away folder. Asynchronous, because the chart repository is served from this process.
 */
export function helmFor(version: HelmVersion, kubeconfigFile: string): Helm {
  const home = mkdtempSync(path.join(tmpdir(), `loglift-kube-helm${String(version)}-`));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    KUBECONFIG: kubeconfigFile,
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
  const command = binary(`helm${String(version)}`);
  const run = (args: readonly string[]): Promise<HelmResult> =>
    new Promise((resolve, reject) => {
      execFile(
        command,
        args,
        { env, cwd: chartDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') {
            reject(new Error(`helm${String(version)} ${args.join(' ')} could not run: ${error.message}`));
            return;
          }
          resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });
  const ok = async (args: readonly string[]): Promise<HelmResult> => {
    const result = await run(args);
    if (result.status !== 0) {
      throw new Error(`helm${String(version)} ${args.join(' ')} exited ${String(result.status)}:\n${result.stderr}`);
    }
    return result;
  };
  return { version, run, ok };
}

/** klog quotes structured messages (`"Warning: text"`); the text alone is what the server said. */
function unwrap(text: string): string {
  let inner = text;
  if (inner.startsWith('"') && inner.endsWith('"')) {
    try {
      inner = JSON.parse(inner) as string;
    } catch {
      // not a quoted string after all
    }
  }
  return inner.replace(/^Warning: /, '');
}

/**
 * The API server's warnings in Helm's stderr. client-go prints each `Warning` header it receives
 * (through klog, `W1201 12:00:00.000000 123 warnings.go:70] "Warning: text"`, or plainly as
 * `Warning: text`), so either shape counts.
 */
export function apiWarnings(stderr: string): string[] {
  const warnings: string[] = [];
  for (const line of stderr.split('\n')) {
    const klog = /warnings\.go:\d+\] (.*)$/.exec(line);
    const plain = /^Warning: (.*)$/.exec(line);
    const text = klog?.[1] ?? plain?.[1];
    if (text !== undefined) warnings.push(unwrap(text.trim()));
  }
  return warnings;
}
