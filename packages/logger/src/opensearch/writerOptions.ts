import { readFileSync } from 'node:fs';
import type { DeadLetterOption } from './deadLetter.js';

/** The index (data stream) written when none is given; the chart's `opensearch.dataStream` default. */
export const DEFAULT_INDEX = 'logs-loglift';

/** Where and how the OpenSearch writer sends documents. */
export interface OpenSearchWriterOptions {
  /** Base URL, e.g. `https://opensearch.example.com:9200`. */
  url: string;
  /** Index or data stream written with `create`. Default `logs-loglift`. */
  index?: string;
  /** Basic auth user (e.g. the internal `loglift-writer` user). */
  username?: string;
  password?: string;
  /** PEM CA bundle to trust, as text; or `caFile`, a path to one. */
  ca?: string;
  caFile?: string;
  /** Verify the server certificate. Default true. */
  tlsVerify?: boolean;
  /** Most documents per `_bulk` request. Default 500. */
  batchRecords?: number;
  /** Most bytes per `_bulk` request. Default 4 MiB. */
  batchBytes?: number;
  /** Longest a document waits for a fuller batch. Default 1000 ms. */
  flushIntervalMs?: number;
  /** Queue bound in documents, including the batch in flight. Default 10000. */
  maxQueueRecords?: number;
  /** Queue bound in bytes of serialised documents. Default 16 MiB. */
  maxQueueBytes?: number;
  /** When the queue is full: `drop` (count and warn) or `block` (`write()` waits for room). Default `drop`. */
  whenFull?: 'drop' | 'block';
  /** First retry delay; doubles up to `retryMaxMs`, with jitter. Default 250 ms. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Retries of a document before it is given up (counted as failed). Default unlimited. */
  maxRetries?: number;
  /**
   * Longest a document is retried after its first failure (429, 5xx, connection errors) before it
   * is given up (counted as failed and dead-lettered). Default unlimited: the queue bounds the backlog.
   */
  retryBudgetMs?: number;
  /**
   * Where documents refused for good (4xx other than 409 and 429) and documents given up after
   * retries go, with the reason: `{ file }`, `{ index }` (e.g. `logs-loglift-deadletter`) or a
   * function. Without it they are only counted (`rejected`, `failed`) and reported through `onWarning`.
   */
  deadLetter?: DeadLetterOption;
  /** Per-request timeout. Default 30 s. */
  requestTimeoutMs?: number;
  /** How long `close()` keeps trying to deliver what is queued. Default 10 s. */
  closeTimeoutMs?: number;
  /** Receives the writer's own warnings; default: one JSON line on stderr. */
  onWarning?: (message: string, details?: Record<string, unknown>) => void;
}

export type ResolvedWriterOptions = Required<
  Omit<OpenSearchWriterOptions, 'username' | 'password' | 'ca' | 'caFile' | 'deadLetter'>
> & {
  deadLetter: DeadLetterOption | undefined;
  username: string | undefined;
  password: string | undefined;
  ca: string | undefined;
};

/** Thrown for an invalid option; `.option` names it. */
export class OpenSearchWriterOptionError extends Error {
  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(`Invalid OpenSearch writer option "${option}": ${problem}`);
    this.name = 'OpenSearchWriterOptionError';
  }
}

function positive(options: OpenSearchWriterOptions, key: keyof OpenSearchWriterOptions, fallback: number): number {
  const value = options[key] ?? fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new OpenSearchWriterOptionError(key, `expected a number above 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

function defaultWarning(message: string, details?: Record<string, unknown>): void {
  // Written directly: routing the writer's warnings through a logger that uses this writer could loop.
  const line = { level: 'warn', time: new Date().toISOString(), message, ...(details ? { opensearch: details } : {}) };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

function checkDeadLetter(option: unknown): void {
  if (option === undefined || typeof option === 'function') return;
  const shape = 'expected { file: <path> }, { index: <name> } or a function';
  if (option === null || typeof option !== 'object') {
    throw new OpenSearchWriterOptionError('deadLetter', `${shape}, got ${JSON.stringify(option)}`);
  }
  const { file, index } = option as { file?: unknown; index?: unknown };
  if ((file === undefined) === (index === undefined)) {
    throw new OpenSearchWriterOptionError('deadLetter', `${shape}, got ${JSON.stringify(option)}`);
  }
  if (file !== undefined && (typeof file !== 'string' || file === '')) {
    throw new OpenSearchWriterOptionError('deadLetter', `file must be a non-empty path, got ${JSON.stringify(file)}`);
  }
  if (index !== undefined && !validIndexName(index)) {
    throw new OpenSearchWriterOptionError('deadLetter', `not a valid index name: ${JSON.stringify(index)}`);
  }
}

function validIndexName(index: unknown): boolean {
  return typeof index === 'string' && /^[^A-Z\\/*?"<>| ,#:_-][^A-Z\\/*?"<>| ,#:]*$/.test(index);
}

export function resolveWriterOptions(options: OpenSearchWriterOptions): ResolvedWriterOptions {
  if (typeof options !== 'object' || options === null) {
    throw new OpenSearchWriterOptionError('options', 'expected an object');
  }
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new OpenSearchWriterOptionError('url', `expected an http(s) URL, got ${JSON.stringify(options.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OpenSearchWriterOptionError('url', `expected http: or https:, got ${url.protocol}`);
  }
  const index = options.index ?? DEFAULT_INDEX;
  if (!validIndexName(index)) {
    throw new OpenSearchWriterOptionError('index', `not a valid index name: ${JSON.stringify(index)}`);
  }
  if ((options.username === undefined) !== (options.password === undefined)) {
    throw new OpenSearchWriterOptionError('username', 'username and password go together');
  }
  if (options.whenFull !== undefined && options.whenFull !== 'drop' && options.whenFull !== 'block') {
    throw new OpenSearchWriterOptionError(
      'whenFull',
      `expected "drop" or "block", got ${JSON.stringify(options.whenFull)}`,
    );
  }
  let ca = options.ca;
  if (options.caFile !== undefined) {
    try {
      ca = readFileSync(options.caFile, 'utf8');
    } catch (error) {
      throw new OpenSearchWriterOptionError('caFile', `cannot read ${options.caFile}: ${(error as Error).message}`);
    }
  }
  const maxRetries = options.maxRetries ?? Number.POSITIVE_INFINITY;
  const retryBudgetMs = options.retryBudgetMs ?? Number.POSITIVE_INFINITY;
  if (!(retryBudgetMs > 0)) {
    throw new OpenSearchWriterOptionError('retryBudgetMs', `expected a number above 0, got ${retryBudgetMs}`);
  }
  checkDeadLetter(options.deadLetter);
  if (!(maxRetries >= 0)) throw new OpenSearchWriterOptionError('maxRetries', `expected 0 or more, got ${maxRetries}`);
  return {
    url: url.toString().replace(/\/+$/, ''),
    index,
    username: options.username,
    password: options.password,
    ca,
    tlsVerify: options.tlsVerify ?? true,
    batchRecords: positive(options, 'batchRecords', 500),
    batchBytes: positive(options, 'batchBytes', 4 * 1024 * 1024),
    flushIntervalMs: positive(options, 'flushIntervalMs', 1000),
    maxQueueRecords: positive(options, 'maxQueueRecords', 10_000),
    maxQueueBytes: positive(options, 'maxQueueBytes', 16 * 1024 * 1024),
    whenFull: options.whenFull ?? 'drop',
    retryInitialMs: positive(options, 'retryInitialMs', 250),
    retryMaxMs: positive(options, 'retryMaxMs', 30_000),
    maxRetries,
    retryBudgetMs,
    deadLetter: options.deadLetter,
    requestTimeoutMs: positive(options, 'requestTimeoutMs', 30_000),
    closeTimeoutMs: positive(options, 'closeTimeoutMs', 10_000),
    onWarning: options.onWarning ?? defaultWarning,
  };
}
