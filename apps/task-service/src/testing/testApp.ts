import type { Express } from 'express';
import { type AppOptions, createApp } from '../createApp.js';
import { HealthState } from '../health.js';
import { InMemoryTaskStore } from '../inMemoryTaskStore.js';
import { createMetrics, type Metrics } from '../metrics.js';
import { type CapturedLogs, captureLogs } from './captureLogs.js';

export interface TestApp {
  app: Express;
  logs: CapturedLogs;
  health: HealthState;
  metrics: Metrics;
}

/**
 * An app with an in-memory store, captured logs and a 1kb body limit. Its health state is
 * started unless `started` is false (as before the listener is bound).
 */
export function buildTestApp(
  overrides: Partial<Omit<AppOptions, 'logger' | 'health'>> = {},
  { started = true } = {},
): TestApp {
  const logs = captureLogs();
  const health = new HealthState();
  if (started) health.markStarted();
  const metrics = overrides.metrics ?? createMetrics({ defaultMetrics: false });
  const app = createApp({
    logger: logs.logger,
    health,
    store: new InMemoryTaskStore(),
    bodyLimit: '1kb',
    logRequests: true,
    enableFaults: false,
    ...overrides,
    metrics,
  });
  return { app, logs, health, metrics };
}
