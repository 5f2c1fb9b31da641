import { bulkBody, itemOutcomes, type QueuedDocument, retryableStatus } from './bulkItems.js';
import type { BulkResponse, BulkTransport } from './bulkRequest.js';
import type { WriterStats } from './openSearchBulkWriter.js';
import type { ResolvedWriterOptions } from './writerOptions.js';

/**
 * One `_bulk` request for `documents`; counts each outcome in `stats` and returns the documents
 * to send again (connection errors, retryable statuses, 429/5xx items). A 413 splits the batch.
 */
export async function sendBulk(
  transport: BulkTransport,
  options: ResolvedWriterOptions,
  stats: WriterStats,
  documents: QueuedDocument[],
): Promise<QueuedDocument[]> {
  let response: BulkResponse;
  try {
    response = await transport.post(bulkBody(options.index, documents));
  } catch (error) {
    options.onWarning(`opensearch writer: _bulk request failed, will retry: ${(error as Error).message}`);
    return documents;
  }
  if (response.status === 413 && documents.length > 1) {
    const half = Math.ceil(documents.length / 2);
    return [
      ...(await sendBulk(transport, options, stats, documents.slice(0, half))),
      ...(await sendBulk(transport, options, stats, documents.slice(half))),
    ];
  }
  if (response.status !== 200) {
    const detail = response.body.slice(0, 300);
    if (retryableStatus(response.status)) {
      options.onWarning(`opensearch writer: _bulk answered ${response.status}, will retry`, { body: detail });
      return documents;
    }
    stats.rejected += documents.length;
    options.onWarning(`opensearch writer: _bulk answered ${response.status}, ${documents.length} documents refused`, {
      body: detail,
    });
    return [];
  }
  const outcomes = itemOutcomes(response.body, documents.length);
  const again: QueuedDocument[] = [];
  outcomes.forEach((outcome, i) => {
    const doc = documents[i] as QueuedDocument;
    if (outcome.kind === 'created') stats.created += 1;
    else if (outcome.kind === 'duplicate') stats.duplicates += 1;
    else if (outcome.kind === 'retry') again.push(doc);
    else {
      stats.rejected += 1;
      options.onWarning(`opensearch writer: document refused (${outcome.status}) ${outcome.reason}`, {
        id: doc.id,
        status: outcome.status,
      });
    }
  });
  return again;
}
