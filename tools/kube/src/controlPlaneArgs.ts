/**
 * Admission plugins of a managed cluster (EKS, GKE and AKS enable this set or a superset).
 * PodSecurity enforces the namespace labels, ServiceAccount injects token volumes and refuses
 * Pods whose account is missing, NodeRestriction limits what kubelets may change.
 */
export const ADMISSION_PLUGINS = [
  'NamespaceLifecycle',
  'LimitRanger',
  'ServiceAccount',
  'NodeRestriction',
  'PodSecurity',
  'Priority',
  'DefaultTolerationSeconds',
  'DefaultStorageClass',
  'DefaultIngressClass',
  'RuntimeClass',
  'ResourceQuota',
  'MutatingAdmissionWebhook',
  'ValidatingAdmissionWebhook',
  'ValidatingAdmissionPolicy',
] as const;

/** The issuer (and audience) of ServiceAccount tokens, as in a kubeadm cluster. */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

export interface EtcdArgsInput {
  dataDir: string;
  clientPort: number;
  peerPort: number;
}

/** etcd as a single member on loopback, plain HTTP (only kube-apiserver talks to it). */
export function etcdArgs({ dataDir, clientPort, peerPort }: EtcdArgsInput): string[] {
  const client = `http://127.0.0.1:${String(clientPort)}`;
  const peer = `http://127.0.0.1:${String(peerPort)}`;
  return [
    '--name=loglift-test',
    `--data-dir=${dataDir}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=loglift-test=${peer}`,
    '--initial-cluster-state=new',
    // Throw-away data: durability is not worth the fsync latency on a shared disk.
    '--unsafe-no-fsync',
    '--log-level=warn',
  ];
}

export interface ApiserverArgsInput {
  etcdUrl: string;
  securePort: number;
  certDir: string;
  certFile: string;
  keyFile: string;
  serviceAccountPublicKeyFile: string;
  serviceAccountPrivateKeyFile: string;
  tokenAuthFile: string;
}

/** kube-apiserver on 127.0.0.1 with the authentication, authorisation and admission of a real cluster. */
export function apiserverArgs(input: ApiserverArgsInput): string[] {
  return [
    `--etcd-servers=${input.etcdUrl}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${String(input.securePort)}`,
    `--cert-dir=${input.certDir}`,
    `--tls-cert-file=${input.certFile}`,
    `--tls-private-key-file=${input.keyFile}`,
    `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
    `--service-account-key-file=${input.serviceAccountPublicKeyFile}`,
    `--service-account-signing-key-file=${input.serviceAccountPrivateKeyFile}`,
    `--token-auth-file=${input.tokenAuthFile}`,
    '--authorization-mode=Node,RBAC',
    `--enable-admission-plugins=${ADMISSION_PLUGINS.join(',')}`,
    '--service-cluster-ip-range=10.96.0.0/16',
    '--allow-privileged=true',
    '--profiling=false',
    '--v=0',
  ];
}
