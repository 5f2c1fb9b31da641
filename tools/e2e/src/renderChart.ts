import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './repoRoot.js';

const run = promisify(execFile);

export const localValuesFile = join(repoRoot, 'tools/e2e/values/local-values.yaml');

export interface RenderOptions {
  /** helm 3 binary; default `.cache/bin/helm3` (built by tools/helm/build.sh). */
  readonly helm?: string;
  readonly release?: string;
  readonly namespace?: string;
  /** Values files after the local override. */
  readonly valuesFiles?: readonly string[];
  /** `--set` pairs, e.g. `{ 'opensearch.dataStream': 'logs-e2e' }`. */
  readonly set?: Readonly<Record<string, string>>;
}

export interface RenderedWorkload {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly containerName: string;
  readonly image: string;
  /** Plain `value` env entries of the container (downward-API ones are left to the caller). */
  readonly env: Record<string, string>;
}

export interface RenderedChart {
  readonly release: string;
  readonly namespace: string;
  /** `fluent-bit.yaml` exactly as the ConfigMap carries it. */
  readonly fluentBitYaml: string;
  /** `lift.lua`, the lua filter's script the same ConfigMap carries beside it. */
  readonly liftLua: string;
  /** `noise.lua`, the noise-control filters' script (settings in front), also beside it. */
  readonly noiseLua: string;
  /** The bootstrap desired state (bootstrap.yaml of its ConfigMap), parsed. */
  readonly bootstrapConfig: Record<string, unknown>;
  readonly taskService: RenderedWorkload;
  readonly manifests: readonly Manifest[];
}

export interface Manifest {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly [key: string]: unknown;
}

/** `helm template` of charts/loglift with the local override, split into what the pipeline runs. */
export async function renderChart(options: RenderOptions = {}): Promise<RenderedChart> {
  const helm = options.helm ?? join(repoRoot, '.cache/bin/helm3');
  if (!existsSync(helm)) throw new Error(`${helm} is missing: run bash tools/helm/build.sh first`);
  const release = options.release ?? 'loglift';
  const namespace = options.namespace ?? 'loglift';
  const args = ['template', release, join(repoRoot, 'charts/loglift'), '--namespace', namespace];
  for (const file of [localValuesFile, ...(options.valuesFiles ?? [])]) args.push('-f', file);
  for (const [key, value] of Object.entries(options.set ?? {})) args.push('--set-string', `${key}=${value}`);
  const { stdout } = await run(helm, args, { maxBuffer: 64 * 1024 * 1024 }).catch((error: { stderr?: string }) => {
    throw new Error(`helm template failed: ${error.stderr?.trim() ?? String(error)}`);
  });
  return splitManifests(stdout, release, namespace);
}

/** Picks the Fluent Bit configuration, the bootstrap desired state and the task-service workload. */
export function splitManifests(text: string, release: string, namespace: string): RenderedChart {
  const manifests = parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null && typeof doc === 'object' && typeof doc.kind === 'string');
  const configData = (component: string, key: string): string => {
    const map = manifests.find(
      (m) => m.kind === 'ConfigMap' && m.metadata.labels?.['app.kubernetes.io/component'] === component,
    ) as (Manifest & { data?: Record<string, string> }) | undefined;
    const value = map?.data?.[key];
    if (value === undefined) throw new Error(`the rendered chart has no ConfigMap for ${component} with ${key}`);
    return value;
  };
  const fluentBitYaml = configData('fluent-bit', 'fluent-bit.yaml');
  const bootstrapDoc = parseAllDocuments(configData('bootstrap', 'bootstrap.yaml'))[0]?.toJS() as
    | Record<string, unknown>
    | undefined;
  if (!bootstrapDoc) throw new Error('the rendered bootstrap.yaml is empty');
  return {
    release,
    namespace,
    fluentBitYaml,
    liftLua: configData('fluent-bit', 'lift.lua'),
    noiseLua: configData('fluent-bit', 'noise.lua'),
    bootstrapConfig: bootstrapDoc,
    taskService: workload(manifests, 'task-service'),
    manifests,
  };
}

interface PodTemplateManifest extends Manifest {
  spec?: {
    template?: {
      metadata?: { labels?: Record<string, string> };
      spec?: { containers?: { name: string; image: string; env?: { name: string; value?: string }[] }[] };
    };
  };
}

function workload(manifests: readonly Manifest[], component: string): RenderedWorkload {
  const deployment = manifests.find(
    (m) => m.kind === 'Deployment' && m.metadata.labels?.['app.kubernetes.io/component'] === component,
  ) as PodTemplateManifest | undefined;
  const container = deployment?.spec?.template?.spec?.containers?.[0];
  if (!deployment || !container) throw new Error(`the rendered chart has no Deployment for ${component}`);
  const env: Record<string, string> = {};
  for (const entry of container.env ?? []) if (entry.value !== undefined) env[entry.name] = entry.value;
  return {
    name: deployment.metadata.name,
    labels: { ...deployment.spec?.template?.metadata?.labels },
    containerName: container.name,
    image: container.image,
    env,
  };
}
