import { checkRouting, type NamespaceRoutingOption, routedIndex } from './namespaceRoutingOption.js';
import { OpenSearchBulkWriter, type WriterStats } from './openSearchBulkWriter.js';
import { parseJsonObject } from './parseJsonObject.js';
import { type ToDocumentOptions, toDocument } from './toDocument.js';
import { DEFAULT_INDEX, type OpenSearchWriterOptions } from './writerOptions.js';

export type OpenSearchDestinationOptions = OpenSearchWriterOptions &
  ToDocumentOptions & {
    /** The chart's routing groups: the app's namespace (`kubernetes.namespace_name`) picks the stream. */
    routing?: NamespaceRoutingOption;
  };

/** A pino destination (`createLogger({ destination })`) that ships records to OpenSearch in-process. */
export interface OpenSearchDestination {
  /** pino calls this with one JSON line per record. */
  write(line: string): void;
  /** pino's `logger.flush(cb)` ends here: resolves once queued records were delivered. */
  flush(callback?: (error?: Error) => void): void;
  /** Delivers what is queued and releases the connection. */
  close(): Promise<WriterStats>;
  readonly writer: OpenSearchBulkWriter;
}

/**
 * Never blocks the app: when OpenSearch is slow or away, records queue up to the writer's bounds
 * and beyond them are dropped and counted (`whenFull: 'drop'`), with a warning on stderr.
 */
export function openSearchDestination(options: OpenSearchDestinationOptions): OpenSearchDestination {
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
  return {
    writer,
    write(line: string) {
      for (const text of line.split('\n')) {
        if (text.trim() === '') continue;
        writer.offer(toDocument(parseJsonObject(text) ?? text, shape));
      }
    },
    flush(callback) {
      writer.flush().then(
        () => callback?.(),
        (error: Error) => callback?.(error),
      );
    },
    close: () => writer.close(),
  };
}
