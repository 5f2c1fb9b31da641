import { describe, expect, it } from 'vitest';
import { connectionFromEnv } from './connection.js';

describe('connectionFromEnv', () => {
  it('is undefined without LOGLIFT_OPENSEARCH_URL', () => {
    expect(connectionFromEnv({})).toBeUndefined();
    expect(connectionFromEnv({ LOGLIFT_OPENSEARCH_URL: '' })).toBeUndefined();
  });

  it('reads the connection, with admin as the default user', () => {
    expect(
      connectionFromEnv({
        LOGLIFT_OPENSEARCH_URL: 'https://127.0.0.1:9200/',
        LOGLIFT_OPENSEARCH_PASSWORD: 'secret',
        LOGLIFT_OPENSEARCH_CA: '/tmp/ca.pem',
      }),
    ).toEqual({
      url: 'https://127.0.0.1:9200',
      username: 'admin',
      password: 'secret',
      caFile: '/tmp/ca.pem',
      version: undefined,
    });
  });

  it('takes username and version when given', () => {
    const connection = connectionFromEnv({
      LOGLIFT_OPENSEARCH_URL: 'http://localhost:9200',
      LOGLIFT_OPENSEARCH_USERNAME: 'writer',
      LOGLIFT_OPENSEARCH_PASSWORD: 'pw',
      LOGLIFT_OPENSEARCH_VERSION: '2.19.4',
    });
    expect(connection).toMatchObject({ username: 'writer', caFile: '', version: '2.19.4' });
  });

  it('insists on a password', () => {
    expect(() => connectionFromEnv({ LOGLIFT_OPENSEARCH_URL: 'https://127.0.0.1:9200' })).toThrow(/PASSWORD/);
  });
});
