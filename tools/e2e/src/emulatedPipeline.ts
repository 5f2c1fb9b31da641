import { parse } from 'yaml';
import { type MultilineParser, parserFromConfig, resolveParsers } from './multilineRules.js';

/** What the transport path must reproduce from the rendered Fluent Bit configuration. */
export interface EmulatedPipeline {
  readonly index: string;
  readonly mergeLog: boolean;
  readonly mergeKey: string | undefined;
  readonly keepLog: boolean;
  readonly labels: boolean;
  readonly annotations: boolean;
  readonly replaceDots: boolean;
  /** The chart's lua filter runs the lift (@loglift/log-schema's liftRecord) after the kubernetes filter. */
  readonly lift: boolean;
  /** Parsers of the multiline filter, in order; empty when the chart has it off. */
  readonly multiline: readonly MultilineParser[];
}

type Section = Record<string, unknown>;

const on = (value: unknown, fallback: boolean): boolean =>
  value === undefined ? fallback : ['on', 'true', 'yes', '1'].includes(String(value).toLowerCase());

/** Reads the settings the documents depend on from the rendered `fluent-bit.yaml`. */
export function emulatedPipeline(fluentBitYaml: string): EmulatedPipeline {
  const config = parse(fluentBitYaml) as {
    pipeline?: { filters?: Section[]; outputs?: Section[] };
    multiline_parsers?: Section[];
  };
  const filters = config.pipeline?.filters ?? [];
  const kubernetes = filters.find((f) => f.name === 'kubernetes');
  const output = config.pipeline?.outputs?.find((o) => o.name === 'opensearch');
  if (!kubernetes) throw new Error('the rendered Fluent Bit config has no kubernetes filter');
  if (!output) throw new Error('the rendered Fluent Bit config has no opensearch output');
  const custom = (config.multiline_parsers ?? []).map((entry) => parserFromConfig(entry));
  const multilineFilter = filters.find((f) => f.name === 'multiline');
  if (multilineFilter && multilineFilter['multiline.key_content'] !== 'log') {
    throw new Error('only a multiline filter on the "log" key is emulated');
  }
  const mergeKey = kubernetes.merge_log_key;
  return {
    index: String(output.index),
    mergeLog: on(kubernetes.merge_log, false),
    mergeKey: typeof mergeKey === 'string' ? mergeKey : undefined,
    keepLog: on(kubernetes.keep_log, true),
    labels: on(kubernetes.labels, true),
    annotations: on(kubernetes.annotations, true),
    replaceDots: on(output.replace_dots, false),
    lift: hasLift(filters, kubernetes),
    multiline: multilineFilter ? resolveParsers(String(multilineFilter['multiline.parser'] ?? ''), custom) : [],
  };
}

/** True when a lua filter running the shipped lift script comes right after the kubernetes filter. */
function hasLift(filters: readonly Section[], kubernetes: Section): boolean {
  const next = filters[filters.indexOf(kubernetes) + 1];
  return next?.name === 'lua' && String(next.script ?? '').endsWith('lift.lua');
}
