// Requests/s of the bundled service with request logging on vs off, logs going to /dev/null.
// Run: npx nx run task-service:bench (builds the bundle first). Prints a table and the ratio.
// BENCH_DURATION_S (default 5) and BENCH_ROUNDS (default 2) bound the run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const MAIN = join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'bundle', 'main.mjs');
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
// Modes alternate and the best round of each counts, which evens out noise from other processes.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET_RATIO = 0.85;

interface Result {
  mode: string;
  requestsPerSecond: number;
  /** Server CPU time per request: less sensitive than req/s to other load on the machine. */
  cpuUsPerRequest: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** CPU time (user + system) a process has used, in microseconds, from /proc (Linux, 100 ticks/s). */
async function cpuMicros(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function waitReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const ok = await fetch(`${url}/health/readiness`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`service at ${url} did not become ready`);
}

async function measure(mode: 'on' | 'off'): Promise<Result> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // stdio 'ignore' points the service's stdout at /dev/null, where every log line goes.
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: String(mode === 'on') },
    stdio: 'ignore',
  });
  try {
    await waitReady(url);
    for (let i = 0; i < 20; i += 1) {
      await fetch(`${url}/api/tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `bench task ${i}`, status: i % 2 ? 'done' : 'todo' }),
      });
    }
    const options = { url: `${url}/api/tasks?status=todo&limit=5`, connections: 16 };
    await autocannon({ ...options, duration: 1 }); // warm-up: JIT and connection setup
    const cpuBefore = await cpuMicros(child.pid as number);
    const result = await autocannon({ ...options, duration: DURATION_S });
    const cpu = (await cpuMicros(child.pid as number)) - cpuBefore;
    return {
      mode: `request logging ${mode}`,
      requestsPerSecond: Math.round(result.requests.average),
      cpuUsPerRequest: Math.round(cpu / Math.max(1, result.requests.total)),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const best: Partial<Record<'on' | 'off', Result>> = {};
for (let round = 0; round < ROUNDS; round += 1) {
  for (const mode of ['off', 'on'] as const) {
    const result = await measure(mode);
    if (result.requestsPerSecond > (best[mode]?.requestsPerSecond ?? -1)) best[mode] = result;
  }
}
const { off, on } = best as Record<'on' | 'off', Result>;
console.log(`best of ${ROUNDS} rounds of ${DURATION_S} s, 16 connections, GET /api/tasks?status=todo&limit=5`);
console.table([off, on]);
const ratio = on.requestsPerSecond / off.requestsPerSecond;
const cpuRatio = off.cpuUsPerRequest / on.cpuUsPerRequest;
console.log(
  `task-service req/s, logging on vs off: ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x: ${ratio >= TARGET_RATIO ? 'met' : 'not met'})`,
);
console.log(`server CPU per request, off vs on: ${cpuRatio.toFixed(2)}x (the same ratio, measured by CPU time)`);
