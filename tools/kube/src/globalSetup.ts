import type { TestProject } from 'vitest/node';
import type { KubeConnection } from './providedContext.js';
import { startControlPlane } from './startControlPlane.js';

/**
 * vitest global setup: starts etcd and kube-apiserver for the run, provides `inject('kube')`,
 * and stops both when the run ends. Were the runner killed instead, the kernel ends them
 * (parent-death signal), so an interrupted run leaves no process behind.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const plane = await startControlPlane();
  const connection: KubeConnection = {
    server: plane.server,
    caFile: plane.caFile,
    adminToken: plane.adminToken,
    kubeconfigFile: plane.kubeconfigFile,
    version: plane.version,
  };
  project.provide('kube', connection);
  return () => plane.stop();
}
