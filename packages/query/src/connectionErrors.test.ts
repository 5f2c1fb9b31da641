import { describe, expect, it } from 'vitest';
import { connectionError, RequestTimeoutError, SchemeMismatchError, TlsTrustError } from './connectionErrors.js';
import { UnreachableError } from './errors.js';

const https = { url: 'https://127.0.0.1:9200' };

describe('connectionError', () => {
  it('names the CA used when the certificate is not trusted', () => {
    const error = connectionError('unable to verify the first certificate', { ...https, caFile: '/ca.pem' }, false);
    expect(error).toBeInstanceOf(TlsTrustError);
    expect(error).toBeInstanceOf(UnreachableError);
    expect(error?.message).toContain('is not signed by the CA in /ca.pem');
    const none = connectionError('self-signed certificate in certificate chain', https, false);
    expect(none?.message).toContain('the system CAs (no CA file was given)');
  });

  it('tells host name and validity problems apart', () => {
    const host = connectionError("Hostname/IP does not match certificate's altnames: IP: 10.0.0.1", https, false);
    expect(host).toMatchObject({ problem: 'hostname' });
    expect(connectionError('certificate has expired', https, false)).toMatchObject({ problem: 'expired' });
  });

  it('recognises a scheme that does not match the server', () => {
    const toPlain = connectionError('write EPROTO 0A00010B:SSL routines::wrong version number', https, false);
    expect(toPlain).toBeInstanceOf(SchemeMismatchError);
    expect(toPlain).toMatchObject({ expected: 'http' });
    const toTls = connectionError('socket hang up', { url: 'http://127.0.0.1:9200' }, false);
    expect(toTls).toMatchObject({ expected: 'https' });
    expect(toTls?.message).toContain('use an https:// URL');
  });

  it('says how long a timed-out request waited', () => {
    const error = connectionError('Request timed out', { ...https, elapsedMs: 30_012 }, true);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error?.message).toBe('no answer from https://127.0.0.1:9200 after 30 s (request timeout)');
  });

  it('leaves other failures to the caller', () => {
    expect(connectionError('connect ECONNREFUSED 127.0.0.1:9200', https, false)).toBeUndefined();
  });
});
