import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../usageError.js';
import { resolveConnection } from './resolveConnection.js';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'loglift-test-')), 'config.yaml');
  writeFileSync(file, text);
  return file;
}

const noConfig = { XDG_CONFIG_HOME: '/nonexistent' };

describe('resolveConnection', () => {
  it('uses flags over env over the config context', () => {
    const config = configFile(
      'currentContext: prod\ncontexts:\n  prod:\n    url: https://ctx:9200\n    username: ctx\n    password: ctxpw\n    index: ctx-index\n    timezone: Europe/Berlin\n',
    );
    const env = { LOGLIFT_CONFIG: config, LOGLIFT_USERNAME: 'envuser', LOGLIFT_INDEX: 'env-index' };
    expect(resolveConnection({ url: 'https://flag:9200' }, env)).toEqual({
      connection: {
        url: 'https://flag:9200',
        auth: { type: 'basic', username: 'envuser', password: 'ctxpw' },
        index: 'env-index',
        tlsVerify: true,
      },
      timeZone: 'Europe/Berlin',
    });
  });

  it('reads a password from the variable a context names', () => {
    const config = configFile('contexts:\n  dev: { url: "http://localhost:9200", username: u, passwordEnv: DEV_PW }\n');
    const { connection } = resolveConnection({ context: 'dev', config }, { DEV_PW: 'secret' });
    expect(connection.auth).toEqual({ type: 'basic', username: 'u', password: 'secret' });
  });

  it('builds SigV4 auth with region and service', () => {
    const env = {
      ...noConfig,
      LOGLIFT_URL: 'https://search.example',
      LOGLIFT_AUTH: 'aws-sigv4',
      LOGLIFT_AWS_REGION: 'eu-west-1',
    };
    expect(resolveConnection({ awsService: 'aoss', insecure: true, caFile: '/ca.pem' }, env).connection).toEqual({
      url: 'https://search.example',
      auth: { type: 'aws-sigv4', region: 'eu-west-1', service: 'aoss' },
      index: 'logs-loglift',
      tlsVerify: false,
      caFile: '/ca.pem',
    });
  });

  it('takes the CA from --ca, --ca-file, LOGLIFT_CA_FILE or LOGLIFT_CA, flags first', () => {
    const env = { ...noConfig, LOGLIFT_URL: 'https://search.example' };
    const ca = (flags: Record<string, string>, extra: Record<string, string> = {}) =>
      resolveConnection(flags, { ...env, ...extra }).connection.caFile;
    expect(ca({ ca: '/short.pem' })).toBe('/short.pem');
    expect(ca({ caFile: '/long.pem', ca: '/short.pem' })).toBe('/long.pem');
    expect(ca({}, { LOGLIFT_CA: '/env.pem' })).toBe('/env.pem');
    expect(ca({}, { LOGLIFT_CA: '/env.pem', LOGLIFT_CA_FILE: '/env-file.pem' })).toBe('/env-file.pem');
    expect(ca({ ca: '/short.pem' }, { LOGLIFT_CA_FILE: '/env-file.pem' })).toBe('/short.pem');
  });

  it.each([
    [{}, noConfig, /no OpenSearch URL/],
    [{ url: 'http://x', username: 'u' }, noConfig, /basic auth needs a username and password/],
    [{ url: 'http://x', auth: 'aws-sigv4' }, noConfig, /needs a region/],
    [{ url: 'http://x', auth: 'kerberos' }, noConfig, /unknown auth "kerberos"/],
    [{ context: 'nope' }, noConfig, /no context "nope"/],
    [{ config: '/nonexistent/config.yaml' }, {}, /cannot read config file/],
  ])('rejects %j', (flags, env, message) => {
    expect(() => resolveConnection(flags, env)).toThrow(UsageError);
    expect(() => resolveConnection(flags, env)).toThrow(message);
  });

  it.each([
    ['contexts: [1, 2]\n', /contexts must be a mapping/],
    ['contexts:\n  a: { url: x, colour: red }\n', /context "a" has unknown key "colour"/],
    ['current-context: a\n', /unknown key "current-context"/],
    ['contexts: {\n', /not valid YAML/],
  ])('rejects the config file %j', (text, message) => {
    expect(() => resolveConnection({ config: configFile(text), url: 'http://x' }, {})).toThrow(message);
  });
});
