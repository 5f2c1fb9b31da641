/** What an OpenSearch writer did with the documents it was given. */
export interface WriterStats {
  /** Accepted into the queue. */
  accepted: number;
  /** Stored (201). */
  created: number;
  /** Already stored under the same id (409): delivered before, e.g. by a resend. */
  duplicates: number;
  /** Refused by OpenSearch for good (e.g. 400 mapping errors). */
  rejected: number;
  /** Not accepted because the queue was full (`whenFull: 'drop'`). */
  dropped: number;
  /** Given up after `maxRetries` or `retryBudgetMs`, or still queued when `close()` timed out. */
  failed: number;
  /** Refused or given-up documents handed to the `deadLetter` sink. */
  deadLettered: number;
  /** Requests or documents sent again. */
  retries: number;
  /** Documents (and bytes) queued now, including the batch in flight. */
  queued: number;
  queuedBytes: number;
}

export function emptyStats(): WriterStats {
  return {
    accepted: 0,
    created: 0,
    duplicates: 0,
    rejected: 0,
    dropped: 0,
    failed: 0,
    deadLettered: 0,
    retries: 0,
    queued: 0,
    queuedBytes: 0,
  };
}
