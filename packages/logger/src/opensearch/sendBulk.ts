import { bulkBody, itemOutcomes, type QueuedDocument, retryableStatus } from './bulkItems.js';
import type { BulkResponse, BulkTransport } from './bulkRequest.js';
import type { DeadLetterEntry } from './deadLetter.js';
import type { ResolvedWriterOptions } from './writerOptions.js';
import type { WriterStats } from './writerStats.js';

/** Documents to send again (429, 5xx, connection errors) and documents refused for good. */
export interface BulkResult {
  retry: QueuedDocument[];
  refused: DeadLetterEntry[];
}

function failed(doc: QueuedDocument, reason: string, now: number): QueuedDocument {
  doc.firstFailedAt ??= now;
  doc.lastError = reason;
  return doc;
}

/**
 * One `_bulk` request for `documents`; counts each outcome in `stats`. 201 is stored, 409 was
 * stored before (a resend), 429/5xx items and retryable request failures come back in `retry`,
 * other 4xx in `refused` with OpenSearch's reason. A 413 splits the batch.
 */
export async function sendBulk(
  transport: BulkTransport,
  options: ResolvedWriterOptions,
  stats: WriterStats,
  documents: QueuedDocument[],
): Promise<BulkResult> {
  const now = Date.now();
  let response: BulkResponse;
  try {
    response = await transport.post(bulkBody(options.index, documents));
  } catch (error) {
    const reason = `_bulk request failed: ${(error as Error).message}`;
    options.onWarning(`opensearch writer: ${reason}, will retry`);
    return { retry: documents.map((doc) => failed(doc, reason, now)), refused: [] };
  }
  if (response.status === 413 && documents.length > 1) {
    const half = Math.ceil(documents.length / 2);
    const first = await sendBulk(transport, options, stats, documents.slice(0, half));
    const second = await sendBulk(transport, options, stats, documents.slice(half));
    return { retry: [...first.retry, ...second.retry], refused: [...first.refused, ...second.refused] };
  }
  if (response.status !== 200) {
    const detail = response.body.slice(0, 300);
    const reason = `_bulk answered ${response.status}: ${detail}`;
    if (retryableStatus(response.status)) {
      options.onWarning(`opensearch writer: _bulk answered ${response.status}, will retry`, { body: detail });
      return { retry: documents.map((doc) => failed(doc, reason, now)), refused: [] };
    }
    stats.rejected += documents.length;
    options.onWarning(`opensearch writer: _bulk answered ${response.status}, ${documents.length} documents refused`, {
      body: detail,
    });
    return { retry: [], refused: documents.map((doc) => entry(options, doc, response.status, reason)) };
  }
  const result: BulkResult = { retry: [], refused: [] };
  itemOutcomes(response.body, documents.length).forEach((outcome, i) => {
    const doc = documents[i] as QueuedDocument;
    if (outcome.kind === 'created') stats.created += 1;
    else if (outcome.kind === 'duplicate') stats.duplicates += 1;
    else if (outcome.kind === 'retry') result.retry.push(failed(doc, outcome.reason, now));
    else {
      stats.rejected += 1;
      options.onWarning(`opensearch writer: document refused (${outcome.status}) ${outcome.reason}`, {
        id: doc.id,
        status: outcome.status,
      });
      result.refused.push(entry(options, doc, outcome.status, outcome.reason));
    }
  });
  return result;
}

function entry(options: ResolvedWriterOptions, doc: QueuedDocument, status: number, reason: string): DeadLetterEntry {
  return { id: doc.id, index: options.index, status, reason, source: doc.source };
}
