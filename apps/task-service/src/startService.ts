import type { Logger } from '@loglift/logger';
import type { Config } from './config.js';
import { createApp } from './createApp.js';
import { HealthState } from './health.js';
import { InMemoryTaskStore } from './inMemoryTaskStore.js';
import { createMetrics } from './metrics.js';
import { type RunningServer, startServer } from './server.js';
import type { TaskStore } from './taskStore.js';

export interface ServiceDependencies {
  logger: Logger;
  store?: TaskStore;
}

/** Wires config, store, metrics and health into a listening server. */
export async function startService(config: Config, deps: ServiceDependencies): Promise<RunningServer> {
  const health = new HealthState();
  const app = createApp({
    logger: deps.logger,
    store: deps.store ?? new InMemoryTaskStore(),
    health,
    metrics: createMetrics(),
    bodyLimit: config.bodyLimit,
    logRequests: config.logRequests,
    enableFaults: config.enableFaults,
  });
  return startServer({
    app,
    port: config.port,
    host: config.host,
    logger: deps.logger,
    health,
    shutdownGraceMs: config.shutdownGraceMs,
    shutdownDelayMs: config.shutdownDelayMs,
  });
}
