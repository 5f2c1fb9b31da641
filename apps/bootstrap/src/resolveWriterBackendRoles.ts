import type { CoreV1Api } from '@kubernetes/client-node';
import type { BootstrapConfig } from './config/schema.js';
import { IRSA_ANNOTATION, readServiceAccountRoleArn } from './kube/kubeApi.js';

/**
 * The backend roles to map to the writer role: the IAM role fine-grained access control sees
 * when Fluent Bit signs its requests, plus the configured ones.
 *
 * - `assumeRoleArn`: Fluent Bit assumes that role and signs with its credentials, so that role is
 *   what OpenSearch sees; the ServiceAccount's own role only calls STS and is not mapped.
 * - IRSA (`serviceAccount`): the role in its `eks.amazonaws.com/role-arn` annotation.
 * - EKS Pod Identity: nothing in the cluster names the role, so `backendRoles` must (the config
 *   schema requires it).
 *
 * Fails when Fluent Bit's AWS identity cannot be determined: without a mapping every bulk would be
 * refused with 403 while the hook reported success.
 */
export async function resolveWriterBackendRoles(
  config: BootstrapConfig,
  kube: () => CoreV1Api,
  warn: (message: string) => void,
): Promise<string[]> {
  const writer = config.security.writer;
  const roles = [...writer.backendRoles];
  if (writer.assumeRoleArn) roles.push(writer.assumeRoleArn);
  else if (writer.serviceAccount && config.security.enabled) {
    const ref = writer.serviceAccount;
    const arn = await readServiceAccountRoleArn(kube(), ref);
    if (arn) roles.push(arn);
    else if (roles.length === 0) {
      throw new Error(
        `cannot determine Fluent Bit's IAM role: ServiceAccount ${ref.namespace}/${ref.name} has no ${IRSA_ANNOTATION} annotation and security.writer.backendRoles is empty, so nothing would be mapped to ${config.security.writerRole} and every bulk request would be refused with 403; annotate the ServiceAccount (IRSA), or list the role in security.writer.backendRoles (EKS Pod Identity: the role of the association)`,
      );
    } else {
      warn(
        `ServiceAccount ${ref.namespace}/${ref.name} has no ${IRSA_ANNOTATION} annotation; mapping only security.writer.backendRoles`,
      );
    }
  }
  return [...new Set(roles)];
}
