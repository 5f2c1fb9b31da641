import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testNode } from '@loglift/opensearch-testbed/testing';
import { createClient, type LogClient } from '@loglift/query';

export { testNode };

/** An admin client on the shared test node, for seeding and cleaning up. */
export function adminLogClient(): LogClient {
  const node = testNode();
  return createClient({
    url: node.url,
    caFile: node.caFile,
    auth: { type: 'basic', username: node.username, password: node.password },
  });
}

export interface BundleResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const cliRoot = fileURLToPath(new URL('../..', import.meta.url));
const bundle = fileURLToPath(new URL('../../dist/bundle/loglift.mjs', import.meta.url));

export interface RunBundleOptions {
  readonly env?: Record<string, string | undefined>;
  /** Called with each stdout chunk; return true to send SIGINT. */
  readonly interruptWhen?: (stdout: string) => boolean;
  readonly timeoutMs?: number;
}

/** Runs the built `loglift` bundle as a child process, with a clean LOGLIFT_* environment and no config file. */
export function runBundle(args: readonly string[], options: RunBundleOptions = {}): Promise<BundleResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: '/nonexistent' };
  for (const key of Object.keys(env)) if (key.startsWith('LOGLIFT_')) delete env[key];
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: cliRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let interrupted = false;
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!interrupted && options.interruptWhen?.(stdout)) {
      interrupted = true;
      child.kill('SIGINT');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Connection environment for the test node. */
export function nodeEnv(index: string): Record<string, string> {
  const node = testNode();
  return {
    LOGLIFT_URL: node.url,
    LOGLIFT_USERNAME: node.username,
    LOGLIFT_PASSWORD: node.password,
    LOGLIFT_CA_FILE: node.caFile,
    LOGLIFT_INDEX: index,
  };
}
