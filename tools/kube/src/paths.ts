import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/kube */
export const toolDir: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Root of the repository (two levels above tools/kube). */
export const repoRoot: string = path.resolve(toolDir, '..', '..');

/** Where build.sh writes kube-apiserver and etcd (and tools/helm/build.sh the Helm binaries). */
export const binDir: string = path.join(repoRoot, '.cache', 'bin');

/** Per-start folders (certificates, keys, etcd data, logs) live under here; git-ignored. */
export const runsDir: string = path.join(repoRoot, '.cache', 'kube', 'runs');

const BUILD_HINT: Record<string, string> = {
  'kube-apiserver': 'bash tools/kube/build.sh',
  etcd: 'bash tools/kube/build.sh',
  helm3: 'bash tools/helm/build.sh',
  helm4: 'bash tools/helm/build.sh',
};

/** Absolute path of a pinned binary in .cache/bin; throws a message saying how to build it. */
export function binary(name: string): string {
  const file = path.join(binDir, name);
  if (!existsSync(file)) {
    throw new Error(
      `${name} not found at ${file}: build it first with \`${BUILD_HINT[name] ?? 'the tools/ build scripts'}\``,
    );
  }
  return file;
}
