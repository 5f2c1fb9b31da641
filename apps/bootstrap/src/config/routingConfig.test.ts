import { describe, expect, it } from 'vitest';
import { desiredIndexTemplate } from '../steps/indexTemplate.js';
import { desiredIsmPolicy } from '../steps/ismPolicy.js';
import { MINIMAL_CONFIG, problemsOf } from '../testing/configProblems.js';
import { parseConfig } from './loadConfig.js';
import { logStreams } from './logStreams.js';

const minimal = MINIMAL_CONFIG;

describe('routing groups in the desired state', () => {
  it('makes one stream per distinct stream suffix, after the default one', () => {
    const config = parseConfig({
      ...minimal,
      routing: {
        groups: [
          { name: 'payments', namespaces: ['payments'], deleteAfterDays: 90 },
          { name: 'search', namespaces: ['search-*'], stream: 'shared' },
          { name: 'analytics', namespaces: ['analytics'], stream: 'shared' },
        ],
      },
    });
    const streams = logStreams(config);
    expect(
      streams.map((s) => [s.dataStream, s.template, s.retention.policy, s.retention.deleteAfterDays, s.indexPatterns]),
    ).toEqual([
      ['logs-loglift', 'loglift-logs', 'loglift-logs-retention', 14, ['logs-loglift*']],
      ['logs-loglift-shared', 'loglift-logs-shared', 'loglift-logs-retention-shared', 14, ['logs-loglift-shared']],
      [
        'logs-loglift-payments',
        'loglift-logs-payments',
        'loglift-logs-retention-payments',
        90,
        ['logs-loglift-payments'],
      ],
    ]);
    expect(streams[1]?.groups.map((g) => g.name)).toEqual(['analytics', 'search']);
    expect(streams.slice(1).every((s) => s.templatePriority > (streams[0]?.templatePriority ?? 0))).toBe(true);
  });

  it("gives a group stream a template and ISM template naming it exactly, above the default stream's", () => {
    const config = parseConfig({ ...minimal, routing: { groups: [{ name: 'payments', namespaces: ['payments'] }] } });
    const [main, payments] = logStreams(config);
    expect(desiredIndexTemplate(main ?? expect.fail())).toMatchObject({
      index_patterns: ['logs-loglift*'],
      priority: 237,
    });
    expect(desiredIndexTemplate(payments ?? expect.fail())).toMatchObject({
      index_patterns: ['logs-loglift-payments'],
      priority: 238,
    });
    expect(desiredIsmPolicy(main ?? expect.fail()).policy.ism_template).toEqual([
      { index_patterns: ['logs-loglift*'], priority: 237 },
    ]);
    expect(desiredIsmPolicy(payments ?? expect.fail()).policy.ism_template).toEqual([
      { index_patterns: ['logs-loglift-payments'], priority: 238 },
    ]);
  });

  it('refuses a namespace in two groups with the routing rule message', () => {
    expect(
      problemsOf({
        ...minimal,
        routing: {
          groups: [
            { name: 'a', namespaces: ['shop'] },
            { name: 'b', namespaces: ['shop'] },
          ],
        },
      }),
    ).toContain(
      'routing.groups: routing.groups: namespace "shop" is in groups "a" and "b"; a namespace belongs to one group',
    );
  });

  it('refuses groups sharing a stream with different retention', () => {
    const problems = problemsOf({
      ...minimal,
      routing: {
        groups: [
          { name: 'a', namespaces: ['a'], stream: 's', deleteAfterDays: 3 },
          { name: 'b', namespaces: ['b'], stream: 's' },
        ],
      },
    });
    expect(problems).toContain(
      'routing.groups: groups "a" and "b" share the data stream logs-loglift-s but not its retention (3 and 14 days)',
    );
  });

  it('refuses group names that cannot end a data stream name', () => {
    const problems = problemsOf({ ...minimal, routing: { groups: [{ name: 'Team A', namespaces: ['a'] }] } });
    expect(problems.some((problem) => problem.startsWith('routing.groups.0.name: must be lowercase'))).toBe(true);
  });

  it('refuses a group stream that the Events stream template would claim', () => {
    expect(
      problemsOf({
        ...minimal,
        events: {},
        routing: { groups: [{ name: 'events-team', namespaces: ['ev'] }] },
      }),
    ).toContainEqual(
      expect.stringContaining(
        'group "events-team" would write to logs-loglift-events-team, which the events stream\'s template (logs-loglift-events*) claims',
      ),
    );
    expect(() =>
      parseConfig({ ...minimal, routing: { groups: [{ name: 'events-team', namespaces: ['ev'] }] } }),
    ).not.toThrow();
  });
});
