import { isError } from './isError.js';
import { readProperty } from './readProperty.js';
// toLoggable is passed in rather than imported: it serializes the errors it meets with
// errorShape, so the two recurse into each other.
import { type MakeLoggable, textOf } from './textOf.js';

/** The contract's error shape (`error.*`); `cause` is a flat_object field. */
export interface SerializedError {
  type: string;
  message: string;
  stack_trace?: string;
  code?: string;
  cause?: ErrorDetails;
}

/**
 * What goes into `error.cause`: the logged error's extra own properties under `props`, and its
 * cause under `cause`, which has the same fields as an error plus its own `props` and `cause`.
 */
export interface ErrorDetails {
  props?: Record<string, unknown>;
  cause?: CauseNode;
}

export interface CauseNode extends ErrorDetails {
  type: string;
  message: string;
  stack_trace?: string;
  code?: string;
}

const MAX_CAUSE_DEPTH = 8;
const KNOWN_KEYS = new Set(['name', 'message', 'stack', 'code', 'cause']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return typeof value;
  const name = readProperty(value, 'name');
  const ctor = readProperty(value, 'constructor');
  const ctorName = typeof ctor === 'function' ? readProperty(ctor, 'name') : undefined;
  // A subclass that forgets to set `name` still reports its class name.
  if (typeof name === 'string' && name !== '' && name !== 'Error') return name;
  if (typeof ctorName === 'string' && ctorName !== '') return ctorName;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}

function messageOf(value: unknown, loggable: MakeLoggable): string {
  if (value !== null && typeof value === 'object') {
    const message = readProperty(value, 'message');
    if (message !== undefined) return typeof message === 'string' ? message : textOf(message, loggable);
    if (!isError(value)) return textOf(value, loggable);
    return '';
  }
  return textOf(value, loggable);
}

function ownExtras(value: object, loggable: MakeLoggable): Record<string, unknown> | undefined {
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return undefined;
  }
  const extras: Record<string, unknown> = {};
  let any = false;
  for (const key of keys) {
    if (KNOWN_KEYS.has(key)) continue;
    extras[key] = readProperty(value, key);
    any = true;
  }
  // AggregateError keeps its members in a non-enumerable own property.
  if (!('errors' in extras) && isError(value) && Object.hasOwn(value, 'errors')) {
    const errors = readProperty(value, 'errors');
    if (Array.isArray(errors)) {
      extras.errors = errors;
      any = true;
    }
  }
  if (!any) return undefined;
  const safe = loggable(extras);
  return safe !== null && typeof safe === 'object' ? (safe as Record<string, unknown>) : undefined;
}

function node(value: unknown, seen: unknown[], loggable: MakeLoggable): CauseNode {
  const result: CauseNode = { type: typeOf(value), message: messageOf(value, loggable) };
  if (value === null || typeof value !== 'object') return result;
  const stack = readProperty(value, 'stack');
  if (typeof stack === 'string' && stack !== '') result.stack_trace = stack;
  const code = readProperty(value, 'code');
  if (typeof code === 'string' || typeof code === 'number') result.code = String(code);
  const props = ownExtras(value, loggable);
  if (props) result.props = props;
  const cause = readProperty(value, 'cause');
  if (cause !== undefined) {
    if (seen.includes(cause)) {
      result.cause = { type: 'Circular', message: '[Circular]' };
    } else if (seen.length < MAX_CAUSE_DEPTH) {
      result.cause = node(cause, [...seen, cause], loggable);
    }
  }
  return result;
}

/**
 * Turns any thrown value (Error, string, plain object, null, ...) into the contract's error shape,
 * its extra properties made safe by `loggable`. Never throws: properties that throw on read are
 * reported instead of propagated.
 */
export function errorShape(err: unknown, loggable: MakeLoggable): SerializedError {
  const { props, cause, ...top } = node(err, [err], loggable);
  const result: SerializedError = top;
  if (props || cause) {
    result.cause = {};
    if (props) result.cause.props = props;
    if (cause) result.cause.cause = cause;
  }
  return result;
}
