import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateServingCertificates } from './certificates.js';
import { apiserverArgs, etcdArgs } from './controlPlaneArgs.js';
import { freePort } from './freePort.js';
import { KubeClient } from './kubeClient.js';
import { kubeconfig } from './kubeconfig.js';
import { info } from './log.js';
import { binary, runsDir } from './paths.js';
import { writeServiceAccountKey } from './serviceAccountKey.js';
import { claimRunDir, removeStaleRuns } from './staleRuns.js';
import { type Service, startService } from './startService.js';
import { tokenAuthFile } from './tokenAuthFile.js';
import { waitUntil } from './waitUntil.js';

export interface ControlPlane {
  /** https://127.0.0.1:PORT */
  server: string;
  /** PEM of the CA that signed the API server's certificate. */
  caFile: string;
  /** Static token of `loglift-admin`, a member of system:masters. */
  adminToken: string;
  /** kubeconfig (JSON) for the admin identity. */
  kubeconfigFile: string;
  /** Version the server reports, e.g. v1.37.2. */
  version: string;
  runDir: string;
  /** Admin client. */
  client: KubeClient;
  /** Stops kube-apiserver, then etcd, and removes runDir (LOGLIFT_KUBE_KEEP=1 keeps it). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long kube-apiserver may take to answer /readyz. Default 180000 ms (about 20 s is usual). */
  readyTimeoutMs?: number;
}

function failure(service: Service, what: string): Error {
  return new Error(`${service.name} ${what}. Last log lines:\n${service.logTail(40)}`);
}

/**
 * Starts etcd and kube-apiserver on free loopback ports, with generated certificates, a
 * ServiceAccount signing key and a static admin token, and resolves once /readyz answers.
 */
export async function startControlPlane(options: StartOptions = {}): Promise<ControlPlane> {
  const started = Date.now();
  removeStaleRuns(runsDir);
  const runDir = path.join(runsDir, `${String(Date.now())}-${String(process.pid)}-${randomBytes(3).toString('hex')}`);
  claimRunDir(runDir);
  const pki = path.join(runDir, 'pki');
  mkdirSync(pki, { recursive: true });
  const services: Service[] = [];
  const stopAll = async (): Promise<void> => {
    for (const service of [...services].reverse()) await service.stop();
  };
  try {
    const certs = await generateServingCertificates(pki);
    const saKey = writeServiceAccountKey(pki);
    const adminToken = randomBytes(24).toString('hex');
    const tokenFile = path.join(pki, 'tokens.csv');
    writeFileSync(
      tokenFile,
      tokenAuthFile([{ token: adminToken, name: 'loglift-admin', groups: ['system:masters'] }]),
      {
        mode: 0o600,
      },
    );

    const clientPort = await freePort();
    const peerPort = await freePort([clientPort]);
    const etcd = startService({
      name: 'etcd',
      command: binary('etcd'),
      args: etcdArgs({ dataDir: path.join(runDir, 'etcd'), clientPort, peerPort }),
      cwd: runDir,
      logFile: path.join(runDir, 'etcd.log'),
    });
    services.push(etcd);
    const etcdUrl = `http://127.0.0.1:${String(clientPort)}`;
    await waitUntil(`etcd at ${etcdUrl}`, 60_000, async () => {
      if (etcd.exitReason() !== undefined) throw failure(etcd, `exited (${String(etcd.exitReason())})`);
      const health = await fetch(`${etcdUrl}/health`).catch(() => undefined);
      return health?.ok === true;
    });

    const securePort = await freePort([clientPort, peerPort]);
    const apiserver = startService({
      name: 'kube-apiserver',
      command: binary('kube-apiserver'),
      args: apiserverArgs({
        etcdUrl,
        securePort,
        certDir: pki,
        certFile: certs.certFile,
        keyFile: certs.keyFile,
        serviceAccountPublicKeyFile: saKey.publicKeyFile,
        serviceAccountPrivateKeyFile: saKey.privateKeyFile,
        tokenAuthFile: tokenFile,
      }),
      cwd: runDir,
      logFile: path.join(runDir, 'kube-apiserver.log'),
    });
    services.push(apiserver);
    const server = `https://127.0.0.1:${String(securePort)}`;
    const client = new KubeClient(server, readFileSync(certs.caFile), adminToken);
    await waitUntil(`kube-apiserver at ${server}/readyz`, options.readyTimeoutMs ?? 180_000, async () => {
      if (apiserver.exitReason() !== undefined) {
        throw failure(apiserver, `exited (${String(apiserver.exitReason())})`);
      }
      if (etcd.exitReason() !== undefined) throw failure(etcd, `exited (${String(etcd.exitReason())})`);
      const ready = await client.request('GET', '/readyz').catch(() => undefined);
      return ready?.status === 200;
    });
    const version = (await client.get<{ gitVersion: string }>('/version')).gitVersion;

    const kubeconfigFile = path.join(runDir, 'kubeconfig.json');
    const config = kubeconfig({ server, caFile: certs.caFile, token: adminToken, user: 'loglift-admin' });
    writeFileSync(kubeconfigFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    info(`kube-apiserver ${version} ready at ${server} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        await stopAll();
        if (process.env.LOGLIFT_KUBE_KEEP !== '1') rmSync(runDir, { recursive: true, force: true });
      })();
      return stopping;
    };
    return { server, caFile: certs.caFile, adminToken, kubeconfigFile, version, runDir, client, stop };
  } catch (error) {
    await stopAll();
    if (error instanceof Error) error.message += `\n(files kept in ${runDir})`;
    throw error;
  }
}
