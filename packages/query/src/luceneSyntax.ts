import { DqlLuceneSyntaxError } from './dqlErrors.js';

/**
 * Rejects Lucene-only constructs that DQL would otherwise read as plain text, so that
 * `status:[200 TO 299]` fails loudly instead of searching for the string "[200 TO 299]".
 * `word` is the raw text of an unquoted literal starting at `position` ('' to check an operator);
 * `field` names the field in suggestions.
 */
export function checkLuceneInWord(query: string, position: number, word: string, field = 'field'): void {
  const operator = /^(&&|\|\|)/.exec(query.slice(position))?.[0];
  if (word === '' && operator) {
    const dql = operator === '&&' ? 'and' : 'or';
    throw new DqlLuceneSyntaxError(query, position, `"${operator}"`, `write "${dql}" between conditions`);
  }
  const range = /^[[{]\s*(\S+)\s+TO\s+(\S+?)\s*[\]}]?$/.exec(word);
  if (range) {
    const bounds = [
      range[1] === '*' ? '' : `${field} >= ${range[1]}`,
      range[2] === '*' ? '' : `${field} <= ${range[2]}`,
    ];
    throw new DqlLuceneSyntaxError(
      query,
      position,
      `the range "${word}"`,
      `write "${bounds.filter(Boolean).join(' and ')}" (use < or > for exclusive bounds)`,
    );
  }
  const fuzzy = /(~\d*(\.\d+)?)$/.exec(word);
  if (fuzzy && word.length > fuzzy[0].length) {
    throw new DqlLuceneSyntaxError(
      query,
      position + word.length - fuzzy[0].length,
      `fuzzy/proximity "${fuzzy[0]}"`,
      'DQL has no fuzzy search: use a wildcard such as "conn*" or a quoted phrase',
    );
  }
  const boost = /(\^\d+(\.\d+)?)$/.exec(word);
  if (boost && word.length > boost[0].length) {
    throw new DqlLuceneSyntaxError(query, position + word.length - boost[0].length, `boost "${boost[0]}"`, 'remove it');
  }
  if (/^\/.+\/$/.test(word) && /[[\]+?|^$]|\.\*|\.\+/.test(word.slice(1, -1))) {
    throw new DqlLuceneSyntaxError(
      query,
      position,
      `the regular expression ${word}`,
      'DQL has no regular expressions: use * wildcards, e.g. field:api-*',
    );
  }
}

/** Rejects `+term`, `-term`, `!term` and `_exists_:field` where a DQL expression starts. */
export function checkLuceneAtExpression(query: string, position: number): void {
  const rest = query.slice(position);
  const prefix = /^([-+!])(?=[^\s\d])/.exec(rest)?.[1];
  if (prefix === '-' || prefix === '!') {
    throw new DqlLuceneSyntaxError(query, position, `the "${prefix}" prefix`, 'write "not field:value" to exclude');
  }
  if (prefix === '+') {
    throw new DqlLuceneSyntaxError(query, position, 'the "+" prefix', 'join required conditions with "and"');
  }
  const exists = /^_exists_\s*:\s*(\S+)/.exec(rest);
  if (exists) {
    throw new DqlLuceneSyntaxError(query, position, '"_exists_:"', `write "${exists[1]}:*"`);
  }
}

/** Rejects `"a phrase"~2` and `"a phrase"^2` right after a closing quote. */
export function checkLuceneAfterQuote(query: string, position: number): void {
  const suffix = /^([~^])\d*(\.\d+)?/.exec(query.slice(position))?.[0];
  if (!suffix) return;
  const construct = suffix.startsWith('~') ? `proximity "${suffix}"` : `boost "${suffix}"`;
  throw new DqlLuceneSyntaxError(query, position, construct, 'remove it; a quoted phrase matches the words in order');
}
