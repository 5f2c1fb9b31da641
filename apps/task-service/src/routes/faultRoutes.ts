import { setTimeout as sleep } from 'node:timers/promises';
import type { Express } from 'express';
import { HttpError } from '../httpError.js';

/** Longest delay `?delayMs=` may ask for, so a demo cannot hold connections indefinitely. */
export const MAX_DELAY_MS = 30_000;

/** Error thrown by `/api/debug/fail`, with a code and a cause so every error field is exercised. */
export class SimulatedFailure extends Error {
  readonly code = 'ESIMULATED';

  constructor() {
    super('Simulated failure requested through /api/debug/fail', {
      cause: new Error('Simulated upstream timeout'),
    });
    this.name = 'SimulatedFailure';
  }
}

/**
 * Demo and test faults, registered only when ENABLE_FAULTS=true: `?delayMs=N` on any `/api`
 * request waits N ms before handling it, and `/api/debug/fail` always answers 500.
 */
export function registerFaultRoutes(app: Express): void {
  app.use('/api', async (req, _res, next) => {
    const raw = req.query.delayMs;
    if (raw === undefined) return next();
    const delayMs = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(delayMs <= MAX_DELAY_MS)) {
      throw new HttpError(400, 'validation_failed', 'Invalid request query', [
        { field: 'delayMs', message: `must be an integer between 0 and ${MAX_DELAY_MS}` },
      ]);
    }
    await sleep(delayMs);
    next();
  });

  app.all('/api/debug/fail', () => {
    throw new SimulatedFailure();
  });
}
