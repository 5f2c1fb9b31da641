import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, flushLogger } from '@loglift/logger';
import { countDocuments, type OpenSearchConnection } from './openSearchHttp.js';
import { type Pipeline, startPipeline } from './pipeline.js';
import { repoRoot } from './repoRoot.js';
import { cliEnv, runCli } from './runCli.js';
import { waitFor } from './waitFor.js';

/**
 * The README's main job: runs the pipeline against a running test node, prints what it started,
 * shows `loglift stats` and recent errors, then follows the logs until Ctrl-C (or exits, --once).
 *   node --import tsx --conditions=@loglift/source tools/e2e/src/demo.ts --connection <file> [--once]
 * `demo.sh` does the set-up and starts the node; use that.
 */
const logger = createLogger({ service: { name: 'loglift-demo' }, destination: process.stderr, handleExit: false });
const say = (text = '') => process.stdout.write(`${text}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { connection: { type: 'string' }, once: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.connection) throw new Error('--connection <file with the OpenSearch connection JSON> is required');
  const connectionFile = values.connection;
  const connection = JSON.parse(readFileSync(connectionFile, 'utf8')) as OpenSearchConnection;
  const once = values.once || process.env.LOGLIFT_DEMO_ONCE === '1';
  const stateDir = join(repoRoot, '.cache/e2e-demo');
  const workDir = join(stateDir, 'run');
  rmSync(workDir, { recursive: true, force: true });

  const stop = new AbortController();
  let pipeline: Pipeline | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping the demo');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    pipeline = await startPipeline({
      opensearch: connection,
      workDir,
      traffic: once ? { duration: '15s', rate: 10 } : { duration: '12h', rate: 5 },
      hostile: { rounds: 1, intervalMs: 50 },
      log: (message) => logger.info(message),
    });
    const started = pipeline;
    writeFileSync(
      join(stateDir, 'pids'),
      `${started
        .processes()
        .map((p) => p.pid)
        .filter(Boolean)
        .join('\n')}\n`,
    );
    say('\n== loglift is running on this machine');
    say(`OpenSearch      ${connection.url} (secured; admin credentials in ${connectionFile}, CA ${connection.caFile})`);
    say(`data stream     ${started.index}  (template, roles and writer user created by the bootstrap)`);
    say(`bootstrap       ${started.bootstrapSummary.trim().split('\n').pop()}`);
    say(
      `shipping        ${started.shipperKind === 'fluent-bit' ? `Fluent Bit on the chart's rendered config (${started.fluentBit?.configFile})` : 'no Fluent Bit binary found: @loglift/logger/opensearch transport emulating the rendered config'} as writer user "${started.writer.username}"`,
    );
    say(`task-service    ${started.taskServiceUrl}`);
    for (const proc of started.processes()) if (proc.pid) say(`  pid ${String(proc.pid).padEnd(8)} ${proc.name}`);
    say(`node log folder ${started.paths.logDir} (CRI files named like kubelet's)`);
    say(`try             curl ${started.taskServiceUrl}/api/tasks`);

    const env = cliEnv(connection, started.index);
    const byContainer = { term: { 'kubernetes.container_name': 'task-service' } };
    if (once) await started.traffic?.exited;
    await waitFor(
      async () =>
        stop.signal.aborted ||
        (await countDocuments(connection, started.index, byContainer)) >= Math.min(started.taskService.lines(), 20)
          ? true
          : undefined,
      120_000,
      () => 'no task-service documents arrived',
    );
    if (stop.signal.aborted) return 130;
    say('\n== loglift stats --since 15m');
    await runCli(['stats', '--since', '15m', '--top', '5'], env);
    say('\n== recent errors: loglift query --level error --since 15m --limit 5');
    await runCli(['query', '--level', 'error', '--since', '15m', '--limit', '5'], env);
    say('\n== loglift verify');
    const ism = !/skipped\s+ism-policy/.test(started.bootstrapSummary);
    const desired = started.chart.bootstrapConfig as {
      logs?: { template?: string; retention?: { policy?: string } };
      security?: { writerRole?: string };
    };
    await runCli(
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
    );
    if (once || stop.signal.aborted) return 0;
    say('\n== following the logs: loglift tail (Ctrl-C stops everything)');
    await runCli(['tail', '--tail', '5'], env, stop.signal);
    return 0;
  } finally {
    if (pipeline) {
      logger.info('stopping the apps and the shipper');
      await pipeline.stop();
    }
    await flushLogger(logger);
  }
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
