import type { LogFilters, TimeRangeInput } from '@loglift/query';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ConnectionFlags } from './config/resolveConnection.js';
import type { ColorMode } from './format/color.js';
import { OUTPUT_FORMATS, type OutputFormat } from './format/outputFormat.js';
import { substringGlob } from './substringGlob.js';

export interface QueryFlags extends ConnectionFlags {
  since?: string;
  from?: string;
  to?: string;
  namespace?: string[];
  pod?: string[];
  excludePod?: string[];
  container?: string[];
  node?: string[];
  label?: string[];
  service?: string[];
  level?: string;
  traceId?: string;
}

export interface OutputFlags {
  output: OutputFormat;
  color: ColorMode;
  fields?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--url <url>', 'OpenSearch URL (env LOGLIFT_URL)')
    .option('--username <name>', 'basic auth user (env LOGLIFT_USERNAME)')
    .option('--password <password>', 'basic auth password (env LOGLIFT_PASSWORD)')
    .option('--ca-file <file>', 'PEM CA certificate of the cluster (env LOGLIFT_CA_FILE or LOGLIFT_CA)')
    .option('--ca <file>', 'the same as --ca-file')
    .option('--insecure', 'skip TLS certificate verification')
    .addOption(new Option('--auth <type>', 'authentication (env LOGLIFT_AUTH)').choices(['basic', 'aws-sigv4', 'none']))
    .option('--aws-region <region>', 'region for aws-sigv4 (env LOGLIFT_AWS_REGION)')
    .addOption(new Option('--aws-service <service>', 'es or aoss (env LOGLIFT_AWS_SERVICE)').choices(['es', 'aoss']))
    .option('--index <name>', 'data stream or index pattern (env LOGLIFT_INDEX)', undefined)
    .option('--context <name>', 'named context from the config file')
    .option('--config <file>', 'config file (env LOGLIFT_CONFIG, default ~/.config/loglift/config.yaml)')
    .option('--timezone <zone>', 'IANA zone or offset for printing and for times without offset (default: local)');
}

export function addFilterOptions(command: Command, { time = true } = {}): Command {
  if (time) {
    command
      .option('--since <duration>', 'only logs newer than this: 15m, 2h, 1d or now-1h')
      .option('--from <time>', 'start time: ISO (2024-05-01T10:00) or now-1h')
      .option('--to <time>', 'end time: ISO or now-5m');
  }
  return command
    .option('-n, --namespace <name>', 'namespace containing this text, glob or /regex/ (repeatable)', collect)
    .option('--pod <name>', 'pod name containing this text, glob (api-*) or /regex/ (repeatable)', collect)
    .option('--exclude-pod <name>', 'leave out pods matching this, written like --pod (repeatable)', collect)
    .option('-c, --container <name>', 'container name containing this text, glob or /regex/ (repeatable)', collect)
    .option('--node <name>', 'node name (repeatable)', collect)
    .option('-l, --label <key=value>', 'pod label (repeatable)', collect)
    .option('--service <name>', 'service.name of the app (repeatable)', collect)
    .option('--level <levels>', 'levels: error, warn,error or warn+ (this level and above)')
    .option('--trace-id <id>', 'W3C trace id');
}

export function addOutputOptions(command: Command, defaultFormat: OutputFormat): Command {
  return command
    .addOption(new Option('-o, --output <format>', 'output format').choices([...OUTPUT_FORMATS]).default(defaultFormat))
    .addOption(
      new Option('--color <when>', 'colour pretty output').choices(['auto', 'always', 'never']).default('auto'),
    )
    .option('--fields <fields>', 'comma-separated fields to print (and fetch)', collect);
}

export function toFilters(flags: QueryFlags): LogFilters {
  const labels: Record<string, string> = {};
  for (const pair of flags.label ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InvalidArgumentError(`--label expects key=value, got "${pair}"`);
    labels[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return {
    ...(flags.namespace ? { namespace: flags.namespace.map(substringGlob) } : {}),
    ...(flags.pod ? { pod: flags.pod.map(substringGlob) } : {}),
    ...(flags.excludePod ? { excludePod: flags.excludePod.map(substringGlob) } : {}),
    ...(flags.container ? { container: flags.container.map(substringGlob) } : {}),
    ...(flags.node ? { node: flags.node } : {}),
    ...(flags.service ? { service: flags.service } : {}),
    ...(flags.level ? { level: flags.level } : {}),
    ...(flags.traceId ? { traceId: flags.traceId } : {}),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
  };
}

export function toTime(flags: QueryFlags, timeZone: string): TimeRangeInput {
  return {
    timeZone,
    ...(flags.since ? { since: flags.since } : {}),
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
  };
}

/** Commander parser for positive integers, failing as a usage error. */
export function positiveInt(name: string, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}`);
    }
    return number;
  };
}

/** Fields pretty and raw output need besides the ones asked for. */
const PRETTY_FIELDS = [
  'kubernetes.namespace_name',
  'kubernetes.pod_name',
  'kubernetes.container_name',
  'stream',
  'message',
  'level',
  'error.stack_trace',
  // Documents written before the root fields existed.
  'log',
  'app.level',
  'app.message',
  'app.error.stack_trace',
];

/** `_source` fields to fetch for --fields: json/ndjson get exactly those, pretty/raw also what they print. */
export function fetchFields(flags: OutputFlags): { fields?: string[] } {
  if (!flags.fields) return {};
  if (flags.output === 'json' || flags.output === 'ndjson') return { fields: flags.fields };
  const extra = flags.output === 'raw' ? ['message', 'log', 'app.message'] : PRETTY_FIELDS;
  return { fields: [...new Set([...flags.fields, ...extra])] };
}
