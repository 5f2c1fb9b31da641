import { afterEach, describe, expect, it } from 'vitest';
import { DashboardsClient } from './dashboards/dashboardsClient.js';
import { type DashboardsStub, startDashboardsStub } from './testing/dashboardsStub.js';
import { waitForDashboards } from './waitForDashboards.js';

// Response shapes of OpenSearch-Dashboards' /api/status (src/core/server/status/routes/status.ts,
// legacy_status.ts): `status.overall.state` by default, `status.overall.level` with v8format.
let stub: DashboardsStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function waitWith(overall: Record<string, string>, now?: () => number): Promise<string> {
  stub = await startDashboardsStub({ startingCalls: 1, overall });
  const client = new DashboardsClient({ url: stub.url, auth: { type: 'none' } });
  return waitForDashboards(client, 30, now);
}

/** A clock that passes the deadline after the first try, so a never-ready Dashboards fails at once. */
function pastDeadlineAfterFirstTry(): () => number {
  let calls = 0;
  return () => {
    calls += 1;
    return calls === 1 ? 0 : 3_600_000;
  };
}

describe('waiting for Dashboards', () => {
  it('accepts yellow: a degraded plugin can stay degraded for as long as Dashboards runs', async () => {
    await expect(waitWith({ state: 'yellow', title: 'Yellow' })).resolves.toBe('yellow');
  });

  it('accepts the v8 levels available and degraded', async () => {
    await expect(waitWith({ level: 'degraded', summary: '1 service is degraded' })).resolves.toBe('degraded');
    await stub?.close();
    await expect(waitWith({ level: 'available' })).resolves.toBe('available');
  });

  it('still waits on red and says what it saw last', async () => {
    stub = await startDashboardsStub({ overall: { state: 'red' } });
    const client = new DashboardsClient({ url: stub.url, auth: { type: 'none' } });
    await expect(waitForDashboards(client, 30, pastDeadlineAfterFirstTry())).rejects.toThrow(
      'Dashboards was not ready (green or yellow) within 30s (last: red)',
    );
  });
});
