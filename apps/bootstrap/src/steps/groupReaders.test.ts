import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/loadConfig.js';
import { logStreams } from '../config/logStreams.js';
import { desiredGroupReaderRole, groupDocumentQuery } from './groupReaders.js';

const config = parseConfig({
  apiVersion: 'loglift.io/v1',
  kind: 'BootstrapConfig',
  opensearch: { url: 'https://os:9200' },
  routing: {
    groups: [
      { name: 'payments', namespaces: ['payments'], tenant: 'payments' },
      { name: 'search', namespaces: ['search-*', 'lookup'], stream: 'shared' },
      { name: 'analytics', namespaces: ['analytics-*', 'search-9'], stream: 'shared' },
    ],
  },
});
const [, shared, payments] = logStreams(config);
const group = (name: string) => config.routing.groups.find((g) => g.name === name) ?? expect.fail(name);
const field = 'kubernetes.namespace_name';

describe('group reader roles', () => {
  it('reads only its stream and that stream’s backing indices, without DLS on a stream of its own', () => {
    const role = desiredGroupReaderRole(config, payments ?? expect.fail(), group('payments'));
    const [logs] = role.index_permissions as { index_patterns: string[]; dls?: string }[];
    expect(logs?.index_patterns).toEqual(['logs-loglift-payments', '.ds-logs-loglift-payments-0*']);
    expect(logs?.dls).toBeUndefined();
    expect(role.tenant_permissions).toEqual([{ tenant_patterns: ['payments'], allowed_actions: ['kibana_all_read'] }]);
  });

  it('filters a shared stream by the routing rule: exact names of other groups and earlier globs win', () => {
    const role = desiredGroupReaderRole(config, shared ?? expect.fail(), group('search'));
    const [logs] = role.index_permissions as { dls?: string }[];
    expect(JSON.parse(logs?.dls ?? 'null')).toEqual(groupDocumentQuery(group('search'), config.routing.groups));
    expect(groupDocumentQuery(group('search'), config.routing.groups)).toEqual({
      bool: {
        minimum_should_match: 1,
        should: [
          { terms: { [field]: ['lookup'] } },
          {
            bool: {
              should: [{ wildcard: { [field]: { value: 'search-*' } } }],
              minimum_should_match: 1,
              // analytics-* comes earlier by name, search-9 is analytics' by exact name
              must_not: [
                { terms: { [field]: ['search-9', 'payments'] } },
                { wildcard: { [field]: { value: 'analytics-*' } } },
              ],
            },
          },
        ],
      },
    });
  });

  it('turns DLS on for a stream of its own when asked', () => {
    const asked = { ...group('payments'), documentLevelSecurity: true };
    const role = desiredGroupReaderRole(config, payments ?? expect.fail(), asked);
    expect((role.index_permissions as { dls?: string }[])[0]?.dls).toBe(
      JSON.stringify({ bool: { should: [{ terms: { [field]: ['payments'] } }], minimum_should_match: 1 } }),
    );
  });
});
