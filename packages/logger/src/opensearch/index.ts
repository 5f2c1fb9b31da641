export { type BulkResponse, type BulkTransport, createBulkTransport } from './bulkRequest.js';
export { type DeadLetterEntry, type DeadLetterOption, deadLetterDocument } from './deadLetter.js';
export { type NamespaceRoutingOption, routedIndex } from './namespaceRoutingOption.js';
export { OpenSearchBulkWriter, type WriterStats } from './openSearchBulkWriter.js';
export {
  type OpenSearchDestination,
  type OpenSearchDestinationOptions,
  openSearchDestination,
} from './openSearchDestination.js';
export { OpenSearchRoutedWriter, type OpenSearchRoutedWriterOptions } from './openSearchRoutedWriter.js';
export { parseJsonObject } from './parseJsonObject.js';
export { type DocumentMetadata, replaceDots, type ToDocumentOptions, toDocument } from './toDocument.js';
export { OpenSearchWriterOptionError, type OpenSearchWriterOptions } from './writerOptions.js';
