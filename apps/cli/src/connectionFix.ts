import { type LogliftQueryError, RequestTimeoutError, SchemeMismatchError, TlsTrustError } from '@loglift/query';

/** The CLI's words for fixing a connection error: which flag or variable to set. */
export function connectionFix(error: LogliftQueryError): string | undefined {
  if (error instanceof TlsTrustError) {
    if (error.problem === 'untrusted') {
      return "pass the cluster's CA certificate (PEM) with --ca-file <file> or LOGLIFT_CA_FILE (--insecure skips the check, for test clusters only)";
    }
    if (error.problem === 'hostname')
      return 'connect with --url (or LOGLIFT_URL) using a host name the certificate lists';
    return 'renew the cluster certificate, or check this machine’s clock';
  }
  if (error instanceof SchemeMismatchError) {
    const url = new URL(error.url);
    url.protocol = `${error.expected}:`;
    return `use --url ${url.origin} (or LOGLIFT_URL)`;
  }
  if (error instanceof RequestTimeoutError) {
    return 'check --url (or LOGLIFT_URL) and that this machine can reach it (VPN, security group, proxy)';
  }
  return undefined;
}
