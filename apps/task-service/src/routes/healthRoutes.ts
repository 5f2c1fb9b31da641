import type { Express } from 'express';
import type { HealthState } from '../health.js';

/** Kubernetes probes: 200 with `{status:'ok'}` when healthy, 503 with the reason otherwise. */
export function registerHealthRoutes(app: Express, health: HealthState): void {
  app.get('/health/liveness', (_req, res) => {
    // The event loop answered, which is what liveness checks; draining is not a reason to restart.
    res.json({ status: 'ok' });
  });

  app.get('/health/readiness', (_req, res) => {
    if (health.ready) {
      res.json({ status: 'ok' });
      return;
    }
    res.status(503).json({ status: health.draining ? 'draining' : 'starting' });
  });

  app.get('/health/startup', (_req, res) => {
    if (health.started) {
      res.json({ status: 'ok' });
      return;
    }
    res.status(503).json({ status: 'starting' });
  });
}
