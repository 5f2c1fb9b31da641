import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { chartDir, type HelmVersion, helm } from '../scripts/tools.js';

export const RELEASE = 'demo';
export const NAMESPACE = 'logging';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

/** The ci/NN-<name>-values.yaml scenarios, in order. */
export function scenarios(): string[] {
  return readdirSync(join(chartDir, 'ci'))
    .filter((file) => /^\d\d-[a-z0-9-]+-values\.yaml$/.test(file))
    .sort();
}

export interface RenderOptions {
  helmVersion?: HelmVersion;
  /** Values files, relative to the chart (e.g. 'ci/00-defaults-values.yaml'). */
  values?: string[];
  /** --set-json style overrides: path -> JSON value. */
  set?: Record<string, unknown>;
  /** Extra helm template flags (e.g. ['--show-only', 'templates/x.yaml']). */
  flags?: string[];
}

export function templateArgs(options: RenderOptions): string[] {
  const args = ['template', RELEASE, chartDir, '--namespace', NAMESPACE];
  for (const file of options.values ?? []) args.push('-f', join(chartDir, file));
  for (const [path, value] of Object.entries(options.set ?? {}))
    args.push('--set-json', `${path}=${JSON.stringify(value)}`);
  return [...args, ...(options.flags ?? [])];
}

/** `helm template` output as text; throws with Helm's message when rendering fails. */
export function renderText(options: RenderOptions = {}): string {
  const result = helm(options.helmVersion ?? 4, templateArgs(options));
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return result.stdout;
}

/** Helm's error message for values that must not render; throws when they do render. */
export function renderError(options: RenderOptions = {}): string {
  const result = helm(options.helmVersion ?? 4, templateArgs(options));
  if (result.status === 0) throw new Error('helm template succeeded, but a failure was expected');
  return result.stderr;
}

export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`rendered YAML does not parse: ${doc.errors[0]?.message}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);
}

const cache = new Map<string, Manifest[]>();

/** Rendered and parsed manifests (memoised: the same values render once per test file). */
export function render(options: RenderOptions = {}): Manifest[] {
  const key = JSON.stringify(options);
  let manifests = cache.get(key);
  if (!manifests) {
    manifests = parseManifests(renderText(options));
    cache.set(key, manifests);
  }
  return manifests;
}

/** The one manifest of a kind whose name ends with the given suffix; throws when absent. */
export function find(manifests: Manifest[], kind: string, nameSuffix: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata.name.endsWith(nameSuffix));
  if (found.length !== 1) {
    const names = manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ');
    throw new Error(`expected one ${kind} named *${nameSuffix}, found ${found.length} among: ${names}`);
  }
  return found[0] as Manifest;
}

export function kinds(manifests: Manifest[]): string[] {
  return manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort();
}

/** Reads a nested value by dotted path (array indices as numbers), or undefined. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
}

export interface Container {
  name: string;
  image: string;
  args?: string[];
  env?: EnvVar[];
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  [key: string]: unknown;
}

/** The pod spec of a workload (Deployment, DaemonSet, Job) or of a bare Pod. */
export function podSpec(manifest: Manifest): Record<string, unknown> & { containers: Container[] } {
  const spec = manifest.kind === 'Pod' ? at(manifest, 'spec') : at(manifest, 'spec.template.spec');
  if (!spec || typeof spec !== 'object') throw new Error(`${manifest.kind}/${manifest.metadata.name} has no pod spec`);
  return spec as Record<string, unknown> & { containers: Container[] };
}

export function container(manifest: Manifest, name: string): Container {
  const found = podSpec(manifest).containers.find((c) => c.name === name);
  if (!found) throw new Error(`${manifest.kind}/${manifest.metadata.name} has no container ${name}`);
  return found;
}

export function env(c: Container, name: string): EnvVar | undefined {
  return c.env?.find((e) => e.name === name);
}
