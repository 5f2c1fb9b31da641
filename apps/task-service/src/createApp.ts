import { httpLogger, type Logger } from '@loglift/logger';
import express, { type Express } from 'express';
import { errorHandler, notFoundHandler } from './errorHandler.js';
import type { HealthState } from './health.js';
import type { Metrics } from './metrics.js';
import { requestIdOnly } from './requestContext.js';
import { registerFaultRoutes } from './routes/faultRoutes.js';
import { registerHealthRoutes } from './routes/healthRoutes.js';
import { registerMetricsRoute } from './routes/metricsRoute.js';
import { registerTaskRoutes } from './routes/taskRoutes.js';
import type { TaskStore } from './taskStore.js';

export interface AppOptions {
  logger: Logger;
  store: TaskStore;
  health: HealthState;
  metrics: Metrics;
  /** Largest accepted JSON body, e.g. `100kb`. */
  bodyLimit: string;
  /** Write one log line per request (probe and scrape paths excluded). */
  logRequests: boolean;
  /** Register the fault-injection routes (see routes/faultRoutes.ts). */
  enableFaults: boolean;
}

/** Paths polled by kubelet and Prometheus; a line per poll would drown the useful ones. */
export const QUIET_PATHS = ['/health/liveness', '/health/readiness', '/health/startup', '/metrics'];

export function createApp(options: AppOptions): Express {
  const { logger, health } = options;
  const app = express();
  app.disable('x-powered-by');
  // Case-sensitive matching, so /API/tasks is a 404 rather than a second spelling of a route label.
  app.set('case sensitive routing', true);

  app.use(options.logRequests ? httpLogger({ logger, ignorePaths: QUIET_PATHS }) : requestIdOnly());
  app.use(options.metrics.middleware);

  registerHealthRoutes(app, health);
  registerMetricsRoute(app, options.metrics.registry);
  if (options.enableFaults) registerFaultRoutes(app);
  const jsonBody = express.json({ limit: options.bodyLimit });
  registerTaskRoutes(app, { store: options.store, logger, jsonBody });

  app.use(notFoundHandler());
  app.use(errorHandler(logger));
  return app;
}
