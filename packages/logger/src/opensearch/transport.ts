import build from 'pino-abstract-transport';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';
import type { OpenSearchDestinationOptions } from './openSearchDestination.js';
import { type ToDocumentOptions, toDocument } from './toDocument.js';

/**
 * pino transport (runs in pino's worker thread):
 *   pino.transport({ target: '@loglift/logger/opensearch/transport', options: { url, index, ... } })
 * Records are shaped like Fluent Bit's documents and written with the bulk writer; memory is
 * bounded by the writer's queue, and records beyond it are dropped and counted (never blocking
 * the app's thread). Closing the transport (pino's exit handling, `logger.flush()` then exit)
 * delivers what is queued.
 */
export default async function openSearchTransport(options: OpenSearchDestinationOptions) {
  const { kubernetes, stream, replaceDots, ...writerOptions } = options;
  const writer = new OpenSearchBulkWriter({ whenFull: 'drop', ...writerOptions });
  const shape: ToDocumentOptions = {
    ...(kubernetes ? { kubernetes } : {}),
    ...(stream ? { stream } : {}),
    ...(replaceDots === undefined ? {} : { replaceDots }),
  };
  return build(
    async (source: AsyncIterable<unknown>) => {
      for await (const record of source) {
        // pino-abstract-transport hands over parsed objects; anything else is kept as text.
        const fields = record !== null && typeof record === 'object' && !Array.isArray(record) ? record : undefined;
        writer.offer(toDocument((fields as Record<string, unknown> | undefined) ?? String(record), shape));
      }
    },
    {
      close: async () => {
        await writer.close();
      },
    },
  );
}
