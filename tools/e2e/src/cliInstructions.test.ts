import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliInstructions } from './cliInstructions.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cliInstructions', () => {
  it('sets the CLI environment in a shell without printing the password', () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'loglift-cli-'));
    dirs.push(stateDir);
    const password = "s3cr'et $x";
    const lines = cliInstructions({
      connection: { url: 'https://127.0.0.1:9200', username: 'admin', password, caFile: '/tmp/ca dir/ca.pem' },
      index: 'logs-loglift',
      stateDir,
    });
    expect(lines.join('\n')).not.toContain('s3cr');
    const passwordFile = join(stateDir, 'opensearch-password');
    expect(readFileSync(passwordFile, 'utf8')).toBe(password);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    // The exports, run by a shell, give the CLI exactly the connection.
    const script = `${lines.slice(0, 2).join('\n')}\nenv | grep ^LOGLIFT_ | sort`;
    const env = execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(env.trim().split('\n')).toEqual([
      'LOGLIFT_CA_FILE=/tmp/ca dir/ca.pem',
      'LOGLIFT_INDEX=logs-loglift',
      `LOGLIFT_PASSWORD=${password}`,
      'LOGLIFT_URL=https://127.0.0.1:9200',
      'LOGLIFT_USERNAME=admin',
    ]);
  });
});
