import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apply } from '../apply.js';
import { plan } from '../plan.js';
import { dashboardsSetup, STUB_AUTH } from '../testing/dashboardsSetup.js';
import { type DashboardsStub, startDashboardsStub } from '../testing/dashboardsStub.js';

let stub: DashboardsStub;
beforeEach(async () => {
  stub = await startDashboardsStub({ basicAuth: STUB_AUTH });
});
afterEach(() => stub.close());

async function ndjsonFile(objects: readonly unknown[], name = 'team.ndjson'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loglift-so-'));
  const file = join(dir, name);
  await writeFile(file, `${objects.map((object) => JSON.stringify(object)).join('\n')}\n`);
  return file;
}

/** A visualization as older exports write it: the index id inside searchSourceJSON, pretty JSON. */
function exportedVisualization(id: string, indexId: string, params: Record<string, unknown> = {}) {
  const visState = {
    title: id,
    type: 'histogram',
    params: {},
    aggs: [{ id: '1', type: 'date_histogram', schema: 'segment', params }],
  };
  return {
    id,
    type: 'visualization',
    attributes: {
      title: id,
      visState: JSON.stringify(visState, null, 2),
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({ index: indexId, query: { query: '', language: 'kuery' } }),
      },
    },
  };
}

const steps = (file: string, tenants = ['global']) =>
  dashboardsSetup(stub, { builtinContent: false, tenants, savedObjectsFiles: [file] }).steps;

describe('saved objects from users’ ndjson', () => {
  it('converges on objects Dashboards migrates on import: a re-run sends zero writes', async () => {
    const file = await ndjsonFile([exportedVisualization('vis-1', 'loglift-logs')]);
    const first = await apply(steps(file));
    expect(first.failed).toBeUndefined();
    const stored = stub.objects.get('global')?.get('visualization/vis-1');
    // What Dashboards stored is not what was sent: the index moved to references.
    expect(stored?.references).toEqual([
      { name: 'kibanaSavedObjectMeta.searchSourceJSON.index', type: 'index-pattern', id: 'loglift-logs' },
    ]);
    expect(stored?.migrationVersion).toEqual({ visualization: '7.10.0' });
    const setup = dashboardsSetup(stub, { builtinContent: false, savedObjectsFiles: [file] });
    const second = await apply(setup.steps);
    expect(second.objects.find((o) => o.kind === 'saved-objects')).toMatchObject({ action: 'unchanged' });
    expect(setup.client.counter.count).toBe(0);
  });

  it('converges on a dashboard and a visualization exported with ids inside, which Dashboards moves to references', async () => {
    const dashboard = {
      id: 'dash-1',
      type: 'dashboard',
      attributes: {
        title: 'Team',
        uiStateJSON: '{"P-1":{"vis":{"legendOpen":false}}}',
        panelsJSON: JSON.stringify([
          { panelIndex: '1', gridData: { x: 0, y: 0, w: 24, h: 15, i: '1' }, id: 'vis-1', type: 'visualization' },
        ]),
        kibanaSavedObjectMeta: { searchSourceJSON: '{"query":{"query":"","language":"kuery"},"filter":[]}' },
      },
    };
    const search = {
      id: 'search-1',
      type: 'search',
      attributes: { title: 'S', kibanaSavedObjectMeta: { searchSourceJSON: '{}' } },
    };
    const onSearch = {
      id: 'vis-2',
      type: 'visualization',
      attributes: { title: 'On a search', visState: '{}', savedSearchId: 'search-1' },
    };
    const file = await ndjsonFile([exportedVisualization('vis-1', 'loglift-logs'), search, onSearch, dashboard]);
    const first = await apply(steps(file));
    expect(first.objects.find((o) => o.kind === 'saved-objects')).toMatchObject({
      action: 'create',
      note: 'imports 4 of 4 objects',
    });
    expect(stub.objects.get('global')?.get('visualization/vis-2')?.references).toEqual([
      { name: 'search_0', type: 'search', id: 'search-1' },
    ]);
    expect(stub.objects.get('global')?.get('dashboard/dash-1')?.references).toEqual([
      { name: 'panel_0', type: 'visualization', id: 'vis-1' },
    ]);
    const again = dashboardsSetup(stub, { builtinContent: false, savedObjectsFiles: [file] });
    expect((await apply(again.steps)).objects.find((o) => o.kind === 'saved-objects')?.action).toBe('unchanged');
    expect(again.client.counter.count).toBe(0);
  });

  it('reports a partial import object by object and fails the step', async () => {
    const search = {
      id: 'search-1',
      type: 'search',
      attributes: { title: 'Errors', kibanaSavedObjectMeta: { searchSourceJSON: '{"index":"loglift-logs"}' } },
    };
    const dangling = {
      id: 'vis-1',
      type: 'visualization',
      attributes: { title: 'x', visState: '{}', kibanaSavedObjectMeta: { searchSourceJSON: '{"indexRefName":"ref"}' } },
      references: [{ name: 'ref', type: 'index-pattern', id: 'gone' }],
    };
    const file = await ndjsonFile([search, dangling]);
    const result = await apply(steps(file));
    expect(result.failed).toMatchObject({ kind: 'saved-objects', name: 'global/team.ndjson' });
    expect(result.failed?.error.message).toBe(
      '1 of 2 objects were not imported into tenant "global" (imported: search/search-1); visualization/vis-1: references objects that exist neither in the file nor in the tenant (index-pattern/gone)',
    );
    expect(stub.objects.get('global')?.has('search/search-1')).toBe(true);
    expect(stub.objects.get('global')?.has('visualization/vis-1')).toBe(false);
  });

  it('says which objects Dashboards stores differently after import, since every run would import them', async () => {
    const file = await ndjsonFile([exportedVisualization('vis-tz', 'loglift-logs', { time_zone: 'UTC' })]);
    const result = await apply(steps(file));
    expect(result.objects.find((o) => o.kind === 'saved-objects')?.note).toBe(
      'Dashboards stored visualization/vis-tz differently from the file (a migration changed them), so every run imports them again: ship them as exported from this Dashboards version',
    );
  });

  it('names the file and object when Dashboards does not know a type (400)', async () => {
    const file = await ndjsonFile([{ id: 'l-1', type: 'lens', attributes: {} }], 'lens.ndjson');
    await expect(plan(steps(file))).rejects.toThrow(
      'lens.ndjson: lens/l-1: Dashboards does not know the type "lens" (400): remove the object or install the plugin that provides it',
    );
  });

  it('imports the same file into every tenant of the list', async () => {
    const file = await ndjsonFile([exportedVisualization('vis-1', 'loglift-logs')]);
    const result = await apply(steps(file, ['global', 'team-a', 'team-b']));
    expect(result.failed).toBeUndefined();
    for (const tenant of ['global', 'team-a', 'team-b'])
      expect(stub.objects.get(tenant)?.has('visualization/vis-1')).toBe(true);
  });
});
