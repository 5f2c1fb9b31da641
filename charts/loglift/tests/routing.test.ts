import { groupStreams } from '@loglift/log-schema';
import { ROUTING_CASE_MAP, ROUTING_CASES, routingCaseValues } from '@loglift/log-schema/testing';
import { describe, expect, it } from 'vitest';
import { desiredState } from './desiredState.js';
import { fluentBitConfig, type Section, section } from './fluentBitConfig.js';
import { parseManifests, renderError, renderText } from './render.js';

const base = ['ci/00-defaults-values.yaml'];
const render = (set: Record<string, unknown>) => parseManifests(renderText({ values: base, set }));

/** What the rendered pipeline does with a record of that namespace: the index it is stored in. */
function storedIn(filters: Section[], outputs: Section[], namespace: string): string {
  let tag = 'kube.var.log.containers.pod_ns_c-1.log';
  const rewrite = filters.find((f) => f.name === 'rewrite_tag');
  // Rules in order, the first match wins (fluent-bit filter_rewrite_tag).
  for (const rule of (rewrite?.rule as string[] | undefined) ?? []) {
    const [key, regex, newTag, keep] = rule.split(' ');
    expect(key).toBe("$kubernetes['namespace_name']");
    expect(keep).toBe('false');
    if (new RegExp(regex as string).test(namespace)) {
      tag = newTag as string;
      break;
    }
  }
  const matched = outputs.filter((o) => {
    const match = String(o.match);
    return match.endsWith('*') ? tag.startsWith(match.slice(0, -1)) : tag === match;
  });
  expect(matched).toHaveLength(1);
  return String(matched[0]?.index);
}

describe('routing.groups', () => {
  const manifests = render({ 'routing.groups': routingCaseValues() });
  const config = fluentBitConfig(manifests);
  const { filters, outputs } = config.pipeline;

  it.each(ROUTING_CASES)('stores $namespace in $dataStream, by the rule of @loglift/log-schema', (c) => {
    expect(storedIn(filters, outputs, c.namespace)).toBe(c.dataStream);
  });

  it('re-tags after every other kube.* filter, on the filesystem buffer, dropping the original', () => {
    const rewrite = section(filters, 'rewrite_tag');
    expect(filters[filters.length - 1]).toBe(rewrite);
    expect(rewrite).toMatchObject({ match: 'kube.*', 'emitter_storage.type': 'filesystem' });
    expect(rewrite.emitter_mem_buf_limit).toBe(section(config.pipeline.inputs, 'tail').mem_buf_limit);
  });

  it('gives every stream its own copy of the output: retries, buffer limit and TLS kept', () => {
    const [main, ...streams] = outputs.filter((o) => o.name === 'opensearch');
    expect(streams.map((o) => o.index).sort()).toEqual(
      groupStreams(ROUTING_CASE_MAP.dataStream, ROUTING_CASE_MAP.groups)
        .map((s) => s.dataStream)
        .sort(),
    );
    for (const output of streams) {
      const { match, index, alias, ...rest } = output;
      expect(String(match)).toMatch(/^loglift\.stream\.[a-z][a-z0-9-]*$/);
      expect(alias).toBe(`opensearch-${String(match).slice('loglift.stream.'.length)}`);
      const { match: _m, index: _i, ...mainRest } = main as Section;
      expect(rest).toEqual(mainRest);
    }
  });

  it('hands the groups, their tenants and index patterns to the bootstrap', () => {
    const state = render({
      'routing.groups': { payments: { namespaces: ['payments'], retentionDays: 90, tenant: true } },
      'opensearch.dashboards.url': 'https://dashboards.example.com',
    });
    const desired = desiredState(state) as ReturnType<typeof desiredState> & { routing?: unknown };
    expect(desired.routing).toEqual({
      groups: [
        {
          name: 'payments',
          namespaces: ['payments'],
          deleteAfterDays: 90,
          readers: { backendRoles: [], users: [] },
          documentLevelSecurity: false,
          tenant: 'payments',
        },
      ],
    });
    expect(desired.dashboards?.tenants).toEqual(['global', 'payments']);
    expect(desired.dashboards?.indexPatterns).toContainEqual({
      id: 'loglift-logs-payments',
      title: 'logs-loglift-payments',
      timeFieldName: '@timestamp',
      default: false,
    });
  });

  it('renders no routing without groups', () => {
    const config = fluentBitConfig(parseManifests(renderText({ values: base })));
    expect(config.pipeline.filters.find((f) => f.name === 'rewrite_tag')).toBeUndefined();
    expect(config.pipeline.outputs.filter((o) => o.name === 'opensearch')).toHaveLength(1);
    expect('routing' in desiredState(parseManifests(renderText({ values: base })))).toBe(false);
  });

  it('refuses a namespace in two groups with the message of @loglift/log-schema', () => {
    const error = renderError({
      values: base,
      set: { 'routing.groups': { payments: { namespaces: ['shop'] }, billing: { namespaces: ['shop', 'x'] } } },
    });
    expect(error).toContain(
      'routing.groups: namespace "shop" is in groups "billing" and "payments"; a namespace belongs to one group',
    );
  });

  it('refuses group names that cannot end a data stream name (schema)', () => {
    expect(renderError({ values: base, set: { 'routing.groups': { Team_A: { namespaces: ['a'] } } } })).toMatch(
      /Team_A/,
    );
  });
});
