import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { isSensitiveKey } from './redaction.js';
import { lineSink } from './testing/lineSink.js';

function setup(redact?: string[]) {
  const sink = lineSink();
  const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream, ...(redact ? { redact } : {}) });
  return { sink, logger };
}

describe('redaction', () => {
  it.each([
    'authorization',
    'Authorization',
    'proxy-authorization',
    'cookie',
    'Cookie',
    'set-cookie',
    'Set-Cookie',
    'password',
    'PASSWORD',
    'newPassword',
    'password_hash',
    'token',
    'accessToken',
    'refresh_token',
    'x-auth-token',
    'secret',
    'clientSecret',
    'CLIENT_SECRET',
    'apiKey',
    'api_key',
    'API-KEY',
    'x-api-key',
    'token_',
    'secret-',
    'api_key_',
    ' passwordHash',
  ])('treats %s as a credential', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each(['author', 'tokens', 'tokenizer', 'secretary', 'keyword', 'cookieConsent', 'passage', 'id'])(
    'leaves %s alone',
    (key) => {
      expect(isSensitiveKey(key)).toBe(false);
    },
  );

  it('redacts credentials at the top level and nested in headers, whatever the case', () => {
    const { sink, logger } = setup();
    logger.info(
      {
        password: 'hunter2',
        req: { headers: { Authorization: 'Bearer abc', cookie: 'sid=1', 'x-api-key': 'k', accept: 'text/html' } },
        res: { headers: { 'Set-Cookie': ['sid=2'] } },
        config: { db: { Secret: 's', host: 'db' } },
      },
      'login',
    );
    expect(sink.last()).toMatchObject({
      password: '[Redacted]',
      req: {
        headers: { Authorization: '[Redacted]', cookie: '[Redacted]', 'x-api-key': '[Redacted]', accept: 'text/html' },
      },
      res: { headers: { 'Set-Cookie': '[Redacted]' } },
      config: { db: { Secret: '[Redacted]', host: 'db' } },
    });
    expect(sink.lines[0]).not.toMatch(/hunter2|Bearer abc|sid=/);
  });

  it('redacts in child bindings and in Map entries', () => {
    const { sink, logger } = setup();
    logger.child({ auth: { token: 't' } }).info({ headers: new Map([['Authorization', 'Bearer x']]) }, 'm');
    expect(sink.last()).toMatchObject({ auth: { token: '[Redacted]' }, headers: { Authorization: '[Redacted]' } });
  });

  it('redacts extra paths given as options', () => {
    const { sink, logger } = setup(['user.ssn', '*.card', 'headers["x-tenant-key"]']);
    logger.info(
      { user: { ssn: '123', name: 'ann' }, payment: { card: '4111' }, headers: { 'x-tenant-key': 'k' } },
      'x',
    );
    expect(sink.last()).toMatchObject({
      user: { ssn: '[Redacted]', name: 'ann' },
      payment: { card: '[Redacted]' },
      headers: { 'x-tenant-key': '[Redacted]' },
    });
  });

  it('does not take paths from logged data', () => {
    const { sink, logger } = setup();
    logger.info({ redact: ['user.name'], user: { name: 'ann' } }, 'x');
    expect(sink.last()).toMatchObject({ user: { name: 'ann' } });
  });
});
