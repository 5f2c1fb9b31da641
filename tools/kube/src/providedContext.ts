/**
 * What the vitest global setup hands to integration tests through `inject('kube')`.
 * Importing this module (even type-only) brings the `ProvidedContext` typing into a compilation.
 */
export interface KubeConnection {
  /** https://127.0.0.1:PORT */
  server: string;
  caFile: string;
  /** Static token of a system:masters member. */
  adminToken: string;
  /** kubeconfig for that admin. */
  kubeconfigFile: string;
  /** e.g. v1.37.2 */
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kube: KubeConnection;
  }
}
