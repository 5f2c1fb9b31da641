// Requests/s of the bundled service with request logging on vs off, logs going to /dev/null.
// Run: npx nx run task-service:bench (builds the bundle first). Prints a table and the ratios.
// Both services run for the whole bench and take turns under load in short slices, so a change
// in the machine's speed (other jobs, frequency) falls on both alike; medians of the slices count.
// BENCH_SLICES (default 12) and BENCH_SLICE_S (default 1) bound the run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const MAIN = join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'bundle', 'main.mjs');
const SLICES = Number(process.env.BENCH_SLICES ?? 12);
const SLICE_S = Number(process.env.BENCH_SLICE_S ?? 1);
const CONNECTIONS = 16;
const TARGET_RATIO = 0.85;
const MODES = ['off', 'on'] as const;
type Mode = (typeof MODES)[number];

interface Slice {
  requestsPerSecond: number;
  /** Server CPU time per request: less sensitive than req/s to the load generator's share. */
  cpuUsPerRequest: number;
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

async function startService(mode: Mode) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // stdio 'ignore' points the service's stdout at /dev/null, where every log line goes.
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: String(mode === 'on') },
    stdio: 'ignore',
  });
  await waitReady(url);
  for (let i = 0; i < 20; i += 1) {
    await fetch(`${url}/api/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `bench task ${i}`, status: i % 2 ? 'done' : 'todo' }),
    });
  }
  const target = { url: `${url}/api/tasks?status=todo&limit=5`, connections: CONNECTIONS };
  await autocannon({ ...target, duration: 2 }); // warm-up: JIT and connection setup
  return { child, target, pid: child.pid as number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const services = { off: await startService('off'), on: await startService('on') };
const slices: Record<Mode, Slice[]> = { off: [], on: [] };
try {
  for (let slice = 0; slice < SLICES; slice += 1) {
    // Alternate which mode goes first, so neither always follows the other's garbage.
    for (const mode of slice % 2 === 0 ? MODES : [...MODES].reverse()) {
      const { target, pid } = services[mode];
      const cpuBefore = await cpuMicros(pid);
      const result = await autocannon({ ...target, duration: SLICE_S });
      const cpu = (await cpuMicros(pid)) - cpuBefore;
      slices[mode].push({
        requestsPerSecond: result.requests.total / SLICE_S,
        cpuUsPerRequest: cpu / Math.max(1, result.requests.total),
        p99Ms: result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
  }
} finally {
  for (const { child } of Object.values(services)) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const summary = (mode: Mode) => ({
  mode: `request logging ${mode}`,
  requestsPerSecond: Math.round(median(slices[mode].map((s) => s.requestsPerSecond))),
  cpuUsPerRequest: Math.round(median(slices[mode].map((s) => s.cpuUsPerRequest))),
  p99Ms: median(slices[mode].map((s) => s.p99Ms)),
  errors: slices[mode].reduce((sum, s) => sum + s.errors, 0),
});
const off = summary('off');
const on = summary('on');
console.log(
  `median of ${SLICES} slices of ${SLICE_S} s per mode, ${CONNECTIONS} connections, GET /api/tasks?status=todo&limit=5`,
);
console.table([off, on]);
const ratio = on.requestsPerSecond / off.requestsPerSecond;
const cpuRatio = off.cpuUsPerRequest / on.cpuUsPerRequest;
const verdict = (value: number) => (value >= TARGET_RATIO ? 'met' : 'not met');
console.log(
  `task-service req/s, logging on vs off: ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x: ${verdict(ratio)})`,
);
console.log(
  `server CPU per request, off vs on: ${cpuRatio.toFixed(2)}x (target >= ${TARGET_RATIO}x: ${verdict(cpuRatio)})`,
);
if (off.errors + on.errors > 0) {
  console.error(`${off.errors + on.errors} requests failed or got a non-2xx status`);
  process.exitCode = 1;
}
