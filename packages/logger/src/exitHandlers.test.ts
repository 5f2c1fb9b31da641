import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LogRecord } from '@loglift/log-schema';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./testing/exitScenario.ts', import.meta.url));

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  records: LogRecord[];
  stderr: string;
}

/** Runs a scenario in a fresh Node process; sends `signal` once a `ready` line appears. */
function run(scenario: string, signal?: NodeJS.Signals): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@loglift/source', fixture, scenario],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info' } },
    );
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`scenario ${scenario} timed out; stdout: ${stdout} stderr: ${stderr}`));
    }, 12_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (signal && !signalled && stdout.includes('"message":"ready"')) {
        signalled = true;
        child.kill(signal);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      const records = stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as LogRecord);
      resolve({ code, signal: sig, records, stderr });
    });
  });
}

describe('exit and crash handling (child processes)', () => {
  it('on SIGTERM with no app handler, logs the signal and exits 143', async () => {
    const outcome = await run('sigterm-default', 'SIGTERM');
    expect(outcome.code).toBe(143);
    expect(outcome.records.map((r) => r.message)).toEqual(['ready', 'received SIGTERM, exiting']);
    expect(outcome.records[1]).toMatchObject({ level: 'info', signal: 'SIGTERM' });
  });

  it('on SIGINT with no app handler, exits 130', async () => {
    const outcome = await run('sigint-default', 'SIGINT');
    expect(outcome.code).toBe(130);
    expect(outcome.records.at(-1)?.message).toBe('received SIGINT, exiting');
  });

  it('leaves SIGTERM to an app that handles it, which flushes with flushLogger', async () => {
    const outcome = await run('sigterm-app-handler', 'SIGTERM');
    expect(outcome.code).toBe(0);
    expect(outcome.records.map((r) => r.message)).toEqual(['ready', 'draining', 'drained']);
  });

  it('flushes a buffered destination on process.exit()', async () => {
    const outcome = await run('process-exit');
    expect(outcome.code).toBe(3);
    expect(outcome.records).toHaveLength(500);
    expect(outcome.records.at(-1)).toMatchObject({ n: 499 });
  });

  it('on an uncaught exception, flushes, writes a fatal line with the error and exits 1', async () => {
    const outcome = await run('uncaught');
    expect(outcome.code).toBe(1);
    expect(outcome.records).toHaveLength(101);
    expect(outcome.records.at(-1)).toMatchObject({
      level: 'fatal',
      message: 'uncaught exception',
      service: { name: 'exit-test' },
      error: { type: 'TypeError', message: 'kaboom' },
    });
    expect(outcome.records.at(-1)?.error?.stack_trace).toContain('TypeError: kaboom');
    expect(outcome.stderr).not.toContain('kaboom');
  });

  it('on an unhandled rejection, writes a fatal line with the reason and exits 1', async () => {
    const outcome = await run('rejection');
    expect(outcome.code).toBe(1);
    expect(outcome.records.at(-1)).toMatchObject({
      level: 'fatal',
      message: 'unhandled rejection',
      error: { type: 'Error', message: 'nope', code: 'E_NOPE' },
    });
  });

  it('writes the fatal line but leaves the exit to an app that handles uncaught exceptions', async () => {
    const outcome = await run('uncaught-app-handler');
    expect(outcome.code).toBe(2);
    expect(outcome.records.map((r) => [r.level, r.message])).toEqual([
      ['fatal', 'uncaught exception'],
      ['info', 'app handled it'],
    ]);
  });
});
