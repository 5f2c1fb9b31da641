import type { Level } from '../levels.js';
import { levelWord } from './normalizeLevel.js';

const KLOG: Readonly<Record<string, Level>> = { I: 'info', W: 'warn', E: 'error', F: 'fatal' };
const LOGFMT_KEYS = ['level=', 'lvl=', 'severity='];
const TOKENS_SCANNED = 6;

/** The first line, at most 512 characters: level markers sit at the start of a line. */
function headOf(text: string): string {
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).slice(0, 512);
}

function klogLevel(line: string): Level | undefined {
  // klog: E1201 10:00:00.000000 1 file.go:12] msg
  if (!/^[IWEF]\d{4} \d\d:\d\d:\d\d/.test(line)) return undefined;
  return KLOG[line.charAt(0)];
}

function logfmtLevel(line: string): Level | undefined {
  for (const key of LOGFMT_KEYS) {
    let at = line.indexOf(key);
    while (at > 0 && line.charAt(at - 1) !== ' ') at = line.indexOf(key, at + 1);
    if (at === -1) continue;
    const value = /^"?([A-Za-z]+)/.exec(line.slice(at + key.length));
    const level = value ? levelWord((value[1] as string).toLowerCase()) : undefined;
    if (level) return level;
  }
  return undefined;
}

/**
 * A level word near the start: `ERROR ...`, `[warn] ...`, `error: ...`, `ERROR:root:...`, after
 * any timestamp or pid tokens (tokens with digits are skipped). The first other token decides,
 * and counts only when it is bracketed, followed by a colon or written in capitals, so that a
 * sentence starting with "error" in lower case without a colon is not taken for a level.
 */
function prefixLevel(line: string): Level | undefined {
  const tokens = line.split(/[ \t]+/).filter((token) => token !== '');
  for (const token of tokens.slice(0, TOKENS_SCANNED)) {
    if (/\d/.test(token)) continue;
    const bracketed = /^[[(<].+[\])>]:?$/.test(token);
    let word = bracketed ? token.replace(/^[[(<]/, '').replace(/[\])>]:?$/, '') : token;
    const colon = !bracketed && word.includes(':');
    if (colon) word = word.slice(0, word.indexOf(':'));
    const level = levelWord(word.toLowerCase());
    if (level && (bracketed || colon || (word === word.toUpperCase() && word.length > 1))) return level;
    return undefined;
  }
  return undefined;
}

/** The level a plain-text line states: klog's letter, logfmt's `level=`, or a leading level word. */
export function detectTextLevel(text: string): Level | undefined {
  const line = headOf(text);
  return klogLevel(line) ?? logfmtLevel(line) ?? prefixLevel(line);
}
