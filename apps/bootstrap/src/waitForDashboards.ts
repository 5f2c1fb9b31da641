import { withBackoff } from './backoff.js';
import type { DashboardsClient } from './dashboards/dashboardsClient.js';
import { PreflightError } from './preflightError.js';

/**
 * States of `/api/status` in which Dashboards serves its API. The default answer carries the
 * legacy `status.overall.state` (green / yellow / red); with `v8format=true` it is
 * `status.overall.level` (available / degraded / unavailable / critical), where yellow is degraded
 * (OpenSearch-Dashboards src/core/server/status/routes/status.ts and legacy_status.ts). Degraded
 * means a plugin is not fully available, which can last (a plugin waiting on a missing index), so
 * it does not hold the run; red and unavailable do.
 */
export const READY_STATES: readonly string[] = ['green', 'yellow', 'available', 'degraded'];

/** Waits (bounded) until Dashboards' `/api/status` says it serves requests (green or yellow). */
export async function waitForDashboards(
  client: DashboardsClient,
  waitSeconds: number,
  now: () => number = Date.now,
): Promise<string> {
  let last = 'no answer yet';
  const state = await withBackoff<string>(
    async () => {
      try {
        last = await client.overallState();
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 401 || status === 403) {
          throw new PreflightError('auth', `Dashboards refused our identity (HTTP ${status}); not retrying`);
        }
        last = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      }
      return READY_STATES.includes(last) ? last : undefined;
    },
    { deadline: now() + waitSeconds * 1000, now },
  );
  if (!state) {
    throw new PreflightError(
      'unreachable',
      `Dashboards was not ready (green or yellow) within ${waitSeconds}s (last: ${last})`,
    );
  }
  return state;
}
