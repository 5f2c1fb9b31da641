export { generateServingCertificates, type ServingCertificates } from './certificates.js';
export { ADMISSION_PLUGINS, apiserverArgs, etcdArgs, SERVICE_ACCOUNT_ISSUER } from './controlPlaneArgs.js';
export { KubeClient, type KubeResponse, warningText } from './kubeClient.js';
export { kubeconfig } from './kubeconfig.js';
export type { KubeConnection } from './providedContext.js';
export { type ControlPlane, type StartOptions, startControlPlane } from './startControlPlane.js';
