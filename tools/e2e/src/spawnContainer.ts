import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { CriLogFile, type CriStream } from './criLogFile.js';
import { type ContainerRef, kubeletLogPath } from './kubeletLogPath.js';

export interface SpawnContainerOptions extends ContainerRef {
  readonly command: string;
  readonly args: readonly string[];
  /** The node's log folder (the rendered tail path's folder). */
  readonly logDir: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export interface RunningContainer {
  readonly ref: ContainerRef;
  readonly logFile: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process ended and its output is written. */
  readonly exited: Promise<number | string>;
  /** Lines of output written so far. */
  lines(): number;
  /** Sends a signal to the process group and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Runs a process like a container: each stdout/stderr line goes to a CRI-format file named like
 * kubelet's. The process leads its own process group so everything it starts can be stopped.
 */
export function spawnContainer(options: SpawnContainerOptions): RunningContainer {
  const logFile = kubeletLogPath(options.logDir, options);
  const file = new CriLogFile(logFile);
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${options.command}`);
  const pid = child.pid;
  const pump = (stream: CriStream): Promise<void> => {
    const source = child[stream];
    if (!source) return Promise.resolve();
    const lines = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on('line', (line) => file.write(stream, line));
    return once(lines, 'close').then(() => undefined);
  };
  const pumps = Promise.all([pump('stdout'), pump('stderr')]);
  const exited = (async () => {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    await pumps;
    file.close();
    return code ?? signal ?? 'unknown';
  })();
  return {
    ref: {
      pod: options.pod,
      namespace: options.namespace,
      container: options.container,
      containerId: options.containerId,
    },
    logFile,
    pid,
    child,
    exited,
    lines: () => file.lines,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-pid, signal);
        } catch {
          // Already gone.
        }
      }
      return exited;
    },
  };
}
