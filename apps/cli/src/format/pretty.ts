import type { LogHit } from '@loglift/query';
import { levelStyle, paint } from './color.js';
import { formatTimestamp } from './formatTimestamp.js';
import { getPath } from './getPath.js';

export interface PrettySettings {
  readonly color: boolean;
  readonly timeZone: string;
  /** Fields shown as key=value; default: the key fields below when present. */
  readonly fields?: readonly string[];
}

/** Shown after the message when present, with short labels. */
const KEY_FIELDS: readonly [string, string][] = [
  ['app.service.name', 'service'],
  ['app.http.request.method', 'method'],
  ['app.http.route', 'route'],
  ['app.http.response.status_code', 'status'],
  ['app.http.server.duration_ms', 'ms'],
  ['app.error.type', 'error'],
  ['app.error.message', 'error_message'],
  ['app.http.request.id', 'request_id'],
  ['app.trace_id', 'trace_id'],
];

/** One line per record (plus indented stack-trace lines): time, namespace/pod/container, level, message. */
export function formatPretty(hit: LogHit, settings: PrettySettings): string {
  const { source } = hit;
  const color = settings.color;
  const where = ['kubernetes.namespace_name', 'kubernetes.pod_name', 'kubernetes.container_name']
    .map((path) => stringOf(getPath(source, path)) ?? '-')
    .join('/');
  const level = stringOf(getPath(source, 'app.level')) ?? (getPath(source, 'stream') === 'stderr' ? 'stderr' : '');
  const rawMessage = stringOf(getPath(source, 'app.message')) ?? stringOf(getPath(source, 'log')) ?? '';
  const [firstLine = '', ...moreLines] = rawMessage.replace(/\n+$/, '').split('\n');
  const pairs = (settings.fields?.map((field) => [field, field] as const) ?? KEY_FIELDS)
    .map(([path, label]) => [label, getPath(source, path)] as const)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([label, value]) => `${paint(`${label}=`, 'dim', color)}${quote(value)}`);
  const head = [
    paint(formatTimestamp(hit.timestamp, settings.timeZone), 'gray', color),
    paint(where, 'cyan', color),
    level ? paint(level.toUpperCase().padEnd(5), levelStyle(level), color) : '',
    firstLine,
    ...pairs,
  ]
    .filter((part) => part !== '')
    .join(' ');
  const stack = stringOf(getPath(source, 'app.error.stack_trace'));
  const extra = [...moreLines, ...(stack ? stack.replace(/\n+$/, '').split('\n') : [])];
  return [head, ...extra.map((line) => `    ${paint(line, 'dim', color)}`)].join('\n');
}

function stringOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}
