import type { Level } from '../levels.js';

/**
 * Level words of popular loggers, lower-cased, mapped to the contract's six levels: syslog's
 * (notice, crit, alert, emerg), Python's (warning, critical), Serilog's (verbose, information),
 * zap's (dpanic is an error outside development, panic ends the program), logrus' panic.
 */
export const LEVEL_WORDS: Readonly<Record<string, Level>> = Object.freeze({
  __proto__: null,
  trace: 'trace',
  trc: 'trace',
  verbose: 'trace',
  vrb: 'trace',
  finest: 'trace',
  finer: 'trace',
  debug: 'debug',
  dbg: 'debug',
  fine: 'debug',
  info: 'info',
  inf: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  config: 'info',
  warn: 'warn',
  wrn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  eror: 'error',
  severe: 'error',
  dpanic: 'error',
  fatal: 'fatal',
  ftl: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  panic: 'fatal',
} as unknown as Record<string, Level>);

/** The level a word names, never a property inherited from Object (`constructor`, `toString`). */
export function levelWord(word: string): Level | undefined {
  return Object.hasOwn(LEVEL_WORDS, word) ? LEVEL_WORDS[word] : undefined;
}

const PINO_LEVELS: readonly [number, Level][] = [
  [60, 'fatal'],
  [50, 'error'],
  [40, 'warn'],
  [30, 'info'],
  [20, 'debug'],
  [10, 'trace'],
];

/** A level word (any case, OpenTelemetry's trailing digit as in `ERROR2` ignored) or a pino/bunyan number. */
export function normalizeLevel(value: unknown): Level | undefined {
  if (typeof value === 'number') return pinoLevel(value);
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return pinoLevel(Number(value));
  return levelWord(value.toLowerCase().replace(/[1-4]$/, ''));
}

function pinoLevel(value: number): Level | undefined {
  if (!Number.isInteger(value)) return undefined;
  for (const [floor, level] of PINO_LEVELS) if (value >= floor) return level;
  return undefined;
}

/** OpenTelemetry's SeverityNumber (1-24, four per level). */
export function otelSeverity(value: unknown): Level | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 24) return undefined;
  return (['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const)[Math.floor((number - 1) / 4)];
}
