import type { Conversion } from '../fieldTypes.js';
import { normalizeLevel, otelSeverity } from './normalizeLevel.js';
import { formatTime, parseTime } from './parseTime.js';

const INTEGER = /^-?\d{1,15}$/;
const DECIMAL = /^-?\d{1,15}(?:\.\d+)?$/;
const HTTP_METHOD = /^[A-Za-z]{3,10}$/;

/** A finite number, or the number a plain decimal string spells. */
function numberOf(value: unknown, pattern: RegExp): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && pattern.test(value)) return Number(value);
  return undefined;
}

function integerOf(value: unknown): number | undefined {
  const number = numberOf(value, INTEGER);
  return number !== undefined && Number.isSafeInteger(number) ? number : undefined;
}

/** The path part of a request target or URL: no scheme, host, query or fragment. */
function urlPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let rest = value;
  const scheme = rest.indexOf('://');
  if (scheme !== -1) {
    const slash = rest.indexOf('/', scheme + 3);
    rest = slash === -1 ? '/' : rest.slice(slash);
  }
  if (!rest.startsWith('/')) return undefined;
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/**
 * A logged value converted for a typed root field, or undefined when it does not fit (then it
 * is not lifted and stays findable under `app.*` only). The Lua lift mirrors each case exactly.
 */
export function convertValue(value: unknown, conversion: Conversion): unknown {
  switch (conversion) {
    case 'keyword': {
      if (typeof value === 'string') return value === '' ? undefined : value;
      const integer = typeof value === 'number' ? integerOf(value) : undefined;
      return integer === undefined ? undefined : String(integer);
    }
    case 'text':
      return typeof value === 'string' && value !== '' ? value : undefined;
    case 'long':
      return integerOf(value);
    case 'double':
      return numberOf(value, DECIMAL);
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'level':
      return normalizeLevel(value);
    case 'otelSeverity':
      return otelSeverity(value);
    case 'time': {
      const millis = parseTime(value);
      return millis === undefined ? undefined : formatTime(millis);
    }
    case 'urlPath':
      return urlPath(value);
    case 'httpMethod':
      return typeof value === 'string' && HTTP_METHOD.test(value) ? value.toUpperCase() : undefined;
    case 'httpStatus': {
      const status = integerOf(value);
      return status !== undefined && status >= 100 && status <= 599 ? status : undefined;
    }
    case 'nanosToMillis': {
      const nanos = numberOf(value, DECIMAL);
      return nanos === undefined || nanos < 0 ? undefined : nanos / 1e6;
    }
    case 'secondsToMillis': {
      const seconds = numberOf(value, DECIMAL);
      return seconds === undefined || seconds < 0 ? undefined : seconds * 1000;
    }
  }
}
