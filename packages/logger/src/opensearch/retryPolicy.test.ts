import { describe, expect, it } from 'vitest';
import type { QueuedDocument } from './bulkItems.js';
import { giveUpReason, retryDelayMs } from './retryPolicy.js';

const settings = {
  retryInitialMs: 100,
  retryMaxMs: 1000,
  maxRetries: Number.POSITIVE_INFINITY,
  retryBudgetMs: Infinity,
};
const doc = (attempts: number, firstFailedAt?: number): QueuedDocument => ({
  id: 'a',
  source: '{}',
  bytes: 2,
  attempts,
  ...(firstFailedAt === undefined ? {} : { firstFailedAt }),
});

describe('retryDelayMs', () => {
  it('doubles its ceiling from retryInitialMs up to retryMaxMs and waits between half of it and all of it', () => {
    expect([1, 2, 3, 4, 5, 9].map((attempt) => retryDelayMs(attempt, settings, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(retryDelayMs(3, settings, () => 0)).toBe(200);
  });
});

describe('giveUpReason', () => {
  it('never gives up by default, however long a document has been failing', () => {
    expect(giveUpReason(doc(10_000, 0), settings, 365 * 24 * 3600 * 1000)).toBeUndefined();
  });

  it('gives up after maxRetries', () => {
    expect(giveUpReason(doc(3), { ...settings, maxRetries: 3 }, 0)).toBeUndefined();
    expect(giveUpReason(doc(4), { ...settings, maxRetries: 3 }, 0)).toBe('gave up after 3 retries');
  });

  it('gives up once the document has failed for retryBudgetMs since its first failure', () => {
    const budget = { ...settings, retryBudgetMs: 60_000 };
    expect(giveUpReason(doc(50, 1_000), budget, 60_999)).toBeUndefined();
    expect(giveUpReason(doc(50, 1_000), budget, 61_000)).toBe('gave up after retrying for 60000 ms');
  });
});
