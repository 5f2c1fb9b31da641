import type { CoreV1Api } from '@kubernetes/client-node';
import type { BootstrapConfig } from './config/schema.js';
import { readServiceAccountRoleArn } from './kube/kubeApi.js';

/** Configured writer backend roles plus the IAM role ARN annotated on Fluent Bit's ServiceAccount. */
export async function resolveWriterBackendRoles(
  config: BootstrapConfig,
  kube: () => CoreV1Api,
  warn: (message: string) => void,
): Promise<string[]> {
  const roles = [...config.security.writer.backendRoles];
  const ref = config.security.writer.serviceAccount;
  if (config.security.enabled && ref) {
    const arn = await readServiceAccountRoleArn(kube(), ref);
    if (arn) roles.push(arn);
    else warn(`ServiceAccount ${ref.namespace}/${ref.name} has no eks.amazonaws.com/role-arn annotation`);
  }
  return [...new Set(roles)];
}
