import { describeValue, LoggerOptionError } from './loggerOptionError.js';

/** What a redacted value is replaced with. */
export const REDACTED = '[Redacted]';

// Compared after lowercasing and dropping '-', '_' and spaces, so `Set-Cookie`, `set_cookie`,
// `apiKey`, `API-KEY` and `x-api-key` all match.
const SENSITIVE_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'cookies',
  'setcookie',
  'password',
  'passwd',
  'passphrase',
  'token',
  'secret',
  'apikey',
  'xapikey',
  'privatekey',
  'clientsecret',
  'credentials',
]);
const SENSITIVE_SUFFIXES = ['authorization', 'password', 'secret', 'token', 'apikey', 'cookie'];

function normalizeKey(key: string): string {
  const lower = key.toLowerCase();
  if (lower.indexOf('-') === -1 && lower.indexOf('_') === -1 && lower.indexOf(' ') === -1) return lower;
  return lower.replace(/[-_ ]/g, '');
}

/**
 * True when a property with this name holds a credential, whatever object it sits in. Matching
 * by name (not by path) is what catches `headers.Authorization` as well as `config.apiKey`.
 */
export function isSensitiveKey(key: string): boolean {
  if (key.length < 3 || key.length > 64) return false;
  // Every sensitive name ends in one of these letters or starts with "password": most keys are
  // ruled out here without a lookup.
  if (LAST_LETTERS[key.charCodeAt(key.length - 1) | 0x20] !== 1 && FIRST_LETTERS[key.charCodeAt(0) | 0x20] !== 1) {
    return false;
  }
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = matchSensitive(key);
  // Keys repeat from line to line; remember a bounded number of verdicts.
  if (verdicts.size < MAX_REMEMBERED) verdicts.set(key, verdict);
  return verdict;
}

const MAX_REMEMBERED = 10_000;
// Lookup tables by character code (with the lowercase bit set); out-of-range codes read undefined.
const LAST_LETTERS = new Uint8Array(128);
for (const letter of 'ndtyes') LAST_LETTERS[letter.charCodeAt(0)] = 1;
// Separators are dropped before matching, so `token_` or `secret-` must reach the lookup too.
for (const code of [0x5f | 0x20, 0x2d | 0x20, 0x20]) LAST_LETTERS[code] = 1;
// 'p', and '_' / '-' for keys like `_passwordHash`.
const FIRST_LETTERS = new Uint8Array(128);
for (const code of [0x70, 0x5f | 0x20, 0x2d | 0x20, 0x20]) FIRST_LETTERS[code] = 1;
const verdicts = new Map<string, boolean>();

function matchSensitive(key: string): boolean {
  const normalized = normalizeKey(key);
  if (SENSITIVE_KEYS.has(normalized)) return true;
  if (normalized.startsWith('password')) return true;
  for (const suffix of SENSITIVE_SUFFIXES) {
    if (normalized.endsWith(suffix)) return true;
  }
  return false;
}

// pino redact path syntax: dotted identifiers, `*` wildcards, and bracketed quoted keys.
const PATH_SEGMENT = /^(?:[A-Za-z_$][\w$-]*|\*|\[(?:"[^"\\]+"|'[^'\\]+'|\*|\d+)\])/;

/** Validates extra redact paths up front, so a typo fails at startup with the option named. */
export function validateRedactPaths(paths: unknown): string[] {
  if (paths === undefined) return [];
  if (!Array.isArray(paths))
    throw new LoggerOptionError('redact', `expected an array of paths, got ${describeValue(paths)}`);
  return paths.map((path, index) => {
    if (typeof path !== 'string' || path.length === 0 || path.length > 200) {
      throw new LoggerOptionError(`redact[${index}]`, `expected a non-empty path string, got ${describeValue(path)}`);
    }
    let rest = path;
    let first = true;
    while (rest.length > 0) {
      if (!first && rest.startsWith('.')) {
        rest = rest.slice(1);
        if (rest.length === 0) throw new LoggerOptionError(`redact[${index}]`, `malformed path ${describeValue(path)}`);
      }
      const match = PATH_SEGMENT.exec(rest);
      if (!match) {
        throw new LoggerOptionError(
          `redact[${index}]`,
          `malformed path ${describeValue(path)} (use dotted names, * wildcards or ["quoted-key"])`,
        );
      }
      rest = rest.slice(match[0].length);
      first = false;
      if (rest.length > 0 && !rest.startsWith('.') && !rest.startsWith('[')) {
        throw new LoggerOptionError(`redact[${index}]`, `malformed path ${describeValue(path)}`);
      }
    }
    return path;
  });
}
