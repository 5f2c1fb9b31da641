import { appendFile } from 'node:fs/promises';

/** A document OpenSearch refused for good, or one given up after its retry budget. */
export interface DeadLetterEntry {
  /** `_id` the document was sent with. */
  readonly id: string;
  /** Index or data stream it was meant for. */
  readonly index: string;
  /** HTTP status of the refusal (0 when it was given up after retries without an answer). */
  readonly status: number;
  /** OpenSearch's `type: reason`, or why the writer gave up. */
  readonly reason: string;
  /** The document as it was sent (serialised JSON). */
  readonly source: string;
}

/**
 * Where refused documents go instead of being forgotten:
 * - `{ file }` appends one JSON line per document (`time`, `index`, `id`, `status`, `reason`, `source`);
 * - `{ index }` writes each as a document of that index or data stream (e.g. `logs-loglift-deadletter`)
 *   with the reason in `message`/`error.*` and the original under `deadletter.source` as text;
 * - a function receives the entries (e.g. to count them in a metric).
 */
export type DeadLetterOption =
  | { readonly file: string }
  | { readonly index: string }
  | ((entries: readonly DeadLetterEntry[]) => void | Promise<void>);

export interface DeadLetterSink {
  write(entries: readonly DeadLetterEntry[]): Promise<void>;
  close(): Promise<void>;
}

/** What the `{ index }` sink needs from a writer for the dead-letter index. */
export interface DeadLetterIndexWriter {
  write(document: object, id: string): Promise<boolean>;
  close(): Promise<unknown>;
}

/** The dead-letter document stored for one entry: root fields of the log model, original as text. */
export function deadLetterDocument(entry: DeadLetterEntry, now: Date = new Date()): Record<string, unknown> {
  const type = /^([\w.]+):/.exec(entry.reason)?.[1];
  return {
    '@timestamp': now.toISOString(),
    level: 'error',
    message: `document refused by OpenSearch (${entry.status}): ${entry.reason}`,
    error: { ...(type ? { type } : {}), message: entry.reason, code: String(entry.status) },
    deadletter: { index: entry.index, id: entry.id, status: entry.status, source: entry.source },
  };
}

function fileSink(path: string): DeadLetterSink {
  // Appends are chained so lines from concurrent batches never interleave.
  let tail: Promise<void> = Promise.resolve();
  return {
    write(entries) {
      const time = new Date().toISOString();
      const text = entries.map((entry) => `${JSON.stringify({ time, ...entry })}\n`).join('');
      tail = tail.then(() => appendFile(path, text, 'utf8'));
      return tail;
    },
    close: () => tail,
  };
}

function indexSink(writer: DeadLetterIndexWriter): DeadLetterSink {
  return {
    async write(entries) {
      // Queued, not awaited until stored: an outage must not stall the main writer on its dead
      // letter. The entry's own id keeps the dead letter exactly-once when a batch comes back.
      for (const entry of entries) await writer.write(deadLetterDocument(entry), entry.id);
    },
    close: async () => {
      await writer.close();
    },
  };
}

/** The sink for a `deadLetter` option; `openIndex` makes the writer for the `{ index }` form. */
export function createDeadLetterSink(
  option: DeadLetterOption,
  openIndex: (index: string) => DeadLetterIndexWriter,
): DeadLetterSink {
  if (typeof option === 'function') {
    return { write: async (entries) => option(entries), close: async () => {} };
  }
  if ('file' in option) return fileSink(option.file);
  return indexSink(openIndex(option.index));
}
