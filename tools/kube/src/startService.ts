import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface Service {
  readonly name: string;
  readonly pid: number;
  /** Why it exited ("exit code 1", "SIGKILL"), or undefined while it runs. */
  exitReason(): string | undefined;
  /** Last lines it printed. */
  logTail(lines?: number): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServiceSpec {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  /** Everything the process prints goes here. */
  logFile: string;
}

const RING_LINES = 300;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/**
 * Starts a long-running binary in its own process group, through `setpriv --pdeathsig KILL`
 * so the kernel kills it when this process dies, even by SIGKILL, and with an exit hook for a
 * normal exit that skipped stop(). Nothing it starts outlives the test run.
 */
export function startService(spec: ServiceSpec): Service {
  const child = spawn('setpriv', ['--pdeathsig', 'KILL', '--', spec.command, ...spec.args], {
    cwd: spec.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: spec.cwd, LANG: 'C.UTF-8' },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${spec.name} (${spec.command}) through setpriv`);

  const ring: string[] = [];
  const log = createWriteStream(spec.logFile);
  log.on('error', () => undefined);
  let partial = '';
  const onData = (chunk: Buffer): void => {
    log.write(chunk);
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      ring.push(line);
      if (ring.length > RING_LINES) ring.shift();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  let reason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      reason = signal ?? `exit code ${String(code)}`;
      resolve();
    });
  });
  const onHostExit = (): void => {
    if (reason === undefined) killGroup(pid, 'SIGKILL');
  };
  process.on('exit', onHostExit);
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000): Promise<void> => {
    stopping ??= (async () => {
      if (reason === undefined) {
        killGroup(pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), graceMs);
        });
        if ((await Promise.race([exited, graceOver])) === 'late') {
          killGroup(pid, 'SIGKILL');
          await exited;
        }
        clearTimeout(timer);
      }
      process.off('exit', onHostExit);
      await new Promise<void>((resolve) => log.end(resolve));
    })();
    return stopping;
  };

  return {
    name: spec.name,
    pid,
    exitReason: () => reason,
    logTail: (lines = 40) => ring.slice(-lines).join('\n'),
    stop,
  };
}
