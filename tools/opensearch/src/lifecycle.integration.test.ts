import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simpleRequest } from './http.js';
import { startOpenSearch } from './startOpenSearch.js';

// These start nodes of their own (whatever node the other suites share).

const toolDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('node lifecycle', () => {
  it('stop() ends the JVM and removes the run folder', async () => {
    const node = await startOpenSearch();
    expect(running(node.pid)).toBe(true);
    expect(existsSync(path.join(node.runDir, 'data'))).toBe(true);
    await node.stop();
    expect(await waitUntil(() => !running(node.pid), 5000)).toBe(true);
    expect(existsSync(node.runDir)).toBe(false);
    await node.stop(); // a second call is harmless
  });

  it('the JVM dies when the process that started it is SIGKILLed', async () => {
    const cli = spawn(process.execPath, ['--import', 'tsx', path.join(toolDir, 'src', 'cli.ts'), 'start'], {
      cwd: toolDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    cli.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    cli.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    try {
      expect(await waitUntil(() => stdout.includes('\n') || cli.exitCode !== null, 240_000)).toBe(true);
      const connection = JSON.parse(stdout) as { url: string; username: string; password: string; caFile: string };
      const jvm = Number(/ready at \S+ in [\d.]+ s \(pid (\d+)\)/.exec(stderr)?.[1]);
      expect(running(jvm)).toBe(true);
      const answer = await simpleRequest(`${connection.url}/`, {
        auth: { username: connection.username, password: connection.password },
        ca: readFileSync(connection.caFile),
      });
      expect(answer.status).toBe(200);

      cli.kill('SIGKILL');
      expect(await waitUntil(() => !running(jvm), 5000)).toBe(true);
    } finally {
      cli.kill('SIGKILL');
    }
  });
});
