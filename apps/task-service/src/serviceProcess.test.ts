import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LogRecord } from '@loglift/log-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../scripts/bundle.mjs';

// The same build the Dockerfile copies, written outside the repository so that the bundle is
// proven to run with plain node and no node_modules within reach.
const dir = await mkdtemp(join(tmpdir(), 'task-service-bundle-'));
const MAIN = join(dir, 'main.mjs');
const TRAFFIC = join(dir, 'traffic.mjs');

interface Started {
  child: ChildProcess;
  lines: LogRecord[];
  url: string;
  exit: Promise<number | null>;
}

function collectLines(child: ChildProcess): LogRecord[] {
  const lines: LogRecord[] = [];
  // Parsing throws on any non-JSON line, failing the test.
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(JSON.parse(line) as LogRecord);
  });
  return lines;
}

async function startService(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', SHUTDOWN_GRACE_MS: '5000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  const lines = collectLines(child);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const listening = lines.find((line) => line.message === 'server listening') as { server?: { port?: number } };
    if (listening?.server?.port) return { child, lines, exit, url: `http://127.0.0.1:${listening.server.port}` };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`service did not start: ${JSON.stringify(lines)}`);
}

describe('bundled service process', () => {
  beforeAll(async () => {
    await bundle(dir);
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts with plain node, reports ready and exits 0 on SIGTERM with JSON log lines', async () => {
    const { child, lines, url, exit } = await startService({ OTEL_SERVICE_NAME: 'tasks-smoke', POD_NAME: 'pod-1' });
    const readiness = await fetch(`${url}/health/readiness`);
    expect(await readiness.json()).toEqual({ status: 'ok' });
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(lines.at(-1)).toMatchObject({ message: 'shutdown complete', level: 'info' });
    for (const line of lines) {
      expect(line).toMatchObject({ service: { name: 'tasks-smoke' }, k8s: { pod: { name: 'pod-1' } } });
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    }
  });

  it('drains an in-flight request on SIGTERM, then exits 0 with every line flushed', async () => {
    const { child, lines, url, exit } = await startService({ ENABLE_FAULTS: 'true' });
    const slow = fetch(`${url}/api/tasks?delayMs=800`, { headers: { 'x-request-id': 'req-drain' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await exit).toBe(0);
    const messages = lines.map((line) => line.message);
    expect(messages.indexOf('shutdown started')).toBeLessThan(messages.indexOf('shutdown complete'));
    const requestLine = lines.find((line) => line.http?.request?.id === 'req-drain');
    expect(requestLine).toMatchObject({ http: { response: { status_code: 200 } } });
    expect(lines.at(-1)).toMatchObject({ message: 'shutdown complete', shutdown: { drained: true } });
  });

  it('exits 1 with a fatal JSON line naming each invalid variable', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: 'http', LOG_LEVEL: 'loud' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = collectLines(child);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'fatal', message: expect.stringContaining('PORT="http"') });
    expect((lines[0] as { problems?: string[] }).problems?.map((problem) => problem.split('=')[0])).toEqual([
      'PORT',
      'LOG_LEVEL',
    ]);
  });

  it('exits 1 with a fatal line when the port is taken', async () => {
    const first = await startService({});
    const port = new URL(first.url).port;
    const second = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: port, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = collectLines(second);
    const [code] = await once(second, 'exit');
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatchObject({
      level: 'fatal',
      message: 'service failed to start',
      error: { code: 'EADDRINUSE' },
    });
  });

  it('runs the bundled traffic generator against the bundled service', async () => {
    const service = await startService({ ENABLE_FAULTS: 'true' });
    const traffic = spawn(process.execPath, [TRAFFIC, '--url', service.url, '--duration', '1s', '--rate', '40'], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = collectLines(traffic);
    const [code] = await once(traffic, 'exit');
    service.child.kill('SIGTERM');
    await service.exit;
    expect(code).toBe(0);
    const summary = lines.find((line) => line.message === 'traffic finished') as {
      traffic?: { sent: number; unexpected: number };
    };
    expect(summary?.traffic).toMatchObject({ unexpected: 0 });
    expect(summary?.traffic?.sent).toBeGreaterThanOrEqual(30);
  });
});
