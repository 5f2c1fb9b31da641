import { MERGE_KEY, OVERSIZE_FIELDS, OVERSIZE_VALUES } from '../mergeKey.js';
import { WORKLOAD_FIELDS, workloadOf } from '../workloadFields.js';
import { labelField, SERVICE_NAME_LABELS, WORKLOAD_LABELS } from '../workloadLabels.js';
import { convertValue } from './convertValue.js';
import { detectStackTrace } from './detectStackTrace.js';
import { detectTextLevel } from './detectTextLevel.js';
import { LIFT_RULES } from './liftRules.js';
import { lookupPath } from './lookupPath.js';
import { formatTime } from './parseTime.js';
import { setAsideOversize } from './setAsideOversize.js';

type Json = Record<string, unknown>;

/** Record keys the CRI parser adds that the document does not keep (`time` is the record's time). */
export const DROPPED_KEYS: ReadonlySet<string> = new Set(['time', '_p']);
/** Root keys the lift owns: a record key with one of these names moves under the merge key. */
export const ROOT_NAMES: ReadonlySet<string> = new Set([
  ...LIFT_RULES.map((rule) => rule.target.split('.')[0] as string),
  'labels',
  'log',
  'loglift',
  '@timestamp',
]);

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function setPath(target: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Json;
  }
  node[parts[parts.length - 1] as string] = value;
}

function has(target: Json, path: string): boolean {
  return lookupPath(target, path) !== undefined;
}

/** A label by its key as the kubernetes filter gives it, or with dots already replaced by `_`. */
function labelValue(labels: unknown, key: string): string | undefined {
  if (!isObject(labels)) return undefined;
  const value = labels[key] ?? labels[key.replaceAll('.', '_')];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The document stored for one record that has been through the kubernetes filter: the app's
 * JSON (under the merge key) kept whole, and the contract's fields typed at the root, found
 * wherever the app's logger put them (see LIFT_RULES), normalized, and only when the value fits
 * the type. A line that was not JSON becomes `message`, with its level read from the text.
 * `recordMillis` is the record's time (the runtime's), used when the app logged none.
 * Fluent Bit's output adds `@timestamp`; the lua filter in the chart does exactly the same.
 */
export function liftRecord(record: Json, recordMillis: number): Json {
  const doc: Json = {};
  let app: Json | undefined = isObject(record[MERGE_KEY]) ? { ...(record[MERGE_KEY] as Json) } : undefined;
  let raw: string | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (key === MERGE_KEY || DROPPED_KEYS.has(key)) continue;
    if (key === 'log' && typeof value === 'string') raw = value;
    else if (key === 'kubernetes' || key === 'stream' || !ROOT_NAMES.has(key)) doc[key] = value;
    else {
      app ??= {};
      app[Object.hasOwn(app, key) ? `root.${key}` : key] = value;
    }
  }
  if (app !== undefined) {
    const { app: kept, oversize } = setAsideOversize(app);
    doc[MERGE_KEY] = kept;
    // Sorted, as the Lua lift lists them (its tables have no key order).
    const paths = Object.keys(oversize).sort();
    if (paths.length > 0) {
      setPath(doc, OVERSIZE_VALUES, oversize);
      setPath(doc, OVERSIZE_FIELDS, paths);
    }
    for (const rule of LIFT_RULES) {
      for (const source of rule.sources) {
        const value = convertValue(lookupPath(app, source.path), source.convert);
        if (value === undefined) continue;
        setPath(doc, rule.target, value);
        break;
      }
    }
    // Serilog's compact JSON (CLEF) leaves `@l` out for Information.
    if (!has(doc, 'level') && Object.hasOwn(app, '@t') && (Object.hasOwn(app, '@m') || Object.hasOwn(app, '@mt'))) {
      doc.level = 'info';
    }
  }
  if (!has(doc, 'message') && raw !== undefined && raw !== '') doc.message = raw;
  const text = doc.message;
  if (typeof text === 'string') {
    const trace = detectStackTrace(text);
    if (trace) {
      if (!has(doc, 'level')) doc.level = 'error';
      if (!has(doc, 'error.stack_trace')) setPath(doc, 'error.stack_trace', trace.stackTrace);
      if (trace.type !== undefined && !has(doc, 'error.type')) setPath(doc, 'error.type', trace.type);
      if (trace.message !== undefined && !has(doc, 'error.message')) setPath(doc, 'error.message', trace.message);
    } else if (!has(doc, 'level')) {
      const level = detectTextLevel(text);
      if (level !== undefined) doc.level = level;
    }
  }
  if (!has(doc, 'time')) doc.time = formatTime(recordMillis);
  liftWorkload(doc);
  return doc;
}

/**
 * The pod's workload (kind and name) in place of the owner references it comes from, on a copy of
 * the kubernetes metadata so the record stays as it came.
 */
function liftOwner(doc: Json): void {
  if (!isObject(doc.kubernetes)) return;
  const { ownerReferences: _owners, ...kubernetes } = doc.kubernetes;
  const workload = workloadOf(doc.kubernetes);
  doc.kubernetes = kubernetes;
  if (workload === undefined) return;
  setPath(doc, WORKLOAD_FIELDS.kind, workload.kind);
  setPath(doc, WORKLOAD_FIELDS.name, workload.name);
}

/** service.name from the app, else a workload label, else the container; typed label copies. */
function liftWorkload(doc: Json): void {
  liftOwner(doc);
  const kubernetes = isObject(doc.kubernetes) ? doc.kubernetes : undefined;
  const labels = kubernetes?.labels;
  for (const label of WORKLOAD_LABELS) {
    const value = labelValue(labels, label);
    if (value !== undefined) setPath(doc, labelField(label), value);
  }
  if (has(doc, 'service.name')) {
    setPath(doc, 'service.name_source', 'app');
    return;
  }
  for (const label of SERVICE_NAME_LABELS) {
    const value = labelValue(labels, label);
    if (value === undefined) continue;
    setPath(doc, 'service.name', value);
    setPath(doc, 'service.name_source', `label:${label}`);
    return;
  }
  const container = kubernetes?.container_name;
  if (typeof container === 'string' && container !== '') {
    setPath(doc, 'service.name', container);
    setPath(doc, 'service.name_source', 'container');
  }
}
