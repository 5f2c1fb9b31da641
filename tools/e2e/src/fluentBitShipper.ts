import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, createWriteStream, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `FLUENT_BIT_BIN`, else `fluent-bit` on PATH, else undefined. */
export function findFluentBit(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.FLUENT_BIT_BIN
    ? [env.FLUENT_BIT_BIN]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'fluent-bit'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there or not executable.
    }
  }
  if (env.FLUENT_BIT_BIN) throw new Error(`FLUENT_BIT_BIN=${env.FLUENT_BIT_BIN} is not an executable file`);
  return undefined;
}

export interface FluentBitShipperOptions {
  readonly binary: string;
  /** The locally rewritten configuration (YAML text). */
  readonly config: string;
  readonly workDir: string;
  readonly httpPort: number;
  /** The writer identity the chart passes as OPENSEARCH_USERNAME / OPENSEARCH_PASSWORD. */
  readonly username: string;
  readonly password: string;
}

/** Runs Fluent Bit on the rendered configuration; its own log goes to `<workDir>/fluent-bit.log`. */
export class FluentBitShipper {
  readonly configFile: string;
  readonly logFile: string;
  private child: ChildProcess | undefined;
  private exited: Promise<unknown> | undefined;
  starts = 0;

  constructor(private readonly options: FluentBitShipperOptions) {
    this.configFile = join(options.workDir, 'fluent-bit.yaml');
    this.logFile = join(options.workDir, 'fluent-bit.log');
    writeFileSync(this.configFile, options.config);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, OPENSEARCH_USERNAME: this.options.username, OPENSEARCH_PASSWORD: this.options.password };
  }

  /** `fluent-bit --dry-run`: validates the configuration; throws with Fluent Bit's own words. */
  async dryRun(): Promise<void> {
    try {
      await run(this.options.binary, ['-c', this.configFile, '--dry-run'], { env: this.env(), timeout: 30_000 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      const detail = `${stdout}\n${stderr}`.split('\n').filter((line) => /error|invalid|unknown|fail/i.test(line));
      throw new Error(`fluent-bit --dry-run rejected ${this.configFile}:\n${detail.join('\n') || stderr || stdout}`);
    }
  }

  /** Starts Fluent Bit and waits until its HTTP server answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('Fluent Bit is already running');
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(this.options.binary, ['-c', this.configFile], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exited = once(child, 'exit');
    this.starts += 1;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Fluent Bit exited with ${child.exitCode}; see ${this.logFile}`);
      const up = await fetch(`http://127.0.0.1:${this.options.httpPort}/`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await sleep(200);
    }
    throw new Error(`Fluent Bit did not answer on port ${this.options.httpPort} within 30 s; see ${this.logFile}`);
  }

  /** SIGTERM (Fluent Bit flushes for up to `grace` seconds), SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const done = await Promise.race([this.exited, sleep(timeoutMs, 'timeout')]);
      if (done === 'timeout') {
        process.kill(-child.pid, 'SIGKILL');
        await this.exited;
      }
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}
