import build from 'pino-abstract-transport';
import { checkRouting, routedIndex } from './namespaceRoutingOption.js';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';
import type { OpenSearchDestinationOptions } from './openSearchDestination.js';
import { type ToDocumentOptions, toDocument } from './toDocument.js';
import { DEFAULT_INDEX } from './writerOptions.js';

/**
 * pino transport (runs in pino's worker thread):
 *   pino.transport({ target: '@loglift/logger/opensearch/transport', options: { url, index, ... } })
 * Records are shaped like Fluent Bit's documents and written with the bulk writer; memory is
 * bounded by the writer's queue, and records beyond it are dropped and counted (never blocking
 * the app's thread). Closing the transport (pino's exit handling, `logger.flush()` then exit)
 * delivers what is queued.
 */
export default async function openSearchTransport(options: OpenSearchDestinationOptions) {
  const { kubernetes, stream, replaceDots, routing, ...writerOptions } = options;
  checkRouting(routing);
  // An app's records all carry its own namespace, so the route is decided once.
  const index = routedIndex(writerOptions.index ?? DEFAULT_INDEX, kubernetes?.namespace_name, routing);
  const writer = new OpenSearchBulkWriter({ whenFull: 'drop', ...writerOptions, index });
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
