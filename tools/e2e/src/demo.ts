import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, flushLogger } from '@loglift/logger';
import { cliInstructions } from './cliInstructions.js';
import { countDocuments, type OpenSearchConnection } from './openSearchHttp.js';
import { type Pipeline, startPipeline } from './pipeline.js';
import { recordProcess } from './processRecord.js';
import { repoRoot } from './repoRoot.js';
import { cliEnv, runCliInTerminal } from './runCliInTerminal.js';
import { waitFor } from './waitFor.js';

/**
 * The README's main job: runs the pipeline against a running test node, prints what it started,
 * shows `loglift stats` and recent errors, then follows the logs until Ctrl-C (or exits, --once).
 *   node --import tsx --conditions=@loglift/source tools/e2e/src/demo.ts --connection <file> [--state-dir <dir>] [--once]
 * `demo.sh` does the set-up and starts the node; use that.
 */
const logger = createLogger({ service: { name: 'loglift-demo' }, destination: process.stderr, handleExit: false });
const stop = new AbortController();
// Nobody reads any more (`demo.sh | tee`, tee gone): stop everything, and write nothing further.
let outputClosed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', () => {
    outputClosed = true;
    stop.abort();
  });
}
const say = (text = '') => {
  if (!outputClosed) process.stdout.write(`${text}\n`);
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      connection: { type: 'string' },
      'state-dir': { type: 'string' },
      once: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.connection) throw new Error('--connection <file with the OpenSearch connection JSON> is required');
  const connectionFile = values.connection;
  const connection = JSON.parse(readFileSync(connectionFile, 'utf8')) as OpenSearchConnection;
  const once = values.once || process.env.LOGLIFT_DEMO_ONCE === '1';
  const stateDir = values['state-dir'] ?? join(repoRoot, '.cache/e2e-demo');
  const workDir = join(stateDir, 'run');
  rmSync(workDir, { recursive: true, force: true });

  let pipeline: Pipeline | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!outputClosed) logger.info({ signal }, 'stopping the demo');
    stop.abort();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
  try {
    pipeline = await startPipeline({
      opensearch: connection,
      workDir,
      traffic: once ? { duration: '15s', rate: 10 } : { duration: '12h', rate: 5 },
      hostile: { rounds: 1, intervalMs: 50 },
      log: (message) => logger.info(message),
      onProcess: (name, pid) => recordProcess(join(stateDir, 'processes'), name, pid),
    });
    const started = pipeline;
    if (stop.signal.aborted) return 130;
    say('\n== loglift is running on this machine');
    say(`OpenSearch      ${connection.url} (secured; admin credentials in ${connectionFile}, CA ${connection.caFile})`);
    say(
      `data streams    ${started.index}, ${started.indexOf('sandbox')} (namespace sandbox; template, retention, roles and writer user created by the bootstrap)`,
    );
    say(`bootstrap       ${started.bootstrapSummary.trim().split('\n').pop()}`);
    say(
      `shipping        ${started.shipperKind === 'fluent-bit' ? `Fluent Bit on the chart's rendered config (${started.fluentBit?.configFile})` : 'no Fluent Bit binary found: @loglift/logger/opensearch transport emulating the rendered config'} as writer user "${started.writer.username}"`,
    );
    say(`task-service    ${started.taskServiceUrl}`);
    for (const proc of started.processes()) if (proc.pid) say(`  pid ${String(proc.pid).padEnd(8)} ${proc.name}`);
    say(`node log folder ${started.paths.logDir} (CRI files named like kubelet's)`);
    say(`try             curl ${started.taskServiceUrl}/api/tasks`);

    // Every stream of the routing groups shares the default stream's prefix.
    const env = cliEnv(connection, `${started.index}*`);
    const byContainer = { term: { 'kubernetes.container_name': 'task-service' } };
    if (once) {
      logger.info('waiting for the traffic generator to finish its run (15 s)');
      await Promise.race([started.traffic?.exited, aborted(stop.signal)]);
    }
    const waitStarted = Date.now();
    let shown = waitStarted;
    await waitFor(
      async () => {
        if (stop.signal.aborted) return true;
        const stored = await countDocuments(connection, started.index, byContainer);
        if (stored >= Math.min(started.taskService.lines(), 20)) return true;
        if (Date.now() - shown >= 5000) {
          shown = Date.now();
          logger.info(
            `waiting for task-service documents: ${stored} stored after ${Math.round((shown - waitStarted) / 1000)} s`,
          );
        }
        return undefined;
      },
      120_000,
      () => 'no task-service documents arrived',
    );
    if (stop.signal.aborted) return 130;
    say('\n== loglift stats --since 15m');
    await runCliInTerminal(['stats', '--since', '15m', '--top', '5'], env, stop.signal);
    say('\n== recent errors: loglift query --level error --since 15m --limit 5');
    await runCliInTerminal(['query', '--level', 'error', '--since', '15m', '--limit', '5'], env, stop.signal);
    say('\n== loglift verify');
    const ism = !/skipped\s+ism-policy/.test(started.bootstrapSummary);
    const desired = started.chart.bootstrapConfig as {
      logs?: { template?: string; retention?: { policy?: string } };
      security?: { writerRole?: string };
    };
    await runCliInTerminal(
      [
        'verify',
        '--service-url',
        started.taskServiceUrl,
        '--timeout',
        '60s',
        '--template',
        desired.logs?.template ?? 'loglift-logs',
        '--writer-role',
        desired.security?.writerRole ?? 'loglift-writer',
        ...(ism ? ['--policy', desired.logs?.retention?.policy ?? 'loglift-logs-retention'] : []),
      ],
      env,
      stop.signal,
    );
    if (stop.signal.aborted) return 130;
    say('\n== use the loglift CLI against this node (paste into a shell; the password stays in a file)');
    for (const line of cliInstructions({ connection, index: `${started.index}*`, stateDir })) say(line);
    if (once) return 0;
    say('\n== following the logs: loglift tail (Ctrl-C stops everything)');
    await runCliInTerminal(['tail', '--tail', '5'], env, stop.signal);
    return 0;
  } finally {
    if (pipeline) {
      if (!outputClosed) logger.info('stopping the apps and the shipper');
      await pipeline.stop();
    }
    await flushLogger(logger);
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    logger.error(error instanceof Error ? error : { error: String(error) }, 'demo failed');
    await flushLogger(logger);
    process.exitCode = 1;
  },
);
