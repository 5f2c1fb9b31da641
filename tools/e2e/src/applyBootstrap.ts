import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { bundles } from './bundles.js';
import type { OpenSearchConnection } from './openSearchHttp.js';

const run = promisify(execFile);

/** The rendered desired state with only the OpenSearch URL and CA file changed for this machine. */
export function localDesiredState(
  rendered: Record<string, unknown>,
  connection: OpenSearchConnection,
): Record<string, unknown> {
  const opensearch: Record<string, unknown> = {
    ...(rendered.opensearch as Record<string, unknown>),
    url: connection.url,
  };
  if (connection.caFile === '') delete opensearch.caFile;
  else opensearch.caFile = connection.caFile;
  return { ...rendered, opensearch };
}

/** Runs `bootstrap.mjs apply` like the Helm hook does; returns its summary (stdout). */
export async function applyBootstrap(
  desiredState: Record<string, unknown>,
  connection: OpenSearchConnection,
  writerPassword: string,
  workDir: string,
): Promise<string> {
  const file = join(workDir, 'bootstrap.yaml');
  writeFileSync(file, stringify(desiredState));
  try {
    const { stdout } = await run(process.execPath, [bundles.bootstrap, 'apply', '--config', file], {
      env: {
        ...process.env,
        LOGLIFT_ADMIN_USERNAME: connection.username,
        LOGLIFT_ADMIN_PASSWORD: connection.password,
        LOGLIFT_WRITER_PASSWORD: writerPassword,
        LOG_LEVEL: 'warn',
      },
      timeout: 180_000,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`bootstrap apply failed:\n${stdout}\n${stderr.split('\n').slice(-10).join('\n')}`);
  }
}
