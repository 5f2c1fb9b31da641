import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ServingCertificates {
  /** PEM of the CA that signed the serving certificate; clients trust only this. */
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** The names clients may use for the API server: loopback, and the in-cluster service names. */
export const SERVING_NAMES = [
  'IP:127.0.0.1',
  'DNS:localhost',
  'DNS:kubernetes',
  'DNS:kubernetes.default',
  'DNS:kubernetes.default.svc',
] as const;

async function openssl(args: readonly string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${stderr.trim()}`);
  }
}

/**
 * A throw-away CA and a serving certificate for kube-apiserver, valid two days, written into
 * `dir`. P-256 keys: generated in milliseconds, and accepted by Go and Node alike.
 */
export async function generateServingCertificates(dir: string): Promise<ServingCertificates> {
  const caFile = path.join(dir, 'ca.crt');
  const caKey = path.join(dir, 'ca.key');
  const certFile = path.join(dir, 'apiserver.crt');
  const keyFile = path.join(dir, 'apiserver.key');
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'];
  await openssl([
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    caKey,
    '-out',
    caFile,
    '-subj',
    '/CN=loglift-test-ca',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await openssl([
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-subj',
    '/CN=kube-apiserver',
    '-CA',
    caFile,
    '-CAkey',
    caKey,
    '-addext',
    'basicConstraints=critical,CA:FALSE',
    '-addext',
    'keyUsage=critical,digitalSignature',
    '-addext',
    'extendedKeyUsage=serverAuth',
    '-addext',
    `subjectAltName=${SERVING_NAMES.join(',')}`,
  ]);
  return { caFile, certFile, keyFile };
}
