import type { QueuedDocument } from './bulkItems.js';

/** The retry settings of the writer (see `OpenSearchWriterOptions`). */
export interface RetrySettings {
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  readonly maxRetries: number;
  readonly retryBudgetMs: number;
}

/**
 * Why a document that failed again is given up, or undefined while it may still be retried.
 * Only 429, 5xx and connection errors reach here; both bounds are unlimited by default, so an
 * outage of any length loses nothing while the queue holds the backlog.
 */
export function giveUpReason(doc: QueuedDocument, settings: RetrySettings, now: number): string | undefined {
  if (doc.attempts > settings.maxRetries) return `gave up after ${settings.maxRetries} retries`;
  const failingFor = now - (doc.firstFailedAt ?? now);
  if (failingFor >= settings.retryBudgetMs) return `gave up after retrying for ${failingFor} ms`;
  return undefined;
}

/**
 * Wait before the next attempt: a ceiling doubling from `retryInitialMs` up to `retryMaxMs`, and a
 * random wait between half the ceiling and the ceiling, so writers cut off together do not all
 * come back at once.
 */
export function retryDelayMs(attempt: number, settings: RetrySettings, random: () => number = Math.random): number {
  const ceiling = Math.min(settings.retryMaxMs, settings.retryInitialMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
