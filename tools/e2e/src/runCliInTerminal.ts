import { spawn } from 'node:child_process';
import { bundles } from './bundles.js';
import type { OpenSearchConnection } from './openSearchHttp.js';

/** Environment that points the loglift CLI at the pipeline's data stream as admin. */
export function cliEnv(connection: OpenSearchConnection, index: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LOGLIFT_URL: connection.url,
    LOGLIFT_USERNAME: connection.username,
    LOGLIFT_PASSWORD: connection.password,
    LOGLIFT_INDEX: index,
    ...(connection.caFile ? { LOGLIFT_CA_FILE: connection.caFile } : {}),
  };
}

/** Runs the CLI bundle with its output on this terminal; resolves with its exit code. */
export function runCliInTerminal(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundles.cli, ...args], { env, stdio: 'inherit' });
    const abort = () => child.kill('SIGINT');
    signal?.addEventListener('abort', abort, { once: true });
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      signal?.removeEventListener('abort', abort);
      resolve(code ?? (sig ? 130 : 1));
    });
  });
}
