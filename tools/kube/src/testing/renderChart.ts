import type { Helm } from './helm.js';
import { type Manifest, parseManifests } from './manifests.js';
import { chartDir } from './paths.js';
import { scenarioValues } from './scenarios.js';

/** `helm template` of a scenario for release `loglift` in `namespace`, hooks and tests included. */
export async function renderScenario(
  helm: Helm,
  file: string,
  namespace: string,
  flags: string[] = [],
): Promise<Manifest[]> {
  const result = await helm.ok([
    'template',
    'loglift',
    chartDir,
    '--namespace',
    namespace,
    '-f',
    scenarioValues(file),
    ...flags,
  ]);
  return parseManifests(result.stdout);
}

/** The manifests Helm creates as a post-install hook, in hook-weight order. */
export function postInstallHooks(manifests: readonly Manifest[]): Manifest[] {
  const weight = (m: Manifest) => Number(m.metadata.annotations?.['helm.sh/hook-weight'] ?? '0');
  return manifests
    .filter((m) => (m.metadata.annotations?.['helm.sh/hook'] ?? '').split(',').includes('post-install'))
    .sort((a, b) => weight(a) - weight(b));
}
