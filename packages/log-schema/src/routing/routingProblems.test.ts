import { describe, expect, it } from 'vitest';
import { ROUTING_CASE_MAP } from '../testing/routingCases.js';
import { groupStreams, routingProblems } from './routingProblems.js';

describe('routingProblems', () => {
  it('accepts the example map', () => {
    expect(routingProblems(ROUTING_CASE_MAP.groups)).toEqual([]);
  });

  it('refuses a namespace in two groups with the exact message', () => {
    expect(
      routingProblems([
        { name: 'payments', namespaces: ['shop', 'pay'] },
        { name: 'billing', namespaces: ['shop'] },
      ]),
    ).toEqual([
      'routing.groups: namespace "shop" is in groups "billing" and "payments"; a namespace belongs to one group',
    ]);
  });

  it('refuses group names that cannot end a data stream name', () => {
    expect(routingProblems([{ name: 'Team_A', namespaces: ['a'] }])).toEqual([
      'routing.groups: group name "Team_A" must be lowercase letters, digits and "-", start with a letter and be at most 40 characters (it ends the data stream name)',
    ]);
    expect(routingProblems([{ name: '1team', namespaces: ['a'] }])).toHaveLength(1);
  });

  it('refuses bad namespaces, bad stream suffixes and empty groups', () => {
    expect(routingProblems([{ name: 'a', namespaces: ['Bad/ns'], stream: 'x_y' }])).toEqual([
      'routing.groups.a.stream: "x_y" must be lowercase letters, digits and "-", start with a letter and be at most 40 characters',
      'routing.groups.a.namespaces: "Bad/ns" is not a namespace name or glob (lowercase letters, digits, "-", "*", "?")',
    ]);
    expect(routingProblems([{ name: 'a', namespaces: [] }])).toEqual([
      'routing.groups.a.namespaces: list at least one namespace name or glob',
    ]);
  });
});

describe('groupStreams', () => {
  it('lists each stream once with the groups sharing it', () => {
    const streams = groupStreams('logs-loglift', ROUTING_CASE_MAP.groups);
    expect(streams.map((s) => [s.dataStream, s.groups.map((g) => g.name)])).toEqual([
      ['logs-loglift-shared', ['analytics', 'search']],
      ['logs-loglift-billing-eu', ['billing-eu']],
      ['logs-loglift-payments', ['payments']],
      ['logs-loglift-zeta', ['zeta']],
    ]);
  });
});
