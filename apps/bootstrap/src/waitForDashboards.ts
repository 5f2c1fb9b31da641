import { withBackoff } from './backoff.js';
import type { DashboardsClient } from './dashboards/dashboardsClient.js';
import { PreflightError } from './preflightError.js';

/** Waits (bounded) for Dashboards' `/api/status` to report green. */
export async function waitForDashboards(
  client: DashboardsClient,
  waitSeconds: number,
  now: () => number = Date.now,
): Promise<void> {
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
      return last === 'green' ? last : undefined;
    },
    { deadline: now() + waitSeconds * 1000, now },
  );
  if (!state)
    throw new PreflightError('unreachable', `Dashboards was not green within ${waitSeconds}s (last: ${last})`);
}
