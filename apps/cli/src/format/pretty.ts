import type { LogHit } from '@loglift/query';
import { levelStyle, paint } from './color.js';
import { formatTimestamp } from './formatTimestamp.js';
import { getPath } from './getPath.js';
import { appSummary, firstDefined, levelText, messageText, quote, stackTraceText } from './recordText.js';

export interface PrettySettings {
  readonly color: boolean;
  readonly timeZone: string;
  /** Fields shown as key=value; default: the key fields below when present. */
  readonly fields?: readonly string[];
}

/** Shown after the message when present, with short labels: root fields, else the older `app.` ones. */
const KEY_FIELDS: readonly [string, string][] = [
  ['service.name', 'service'],
  ['http.request.method', 'method'],
  ['http.route', 'route'],
  ['http.response.status_code', 'status'],
  ['http.server.duration_ms', 'ms'],
  ['error.type', 'error'],
  ['error.message', 'error_message'],
  ['http.request.id', 'request_id'],
  ['trace_id', 'trace_id'],
];

/** One line per record (plus indented stack-trace lines): time, namespace/pod/container, level, message. */
export function formatPretty(hit: LogHit, settings: PrettySettings): string {
  const { source } = hit;
  const color = settings.color;
  const where = ['kubernetes.namespace_name', 'kubernetes.pod_name', 'kubernetes.container_name']
    .map((path) => stringOf(getPath(source, path)) ?? '-')
    .join('/');
  const level = levelText(source) ?? (getPath(source, 'stream') === 'stderr' ? 'stderr' : '');
  const message = messageText(source);
  // A record without message or raw line still says something: the app's own fields.
  const summary = message === undefined && !settings.fields ? appSummary(source) : undefined;
  const rawMessage = message ?? summary ?? '';
  const [firstLine = '', ...moreLines] = rawMessage.replace(/\n+$/, '').split('\n');
  // The summary has the key fields already.
  const keyFields = summary === undefined ? KEY_FIELDS : [];
  const pairs = (settings.fields?.map((field) => [field, field] as const) ?? keyFields)
    .map(([path, label]) => [label, settings.fields ? getPath(source, path) : keyValue(source, path)] as const)
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
  const stack = stackTraceText(source);
  const extra = [...moreLines, ...(stack ? stack.replace(/\n+$/, '').split('\n') : [])];
  return [head, ...extra.map((line) => `    ${paint(line, 'dim', color)}`)].join('\n');
}

function stringOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function keyValue(source: unknown, path: string): unknown {
  return firstDefined(source, [path, `app.${path}`]);
}
