/** One queued document: its id, serialised source and size. */
export interface QueuedDocument {
  readonly id: string;
  readonly source: string;
  readonly bytes: number;
  attempts: number;
  /** When the first attempt failed (ms since the epoch); the retry budget counts from here. */
  firstFailedAt?: number;
  /** Why the last attempt failed, kept for the dead letter when the document is given up. */
  lastError?: string;
}

/** NDJSON body of `create` actions, so a resent document with the same id is a harmless 409. */
export function bulkBody(index: string, documents: readonly QueuedDocument[]): string {
  let body = '';
  for (const doc of documents)
    body += `{"create":{"_index":${JSON.stringify(index)},"_id":${JSON.stringify(doc.id)}}}\n${doc.source}\n`;
  return body;
}

export type ItemOutcome =
  | { readonly kind: 'created' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string };

interface BulkItem {
  create?: { status?: number; error?: { type?: string; reason?: string } | string };
}

/** Outcome per document of a 200 `_bulk` answer: 409 is delivered, 429 and 5xx are retried. */
export function itemOutcomes(responseBody: string, count: number): ItemOutcome[] {
  let items: BulkItem[] | undefined;
  try {
    items = (JSON.parse(responseBody) as { items?: BulkItem[] }).items;
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items) || items.length !== count) {
    return Array.from({ length: count }, () => ({ kind: 'retry', reason: 'unreadable _bulk answer' }) as const);
  }
  return items.map((item): ItemOutcome => {
    const status = item.create?.status ?? 0;
    const error = item.create?.error;
    const reason =
      typeof error === 'string' ? error : `${error?.type ?? 'error'}: ${error?.reason ?? `HTTP ${status}`}`;
    if (status >= 200 && status < 300) return { kind: 'created' };
    if (status === 409) return { kind: 'duplicate' };
    if (status === 429 || status >= 500 || status === 0) return { kind: 'retry', reason };
    return { kind: 'rejected', status, reason };
  });
}

/** Request-level statuses worth another try: throttling, timeouts, server errors and auth not ready yet. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500 || status === 401 || status === 403 || status === 404;
}
