import { checkRouting, type NamespaceRoutingOption, routedIndex } from './namespaceRoutingOption.js';
import { OpenSearchBulkWriter } from './openSearchBulkWriter.js';
import type { OpenSearchWriterOptions } from './writerOptions.js';
import { emptyStats, type WriterStats } from './writerStats.js';

export interface OpenSearchRoutedWriterOptions extends OpenSearchWriterOptions {
  /** Without it every document goes to `index`. */
  readonly routing?: NamespaceRoutingOption;
}

/**
 * Documents of many namespaces (a node's log shipper): each goes to its namespace's stream by the
 * routing rule of @loglift/log-schema, like the chart's Fluent Bit routing. Every stream has a
 * bulk writer of its own with the same options, so retries, bounds and the dead letter hold per
 * stream as they do per Fluent Bit output.
 */
export class OpenSearchRoutedWriter {
  private readonly writers = new Map<string, OpenSearchBulkWriter>();
  private readonly defaultIndex: string;

  constructor(
    private readonly options: OpenSearchRoutedWriterOptions,
    private readonly createWriter: (options: OpenSearchWriterOptions) => OpenSearchBulkWriter = (writerOptions) =>
      new OpenSearchBulkWriter(writerOptions),
  ) {
    checkRouting(options.routing);
    const { routing: _routing, ...writerOptions } = options;
    const first = createWriter(writerOptions);
    this.defaultIndex = first.options.index;
    this.writers.set(this.defaultIndex, first);
  }

  /** The stream a document goes to, from its `kubernetes.namespace_name`. */
  indexOf(document: object): string {
    const namespace = (document as { kubernetes?: { namespace_name?: unknown } }).kubernetes?.namespace_name;
    return routedIndex(this.defaultIndex, typeof namespace === 'string' ? namespace : undefined, this.options.routing);
  }

  /** The writer of one stream, created on its first document. */
  writerFor(index: string): OpenSearchBulkWriter {
    let writer = this.writers.get(index);
    if (!writer) {
      const { routing: _routing, ...writerOptions } = this.options;
      writer = this.createWriter({ ...writerOptions, index });
      this.writers.set(index, writer);
    }
    return writer;
  }

  offer(document: object, id?: string): boolean {
    return this.writerFor(this.indexOf(document)).offer(document, id);
  }

  write(document: object, id?: string): Promise<boolean> {
    return this.writerFor(this.indexOf(document)).write(document, id);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.writers.values()].map((writer) => writer.flush()));
  }

  /** Stats per stream. */
  streams(): Map<string, WriterStats> {
    return new Map([...this.writers].map(([index, writer]) => [index, writer.stats()]));
  }

  /** Every stream's stats added up. */
  stats(): WriterStats {
    return sumStats([...this.writers.values()].map((writer) => writer.stats()));
  }

  async close(): Promise<WriterStats> {
    return sumStats(await Promise.all([...this.writers.values()].map((writer) => writer.close())));
  }
}

function sumStats(all: readonly WriterStats[]): WriterStats {
  const total = emptyStats();
  for (const stats of all) {
    for (const key of Object.keys(total) as (keyof WriterStats)[]) total[key] += stats[key];
  }
  return total;
}
