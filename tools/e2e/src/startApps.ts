import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { bundles } from './bundles.js';
import { freePort } from './freePort.js';
import { newContainerId } from './kubeletLogPath.js';
import { writePodMetadata } from './podMetadata.js';
import type { RenderedChart } from './renderChart.js';
import { repoRoot } from './repoRoot.js';
import { type RunningContainer, spawnContainer } from './spawnContainer.js';

export interface AppsOptions {
  readonly chart: RenderedChart;
  readonly logDir: string;
  readonly metaDir: string;
  readonly workDir: string;
  readonly nodeName: string;
  readonly traffic?: { readonly duration: string; readonly rate: number } | false | undefined;
  readonly hostile?: { readonly rounds: number; readonly intervalMs: number } | false | undefined;
  readonly log: (line: string) => void;
  readonly onProcess?: (name: string, pid: number) => void;
}

export interface Apps {
  readonly namespace: string;
  readonly taskService: RunningContainer;
  readonly taskServiceUrl: string;
  readonly traffic: RunningContainer | undefined;
  readonly hostile: RunningContainer | undefined;
  readonly hostileCountFile: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const suffix = () => Array.from(randomBytes(5), (b) => 'bcdfghjklmnpqrstvwxz2456789'[b % 27]).join('');

/**
 * Starts task-service as the chart's Deployment would run it (its rendered env and pod labels),
 * then the traffic generator and the hostile app, each as a pod writing a CRI log file.
 */
export async function startApps(options: AppsOptions): Promise<Apps> {
  const { chart, logDir, metaDir, log } = options;
  const NODE_NAME = options.nodeName;
  const namespace = chart.namespace;
  const ts = chart.taskService;
  const tsPod = `${ts.name}-${hex(5)}-${suffix()}`;
  const tsId = newContainerId();
  writePodMetadata(metaDir, {
    name: tsPod,
    namespace,
    nodeName: NODE_NAME,
    labels: { ...ts.labels, 'pod-template-hash': tsPod.split('-').slice(-2, -1)[0] ?? '' },
    containers: [{ name: ts.containerName, image: ts.image, containerId: tsId }],
  });
  const port = await freePort();
  const taskService = spawnContainer({
    command: process.execPath,
    args: [bundles.taskService],
    logDir,
    pod: tsPod,
    namespace,
    container: ts.containerName,
    containerId: tsId,
    env: {
      ...process.env,
      ...ts.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ENABLE_FAULTS: 'true',
      POD_NAME: tsPod,
      POD_NAMESPACE: namespace,
      NODE_NAME,
    },
  });
  options.onProcess?.('task-service', taskService.pid);
  const taskServiceUrl = `http://127.0.0.1:${port}`;
  await waitReady(taskServiceUrl, taskService);
  log(`task-service listening on ${taskServiceUrl} (pod ${namespace}/${tsPod}, pid ${taskService.pid})`);

  let traffic: RunningContainer | undefined;
  if (options.traffic !== false) {
    const run = options.traffic ?? { duration: '20s', rate: 10 };
    const id = newContainerId();
    writePodMetadata(metaDir, {
      name: 'traffic',
      namespace,
      nodeName: NODE_NAME,
      labels: { run: 'traffic' },
      containers: [{ name: 'traffic', image: ts.image, containerId: id }],
    });
    traffic = spawnContainer({
      command: process.execPath,
      args: [bundles.traffic, '--url', taskServiceUrl, '--duration', run.duration, '--rate', String(run.rate)],
      logDir,
      pod: 'traffic',
      namespace,
      container: 'traffic',
      containerId: id,
      env: { ...process.env, OTEL_SERVICE_NAME: 'task-service-traffic' },
    });
    options.onProcess?.('traffic generator', traffic.pid);
  }

  const hostileCountFile = join(options.workDir, 'hostile-count.json');
  let hostile: RunningContainer | undefined;
  if (options.hostile !== false) {
    const run = options.hostile ?? { rounds: 1, intervalMs: 50 };
    const id = newContainerId();
    const pod = `hostile-app-${suffix()}`;
    writePodMetadata(metaDir, {
      name: pod,
      namespace: 'sandbox',
      nodeName: NODE_NAME,
      labels: { 'app.kubernetes.io/name': 'hostile-app', team: 'chaos' },
      containers: [{ name: 'hostile', image: 'ghcr.io/loglift/hostile-app:test', containerId: id }],
    });
    hostile = spawnContainer({
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        fileURLToPath(new URL('./hostileApp.ts', import.meta.url)),
        '--count-file',
        hostileCountFile,
        '--rounds',
        String(run.rounds),
        '--interval-ms',
        String(run.intervalMs),
      ],
      cwd: repoRoot,
      logDir,
      pod,
      namespace: 'sandbox',
      container: 'hostile',
      containerId: id,
    });
    options.onProcess?.('hostile app', hostile.pid);
  }

  return { namespace, taskService, taskServiceUrl, traffic, hostile, hostileCountFile };
}

async function waitReady(url: string, container: RunningContainer): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (container.child.exitCode !== null) {
      throw new Error(
        `task-service exited with ${container.child.exitCode}: ${readFileSync(container.logFile, 'utf8').slice(-2000)}`,
      );
    }
    const ok = await fetch(`${url}/health/readiness`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`task-service at ${url} was not ready within 30 s`);
}
