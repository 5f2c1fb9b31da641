import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markedProcesses, type ProcessId, stillAlive } from './markedProcesses.js';
import { processStartTime } from './processRecord.js';
import { repoRoot } from './repoRoot.js';
import { waitFor } from './waitFor.js';

const MARKER = 'LOGLIFT_DEMO_TEST_RUN';

interface DemoRun {
  readonly marker: string;
  readonly stateDir: string;
  readonly output: string;
  readonly shell: ChildProcess;
  readonly exited: Promise<unknown>;
}

const runs: DemoRun[] = [];

/** Starts demo.sh (through `command`) in its own process group, as a terminal's foreground job. */
function startDemo(command: string): DemoRun {
  const marker = `${process.pid}-${runs.length}-${Date.now()}`;
  const stateDir = mkdtempSync(join(tmpdir(), 'loglift-demo-test-'));
  const output = join(stateDir, 'output.log');
  const fd = openSync(output, 'a');
  const shell = spawn('bash', ['-c', command], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      [MARKER]: marker,
      DEMO_OUTPUT: output,
      LOGLIFT_DEMO_STATE: stateDir,
      LOGLIFT_DEMO_SKIP_SETUP: '1',
      LOGLIFT_DEMO_ONCE: '0',
    },
  });
  closeSync(fd);
  const run = { marker, stateDir, output, shell, exited: once(shell, 'exit') };
  runs.push(run);
  return run;
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').slice(-3000) : '(no output)');

/** Waits until the demo printed that everything runs, then returns every process it started. */
async function whenRunning(run: DemoRun): Promise<ProcessId[]> {
  await waitFor(
    async () => {
      if (run.shell.exitCode !== null) throw new Error(`the demo ended early:\n${tail(run.output)}`);
      return readFileSync(run.output, 'utf8').includes('== loglift is running') ? true : undefined;
    },
    480_000,
    () => `the demo did not get running:\n${tail(run.output)}`,
    500,
  );
  // The JVM runs with an environment of its own; the test bed prints its pid.
  const jvm = /ready at .*\(pid (\d+)\)/.exec(readFileSync(join(run.stateDir, 'opensearch.log'), 'utf8'))?.[1];
  const jvmStart = jvm ? processStartTime(Number(jvm)) : undefined;
  expect(jvmStart, 'the OpenSearch JVM runs').toBeDefined();
  return [...markedProcesses(MARKER, run.marker), { pid: Number(jvm), start: jvmStart ?? '' }];
}

async function allGone(processes: readonly ProcessId[], run: DemoRun): Promise<void> {
  await waitFor(
    async () =>
      stillAlive(processes).length === 0 && markedProcesses(MARKER, run.marker).length === 0 ? true : undefined,
    60_000,
    () =>
      `still running: ${JSON.stringify(stillAlive([...processes, ...markedProcesses(MARKER, run.marker)]))}\n${tail(run.output)}`,
    250,
  );
}

afterEach(async () => {
  // Whatever a failed test left: stop it, so no node outlives the suite.
  for (const run of runs.splice(0)) {
    for (const { pid } of markedProcesses(MARKER, run.marker)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(run.stateDir, { recursive: true, force: true });
  }
});

describe('demo.sh', () => {
  it('stops every process it started on Ctrl-C while its output goes through tee', async () => {
    const run = startDemo('bash tools/e2e/demo.sh 2>&1 | tee "$DEMO_OUTPUT.tee"');
    const started = await whenRunning(run);
    expect(started.length).toBeGreaterThanOrEqual(6);
    // Ctrl-C: SIGINT to the foreground process group (the shells and tee).
    process.kill(-(run.shell.pid ?? 0), 'SIGINT');
    await run.exited;
    await allGone(started, run);
    expect(readFileSync(join(run.stateDir, 'demo.log'), 'utf8')).toContain(
      'every process the demo started has stopped',
    );
  });

  it('removes what a run killed with SIGKILL left behind on the next run', async () => {
    const run = startDemo('exec bash tools/e2e/demo.sh');
    const started = await whenRunning(run);
    process.kill(-(run.shell.pid ?? 0), 'SIGKILL');
    await run.exited;
    // The script is gone; OpenSearch, the demo and its apps run on.
    const left = stillAlive(started);
    expect(left.length).toBeGreaterThanOrEqual(5);
    const next = spawn('bash', ['tools/e2e/demo.sh', '--clean'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LOGLIFT_DEMO_STATE: run.stateDir },
    });
    let stderr = '';
    next.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(next, 'exit')) as [number | null];
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('stopping what an earlier demo run left running');
    await allGone(left, run);
  });
});
