import { getPath } from './getPath.js';

/**
 * What a record says, read from the root fields of the document model (`message`, `level`,
 * `error.stack_trace`) with a fallback to the older documents' `app.message`, `log` and
 * `app.level`, so both generations print the same way.
 */

/** pino's numeric levels, which some apps log instead of names. */
const NUMERIC_LEVELS: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Keys that the head of a pretty line shows already, left out of the app-field summary. */
const SHOWN_KEYS = new Set(['level', 'message', 'msg', 'time', '@timestamp', 'error.stack_trace', 'stack']);

const SUMMARY_LIMIT = 300;

export function firstDefined(source: unknown, paths: readonly string[]): unknown {
  for (const path of paths) {
    const value = getPath(source, path);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** The message, else the raw line; non-text values compact JSON; undefined when there is none. */
export function messageText(source: unknown): string | undefined {
  const value = firstDefined(source, ['message', 'app.message', 'log', 'app.msg']);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A level name to print, or undefined when the record has none that reads as a level. */
export function levelText(source: unknown): string | undefined {
  const value = firstDefined(source, ['level', 'app.level']);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return NUMERIC_LEVELS[value] ?? String(value);
  return undefined;
}

export function stackTraceText(source: unknown): string | undefined {
  const value = firstDefined(source, ['error.stack_trace', 'app.error.stack_trace', 'app.stack']);
  return typeof value === 'string' ? value : undefined;
}

/**
 * The app's own fields as `key=value` pairs (dotted paths, JSON for arrays), for records with
 * neither message nor raw line; cut at a few hundred characters.
 */
export function appSummary(source: unknown): string | undefined {
  const app = getPath(source, 'app');
  if (app === null || typeof app !== 'object' || Array.isArray(app)) return undefined;
  const pairs: string[] = [];
  const walk = (value: unknown, path: string) => {
    // A level that is not a name or number says nothing readable; the head shows a readable one.
    if (path === 'level') return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    if (SHOWN_KEYS.has(path)) return;
    pairs.push(`${path}=${quote(value)}`);
  };
  walk(app, '');
  if (pairs.length === 0) return undefined;
  const text = pairs.join(' ');
  return text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 1)}…` : text;
}

export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}
