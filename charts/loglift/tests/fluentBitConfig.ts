import { parse } from 'yaml';
import { find, type Manifest } from './render.js';

export type Section = Record<string, unknown> & { name: string };

export interface FluentBitConfig {
  service: Record<string, unknown>;
  parsers?: Section[];
  multiline_parsers?: (Section & { rules: { state: string; regex: string; next_state: string }[] })[];
  pipeline: { inputs: Section[]; filters: Section[]; outputs: Section[] };
}

const TOP_LEVEL = new Set(['service', 'parsers', 'multiline_parsers', 'pipeline']);

/** Parses fluent-bit.yaml out of the rendered Fluent Bit ConfigMap, checking its top-level shape. */
export function fluentBitConfig(manifests: Manifest[]): FluentBitConfig {
  const configMap = find(manifests, 'ConfigMap', '-fluent-bit');
  const text = (configMap.data as Record<string, string> | undefined)?.['fluent-bit.yaml'];
  if (text === undefined) throw new Error('the Fluent Bit ConfigMap has no fluent-bit.yaml');
  const config = parse(text) as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL.has(key)) throw new Error(`unexpected top-level section ${key} in fluent-bit.yaml`);
  }
  return config as unknown as FluentBitConfig;
}

/** The one section of a pipeline list with the given plugin name; throws when absent or repeated. */
export function section(sections: Section[], name: string): Section {
  const found = sections.filter((s) => s.name === name);
  if (found.length !== 1) throw new Error(`expected one ${name} section, found ${found.length}`);
  return found[0] as Section;
}

/** How fluent-bit.yaml references an environment variable: ${NAME}. */
export function envRef(name: string): string {
  return `\${${name}}`;
}

const TIME_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds of a Fluent Bit time value (`90s`, `30m`, `1h`, `2d`; a bare number is seconds). */
export function seconds(value: unknown): number {
  const match = /^(\d+)([smhd]?)$/.exec(String(value));
  if (!match) throw new Error(`not a Fluent Bit time value: ${JSON.stringify(value)}`);
  return Number(match[1]) * (TIME_UNITS[match[2] || 's'] ?? 1);
}
