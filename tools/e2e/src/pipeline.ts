import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NamespaceGroup } from '@loglift/log-schema';
import { OpenSearchRoutedWriter, routedIndex } from '@loglift/logger/opensearch';
import { applyBootstrap, localDesiredState } from './applyBootstrap.js';
import { buildBundles } from './bundles.js';
import { emulatedPipeline } from './emulatedPipeline.js';
import { localFluentBitConfig } from './fluentBitConfig.js';
import { FluentBitShipper, findFluentBit } from './fluentBitShipper.js';
import { freePort } from './freePort.js';
import type { OpenSearchConnection } from './openSearchHttp.js';
import { type RenderedChart, renderChart } from './renderChart.js';
import type { RunningContainer } from './spawnContainer.js';
import { startApps } from './startApps.js';
import { TcpProxy } from './tcpProxy.js';
import { TransportShipper } from './transportShipper.js';

export interface PipelineOptions {
  readonly opensearch: OpenSearchConnection;
  /** Empty folder for logs, metadata, state and config. */
  readonly workDir: string;
  /** `auto` (default): Fluent Bit when a binary is found, else the transport. */
  readonly shipper?: 'auto' | 'fluent-bit' | 'transport';
  /** Chart value overrides (`--set-string`), e.g. unique names in tests. */
  readonly set?: Readonly<Record<string, string>>;
  /** Traffic generator run; false for none. */
  readonly traffic?: { readonly duration: string; readonly rate: number } | false;
  /** Hostile app rounds; false for none. */
  readonly hostile?: { readonly rounds: number; readonly intervalMs: number } | false;
  readonly buildBundles?: boolean;
  readonly log?: (line: string) => void;
  /** Called for each long-running process as soon as it is started (the demo records them). */
  readonly onProcess?: (name: string, pid: number) => void;
}

export interface Pipeline {
  readonly shipperKind: 'fluent-bit' | 'transport';
  readonly chart: RenderedChart;
  readonly index: string;
  /** The data stream documents of a namespace go to (its routing group's, else `index`). */
  indexOf(namespace: string): string;
  readonly namespace: string;
  readonly nodeName: string;
  readonly writer: { readonly username: string; readonly password: string };
  readonly bootstrapSummary: string;
  readonly taskServiceUrl: string;
  readonly taskService: RunningContainer;
  readonly traffic: RunningContainer | undefined;
  readonly hostile: RunningContainer | undefined;
  readonly hostileCountFile: string;
  readonly paths: { readonly logDir: string; readonly metaDir: string; readonly stateDir: string };
  readonly fluentBit: FluentBitShipper | undefined;
  readonly proxy: TcpProxy | undefined;
  readonly transport: TransportShipper | undefined;
  /** Every process the pipeline started, for the demo's report. */
  processes(): { readonly name: string; readonly pid: number | undefined }[];
  /** Stops the apps (gracefully), then the shipper once it delivered what they wrote. */
  stop(): Promise<void>;
}

const NODE_NAME = 'loglift-local';
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Starts the whole pipeline: render, bootstrap, shipper, then the apps writing CRI log files. */
export async function startPipeline(options: PipelineOptions): Promise<Pipeline> {
  const log = options.log ?? (() => undefined);
  const logDir = join(options.workDir, 'var/log/containers');
  const metaDir = join(options.workDir, 'kube-meta');
  const stateDir = join(options.workDir, 'fluent-bit-state');
  for (const dir of [logDir, metaDir, stateDir]) mkdirSync(dir, { recursive: true });
  if (options.buildBundles !== false) {
    log("building the apps' bundles (nx run @loglift/e2e:bundles)");
    await buildBundles();
  }
  const chart = await renderChart({ ...(options.set ? { set: options.set } : {}) });
  const desired = localDesiredState(chart.bootstrapConfig, options.opensearch);
  const security = desired.security as { writer?: { internalUser?: { name?: string } } };
  const writerName = security.writer?.internalUser?.name;
  if (!writerName)
    throw new Error('the rendered desired state has no internal writer user (opensearch.writer.auth generated)');
  const writer = { username: writerName, password: `Lw-${hex(12)}-7x!` };
  log('applying the bootstrap desired state rendered by the chart');
  const bootstrapSummary = await applyBootstrap(desired, options.opensearch, writer.password, options.workDir);
  const pipelineSettings = emulatedPipeline(chart.fluentBitYaml);
  // The chart's routing groups as the bootstrap got them: the transport routes by the same rule.
  const groups = ((desired.routing as { groups?: NamespaceGroup[] } | undefined)?.groups ?? []).map(
    ({ name, namespaces, stream }) => ({ name, namespaces, ...(stream ? { stream } : {}) }),
  );

  const binary = options.shipper === 'transport' ? undefined : findFluentBit();
  if (options.shipper === 'fluent-bit' && !binary)
    throw new Error('no Fluent Bit binary: set FLUENT_BIT_BIN or put fluent-bit on PATH');
  const target = new URL(options.opensearch.url);
  let fluentBit: FluentBitShipper | undefined;
  let proxy: TcpProxy | undefined;
  let transport: TransportShipper | undefined;
  let bulkWriter: OpenSearchRoutedWriter | undefined;
  if (binary) {
    proxy = new TcpProxy(await freePort(), target.hostname, Number(target.port || 443));
    await proxy.start();
    const httpPort = await freePort();
    const configDir = join(options.workDir, 'fluent-bit-config');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'lift.lua'), chart.liftLua);
    writeFileSync(join(configDir, 'noise.lua'), chart.noiseLua);
    const config = localFluentBitConfig(chart.fluentBitYaml, {
      configDir,
      logDir,
      stateDir,
      metaDir,
      host: '127.0.0.1',
      port: proxy.port,
      caFile: options.opensearch.caFile,
      kubeUrlPort: await freePort(),
      httpPort,
    });
    fluentBit = new FluentBitShipper({ binary, config, workDir: options.workDir, httpPort, ...writer });
    await fluentBit.dryRun();
    await fluentBit.start();
    if (fluentBit.pid !== undefined) options.onProcess?.('fluent-bit', fluentBit.pid);
    log(`shipping with Fluent Bit (${binary}), pid ${fluentBit.pid}`);
  } else {
    bulkWriter = new OpenSearchRoutedWriter({
      url: options.opensearch.url,
      index: pipelineSettings.index,
      routing: { groups },
      ...writer,
      ...(options.opensearch.caFile ? { caFile: options.opensearch.caFile } : {}),
      whenFull: 'block',
      flushIntervalMs: 500,
    });
    transport = new TransportShipper({ logDir, metaDir, pipeline: pipelineSettings, writer: bulkWriter });
    transport.start();
    log(
      'no Fluent Bit binary (FLUENT_BIT_BIN or fluent-bit on PATH): shipping with the @loglift/logger/opensearch transport',
    );
  }

  const apps = await startApps({
    chart,
    logDir,
    metaDir,
    workDir: options.workDir,
    nodeName: NODE_NAME,
    traffic: options.traffic,
    hostile: options.hostile,
    log,
    ...(options.onProcess ? { onProcess: options.onProcess } : {}),
  });
  const { namespace, taskService, taskServiceUrl, traffic, hostile, hostileCountFile } = apps;

  const stop = async () => {
    for (const container of [traffic, hostile, taskService]) await container?.stop('SIGTERM');
    if (transport) {
      await transport.stop();
      await bulkWriter?.close();
    }
    // Fluent Bit reads what is left before it stops: give it a few flush intervals.
    if (fluentBit) {
      await sleep(3000);
      await fluentBit.stop();
    }
    await proxy?.stop();
  };

  return {
    shipperKind: fluentBit ? 'fluent-bit' : 'transport',
    chart,
    index: pipelineSettings.index,
    indexOf: (ns: string) => routedIndex(pipelineSettings.index, ns, { groups }),
    namespace,
    nodeName: NODE_NAME,
    writer,
    bootstrapSummary,
    taskServiceUrl,
    taskService,
    traffic,
    hostile,
    hostileCountFile,
    paths: { logDir, metaDir, stateDir },
    fluentBit,
    proxy,
    transport,
    processes: () => [
      { name: 'task-service', pid: taskService.pid },
      { name: 'traffic generator', pid: traffic?.pid },
      { name: 'hostile app', pid: hostile?.pid },
      ...(fluentBit ? [{ name: 'fluent-bit', pid: fluentBit.pid }] : []),
    ],
    stop,
  };
}
