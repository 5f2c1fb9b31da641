import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { connectionEnv } from './connectionEnv.js';

const connection = {
  url: 'https://127.0.0.1:9200',
  username: 'admin',
  password: `p'a$s"w\`o rd`,
  caFile: '/tmp/ca.pem',
  version: '2.19.4',
};

describe('connectionEnv', () => {
  it('quotes values so a shell reads them back unchanged', () => {
    const script = `${connectionEnv(JSON.stringify(connection))}\nprintf '%s' "$LOGLIFT_OPENSEARCH_PASSWORD"`;
    expect(execFileSync('bash', ['-c', script], { encoding: 'utf8' })).toBe(connection.password);
  });

  it('names the missing field', () => {
    expect(() => connectionEnv(JSON.stringify({ ...connection, caFile: undefined }))).toThrow(/LOGLIFT_OPENSEARCH_CA/);
  });
});
