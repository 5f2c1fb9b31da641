import { describe, expect, it } from 'vitest';
import { assertMinimumVersion, MINIMUM_VERSION } from './preflight.js';

// GET / bodies as OpenSearch answers them (version.number, version.distribution).
describe('the minimum OpenSearch version', () => {
  it('refuses OpenSearch before 2.7, where flat_object does not exist, naming the minimum', () => {
    expect(() => assertMinimumVersion({ number: '2.6.0', distribution: 'opensearch' })).toThrow(
      `OpenSearch 2.6.0 is not supported: loglift needs OpenSearch ${MINIMUM_VERSION} or newer (the index template uses flat_object, added in 2.7)`,
    );
    expect(() => assertMinimumVersion({ number: '1.3.19', distribution: 'opensearch' })).toThrow(/1\.3\.19/);
  });

  it('refuses Elasticsearch', () => {
    expect(() => assertMinimumVersion({ number: '8.15.0', distribution: 'elasticsearch' })).toThrow(
      /elasticsearch 8\.15\.0 is not supported/,
    );
  });

  it('accepts 2.7 and newer, including 3.x and a compatibility-mode answer', () => {
    for (const number of ['2.7.0', '2.19.4', '3.3.0']) {
      expect(() => assertMinimumVersion({ number, distribution: 'opensearch' })).not.toThrow();
    }
    expect(() => assertMinimumVersion({ number: '7.10.2' })).not.toThrow();
  });
});
