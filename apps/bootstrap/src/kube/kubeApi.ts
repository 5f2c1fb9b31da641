import { readFileSync } from 'node:fs';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
const NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** In-cluster config when running in a Pod, else the usual kubeconfig. */
export function defaultKubeConfig(): KubeConfig {
  const config = new KubeConfig();
  config.loadFromDefault();
  return config;
}

export function coreApi(config: KubeConfig): CoreV1Api {
  return config.makeApiClient(CoreV1Api);
}

/** The IAM role ARN (IRSA) annotated on a ServiceAccount, or undefined when it has none. */
export async function readServiceAccountRoleArn(
  api: CoreV1Api,
  ref: { namespace: string; name: string },
): Promise<string | undefined> {
  try {
    const account = await api.readNamespacedServiceAccount({ name: ref.name, namespace: ref.namespace });
    return account.metadata?.annotations?.[IRSA_ANNOTATION];
  } catch (error) {
    const code = (error as { code?: number }).code;
    throw new Error(
      `cannot read ServiceAccount ${ref.namespace}/${ref.name}${code ? ` (HTTP ${code})` : ''}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/** Namespace of the Job: LOGLIFT_JOB_NAMESPACE, else the Pod's own service account namespace. */
export function jobNamespace(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): string | undefined {
  if (env.LOGLIFT_JOB_NAMESPACE) return env.LOGLIFT_JOB_NAMESPACE;
  try {
    return readFile(NAMESPACE_FILE).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface JobEvent {
  readonly job: string;
  readonly namespace: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

/** Records the outcome on the Job; the caller treats failures as best effort. */
export async function createJobEvent(api: CoreV1Api, event: JobEvent, now = new Date()): Promise<void> {
  const suffix = `${now.getTime().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  await api.createNamespacedEvent({
    namespace: event.namespace,
    body: {
      metadata: { name: `${event.job}.${suffix}`, namespace: event.namespace },
      involvedObject: { apiVersion: 'batch/v1', kind: 'Job', name: event.job, namespace: event.namespace },
      type: event.type,
      reason: event.reason,
      message: event.message.slice(0, 1024),
      source: { component: 'loglift-bootstrap' },
      reportingComponent: 'loglift-bootstrap',
      reportingInstance: event.job,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    },
  });
}
