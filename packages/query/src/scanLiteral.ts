import { type DqlLiteral, WILDCARD } from './dqlAst.js';
import { DqlSyntaxError } from './dqlErrors.js';
import { checkLuceneInWord } from './luceneSyntax.js';

/** Characters with a meaning in DQL; write them as `\(` etc. inside unquoted literals. */
export const SPECIAL_CHARACTERS = '\\():<>"*{}';
const ESCAPED_WHITESPACE: Record<string, string> = { t: '\t', r: '\r', n: '\n' };
const WHITESPACE = /\s/;
/** `or`/`and` between spaces end a literal; `not` does so only at the start of a word. */
const KEYWORD_AHEAD = /^\s+(or|and|not)\s/i;
const LUCENE_OPERATOR_AHEAD = /^\s+(&&|\|\|)(\s|$)/;

export interface Scanned {
  readonly literal: DqlLiteral;
  readonly end: number;
}

/** Reads a quoted or unquoted literal at `start`; returns undefined when there is none. */
export function scanLiteral(query: string, start: number, field?: string): Scanned | undefined {
  if (query[start] === '"') return scanQuoted(query, start);
  return scanUnquoted(query, start, field);
}

function scanQuoted(query: string, start: number): Scanned {
  let pos = start + 1;
  let text = '';
  while (pos < query.length) {
    const char = query[pos] as string;
    if (char === '"') {
      return { literal: { parts: [text], quoted: true, start, end: pos + 1 }, end: pos + 1 };
    }
    if (char === '\\') {
      const next = query[pos + 1];
      if (next === '\\' || next === '"') {
        text += next;
        pos += 2;
        continue;
      }
      const unicode = readUnicode(query, pos);
      if (next !== undefined && (ESCAPED_WHITESPACE[next] !== undefined || unicode !== undefined)) {
        text += unicode ?? ESCAPED_WHITESPACE[next];
        pos += unicode === undefined ? 2 : 6;
        continue;
      }
    }
    text += char;
    pos += 1;
  }
  throw new DqlSyntaxError(query, start, 'unterminated quoted string (missing closing ")', ['"']);
}

function scanUnquoted(query: string, start: number, field: string | undefined): Scanned | undefined {
  const parts: (string | typeof WILDCARD)[] = [];
  let text = '';
  let pendingSpace = '';
  let pos = start;
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  while (pos < query.length) {
    const char = query[pos] as string;
    if (WHITESPACE.test(char)) {
      const rest = query.slice(pos);
      if (KEYWORD_AHEAD.test(rest)) break;
      if (LUCENE_OPERATOR_AHEAD.test(rest)) checkLuceneInWord(query, pos + rest.search(/\S/), '');
      pendingSpace += char;
      pos += 1;
      continue;
    }
    if (char !== '\\' && SPECIAL_CHARACTERS.includes(char) && char !== '*') break;
    text += pendingSpace;
    pendingSpace = '';
    if (char === '*') {
      flush();
      parts.push(WILDCARD);
      pos += 1;
    } else if (char === '\\') {
      const [value, length] = readEscape(query, pos);
      text += value;
      pos += length;
    } else {
      text += char;
      pos += 1;
    }
  }
  flush();
  if (parts.length === 0) return undefined;
  const end = pos - pendingSpace.length;
  checkLuceneInWord(query, start, query.slice(start, end), field);
  return { literal: { parts, quoted: false, start, end }, end: pos };
}

function readEscape(query: string, pos: number): [string, number] {
  const next = query[pos + 1];
  if (next !== undefined && SPECIAL_CHARACTERS.includes(next)) return [next, 2];
  if (next !== undefined && ESCAPED_WHITESPACE[next] !== undefined) return [ESCAPED_WHITESPACE[next], 2];
  const unicode = readUnicode(query, pos);
  if (unicode !== undefined) return [unicode, 6];
  const keyword = /^(or|and|not)/i.exec(query.slice(pos + 1))?.[0];
  if (keyword) return [keyword, keyword.length + 1];
  throw new DqlSyntaxError(
    query,
    pos,
    `invalid escape "\\${next ?? ''}": a backslash escapes only ${SPECIAL_CHARACTERS.split('').join(' ')}, \\t \\r \\n, \\uXXXX, or the words or/and/not`,
  );
}

function readUnicode(query: string, pos: number): string | undefined {
  const hex = /^u([0-9a-fA-F]{4})/.exec(query.slice(pos + 1, pos + 6))?.[1];
  return hex === undefined ? undefined : String.fromCharCode(Number.parseInt(hex, 16));
}
