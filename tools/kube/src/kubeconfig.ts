export interface KubeconfigInput {
  server: string;
  caFile: string;
  token: string;
  user: string;
  namespace?: string;
}

/**
 * A kubeconfig with one cluster, one token user and one current context. Written as JSON,
 * which is valid YAML, so Helm, client-go and @kubernetes/client-node all read it.
 */
export function kubeconfig(input: KubeconfigInput): Record<string, unknown> {
  const name = 'loglift-test';
  const context: Record<string, string> = { cluster: name, user: input.user };
  if (input.namespace !== undefined) context.namespace = input.namespace;
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: input.server, 'certificate-authority': input.caFile } }],
    users: [{ name: input.user, user: { token: input.token } }],
    contexts: [{ name, context }],
    'current-context': name,
  };
}
