import type { Express } from 'express';
import type { Registry } from 'prom-client';

/** Prometheus text exposition of the app's registry. */
export function registerMetricsRoute(app: Express, registry: Registry): void {
  app.get('/metrics', async (_req, res) => {
    const body = await registry.metrics();
    res.type(registry.contentType).send(body);
  });
}
