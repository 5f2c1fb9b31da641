import { UnreachableError } from './errors.js';

/** The cluster's TLS certificate was not accepted: untrusted CA, other host name, or expired. */
export class TlsTrustError extends UnreachableError {
  override readonly name = 'TlsTrustError';
  constructor(
    message: string,
    url: string,
    readonly problem: 'untrusted' | 'hostname' | 'expired',
    /** The CA file the connection used, if any. */
    readonly caFile: string | undefined,
    readonly detail: string,
  ) {
    super(message, url);
  }
}

/** The URL's scheme does not match what the server speaks (http:// to HTTPS or the reverse). */
export class SchemeMismatchError extends UnreachableError {
  override readonly name = 'SchemeMismatchError';
  constructor(
    message: string,
    url: string,
    /** The scheme the server most likely expects. */
    readonly expected: 'http' | 'https',
  ) {
    super(message, url);
  }
}

/** No answer within the request timeout. */
export class RequestTimeoutError extends UnreachableError {
  override readonly name = 'RequestTimeoutError';
  constructor(
    message: string,
    url: string,
    readonly elapsedMs: number,
  ) {
    super(message, url);
  }
}

export interface ConnectionContext {
  readonly url: string;
  readonly caFile?: string | undefined;
  /** How long the failed request had been waiting. */
  readonly elapsedMs?: number | undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** A typed error for a transport failure whose message we recognise, else undefined. */
export function connectionError(
  detail: string,
  context: ConnectionContext,
  timedOut: boolean,
): UnreachableError | undefined {
  const { url } = context;
  const elapsed = context.elapsedMs ?? 0;
  if (timedOut) {
    return new RequestTimeoutError(`no answer from ${url} after ${seconds(elapsed)} (request timeout)`, url, elapsed);
  }
  const ca = context.caFile ? `the CA in ${context.caFile}` : 'the system CAs (no CA file was given)';
  if (
    /self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer certificate/i.test(
      detail,
    )
  ) {
    return new TlsTrustError(
      `the TLS certificate of ${url} is not signed by ${ca} (${detail}); connect with the PEM file of the CA that signed the cluster's certificate`,
      url,
      'untrusted',
      context.caFile,
      detail,
    );
  }
  if (/does not match certificate's altnames/i.test(detail)) {
    return new TlsTrustError(
      `the TLS certificate of ${url} is for another host name (${detail}); use the host name in the certificate`,
      url,
      'hostname',
      context.caFile,
      detail,
    );
  }
  if (/certificate has expired|certificate is not yet valid/i.test(detail)) {
    return new TlsTrustError(
      `the TLS certificate of ${url} is not valid now (${detail})`,
      url,
      'expired',
      context.caFile,
      detail,
    );
  }
  if (url.startsWith('https:') && /wrong version number|packet length too long|EPROTO/i.test(detail)) {
    return new SchemeMismatchError(`${url} answers plain HTTP, not HTTPS (${detail}); use an http:// URL`, url, 'http');
  }
  if (url.startsWith('http:') && /socket hang up|ECONNRESET/i.test(detail)) {
    return new SchemeMismatchError(
      `${url} closed the connection without an answer (${detail}); OpenSearch with TLS does that to plain HTTP: use an https:// URL`,
      url,
      'https',
    );
  }
  return undefined;
}
