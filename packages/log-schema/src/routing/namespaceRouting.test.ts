import { describe, expect, it } from 'vitest';
import { ROUTING_CASE_MAP, ROUTING_CASES } from '../testing/routingCases.js';
import { groupDataStream, namespaceGlobSource, routeNamespace } from './namespaceRouting.js';

describe('routeNamespace', () => {
  it.each(ROUTING_CASES)('routes $namespace to $dataStream', ({ namespace, group, dataStream }) => {
    expect(routeNamespace(namespace, ROUTING_CASE_MAP)).toEqual({ group, dataStream });
  });

  it('sends documents without a namespace to the default stream', () => {
    expect(routeNamespace(undefined, ROUTING_CASE_MAP)).toEqual({ group: undefined, dataStream: 'logs-loglift' });
    expect(routeNamespace('', ROUTING_CASE_MAP).dataStream).toBe('logs-loglift');
  });

  it('sends everything to the default stream without groups', () => {
    expect(routeNamespace('payments', { dataStream: 'logs-x', groups: [] })).toEqual({
      group: undefined,
      dataStream: 'logs-x',
    });
  });

  it('names a group stream after its stream suffix, else the group', () => {
    expect(groupDataStream('logs-loglift', { name: 'search', stream: 'shared' })).toBe('logs-loglift-shared');
    expect(groupDataStream('logs-loglift', { name: 'payments' })).toBe('logs-loglift-payments');
  });

  it('translates only the glob characters', () => {
    expect(namespaceGlobSource('team-*-?')).toBe('team-.*-.');
  });
});
