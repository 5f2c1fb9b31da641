import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { QueuedDocument } from './bulkItems.js';
import { type BulkTransport, createBulkTransport } from './bulkRequest.js';
import { createDeadLetterSink, type DeadLetterEntry, type DeadLetterSink } from './deadLetter.js';
import { giveUpReason, retryDelayMs } from './retryPolicy.js';
import { sendBulk } from './sendBulk.js';
import { type OpenSearchWriterOptions, type ResolvedWriterOptions, resolveWriterOptions } from './writerOptions.js';
import { emptyStats, type WriterStats } from './writerStats.js';

export type { WriterStats } from './writerStats.js';

const DROP_WARNING_EVERY_MS = 10_000;

/**
 * Batched `_bulk` writer with `create` and a deterministic `_id` per document, bounded memory,
 * retries with exponential backoff and per-item error handling. One request is in flight at a
 * time; a document leaves the queue only once it was stored, found stored (409) or refused.
 */
export class OpenSearchBulkWriter {
  readonly options: ResolvedWriterOptions;
  private readonly transport: BulkTransport;
  private readonly queue: QueuedDocument[] = [];
  private readonly instance = randomBytes(8).toString('hex');
  private readonly statsValue: WriterStats = emptyStats();
  private sequence = 0;
  private completed = 0;
  private closing = false;
  /** Set when close() timed out: the pump stops and forgets what it still held. */
  private abandoned = false;
  private closed: Promise<WriterStats> | undefined;
  private wake: (() => void) | undefined;
  private readonly waiters: (() => void)[] = [];
  private lastDropWarning = 0;
  private readonly pump: Promise<void>;
  private readonly deadLetterSink: DeadLetterSink | undefined;

  constructor(options: OpenSearchWriterOptions, transport?: BulkTransport) {
    this.options = resolveWriterOptions(options);
    this.transport = transport ?? createBulkTransport(this.options);
    const { deadLetter, ...connection } = this.options;
    // The dead-letter index gets its own writer on the same connection settings, without a dead
    // letter of its own: a dead-letter document it cannot store is reported, never looped.
    this.deadLetterSink =
      deadLetter &&
      createDeadLetterSink(
        deadLetter,
        (index) => new OpenSearchBulkWriter({ ...connection, index, whenFull: 'block' }),
      );
    this.pump = this.run();
  }

  stats(): WriterStats {
    return { ...this.statsValue, queued: this.queue.length, queuedBytes: this.statsValue.queuedBytes };
  }

  /**
   * Queues a document without waiting; returns false when it was dropped (queue full or closed).
   * Without an `id`, one is derived from this writer's instance and a sequence number, so the
   * document keeps the same id through every retry.
   */
  offer(document: object, id?: string): boolean {
    const source = JSON.stringify(document);
    const bytes = Buffer.byteLength(source);
    if (this.closing || !this.hasRoom(bytes)) {
      this.noteDrop();
      return false;
    }
    this.push(source, bytes, id);
    return true;
  }

  /** Queues a document; with `whenFull: 'block'` waits for room instead of dropping. */
  async write(document: object, id?: string): Promise<boolean> {
    if (this.options.whenFull === 'drop') return this.offer(document, id);
    const source = JSON.stringify(document);
    const bytes = Buffer.byteLength(source);
    while (!this.closing && !this.hasRoom(bytes)) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.closing) {
      this.noteDrop();
      return false;
    }
    this.push(source, bytes, id);
    return true;
  }

  /** Resolves once every document queued before the call was stored, found stored or given up. */
  async flush(): Promise<void> {
    const target = this.sequence;
    while (this.completed < target) {
      this.wake?.();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Delivers what is queued (for up to `closeTimeoutMs`), then releases the connection. */
  close(): Promise<WriterStats> {
    if (this.closed) return this.closed;
    this.closing = true;
    this.wake?.();
    this.notify();
    this.closed = (async () => {
      const deadline = sleep(this.options.closeTimeoutMs, 'timeout' as const);
      const outcome = await Promise.race([this.pump.then(() => 'done' as const), deadline]);
      if (outcome === 'timeout' && this.queue.length > 0) {
        this.statsValue.failed += this.queue.length;
        this.options.onWarning(`opensearch writer: ${this.queue.length} documents not delivered before close`, {
          undelivered: this.queue.length,
        });
        this.queue.length = 0;
        this.statsValue.queuedBytes = 0;
        this.abandoned = true;
      }
      await this.deadLetterSink?.close().catch((error: Error) => {
        this.options.onWarning(`opensearch writer: closing the dead letter failed: ${error.message}`);
      });
      this.transport.close();
      this.notify();
      return this.stats();
    })();
    return this.closed;
  }

  private hasRoom(bytes: number): boolean {
    return (
      this.queue.length < this.options.maxQueueRecords &&
      this.statsValue.queuedBytes + bytes <= this.options.maxQueueBytes
    );
  }

  private push(source: string, bytes: number, id: string | undefined): void {
    this.sequence += 1;
    const docId =
      id ?? createHash('sha256').update(`${this.instance}:${this.sequence}`).digest('base64url').slice(0, 22);
    this.queue.push({ id: docId, source, bytes, attempts: 0 });
    this.statsValue.accepted += 1;
    this.statsValue.queuedBytes += bytes;
    // The first document starts the flush interval; a full batch goes out at once.
    if (this.queue.length === 1 || this.queue.length >= this.options.batchRecords) this.wake?.();
  }

  private noteDrop(): void {
    this.statsValue.dropped += 1;
    const now = Date.now();
    if (now - this.lastDropWarning >= DROP_WARNING_EVERY_MS) {
      this.lastDropWarning = now;
      this.options.onWarning(
        `opensearch writer: queue full or closed, dropped ${this.statsValue.dropped} documents so far`,
        {
          dropped: this.statsValue.dropped,
          queued: this.queue.length,
        },
      );
    }
  }

  private notify(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private async run(): Promise<void> {
    for (;;) {
      if (this.queue.length === 0) {
        if (this.closing) return;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      if (this.queue.length < this.options.batchRecords && !this.closing) {
        // Wait for a fuller batch, a flush or close, at most flushIntervalMs.
        const timer = sleep(this.options.flushIntervalMs);
        const woken = new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        if (this.waiters.length === 0) await Promise.race([timer, woken]);
      }
      const batch = this.takeBatch();
      await this.deliver(batch);
      if (this.abandoned) return;
      this.finish(batch);
    }
  }

  private takeBatch(): QueuedDocument[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < this.options.batchRecords) {
      const next = this.queue[count] as QueuedDocument;
      if (count > 0 && bytes + next.bytes > this.options.batchBytes) break;
      bytes += next.bytes;
      count += 1;
    }
    return this.queue.slice(0, count);
  }

  private finish(batch: readonly QueuedDocument[]): void {
    this.queue.splice(0, batch.length);
    for (const doc of batch) this.statsValue.queuedBytes -= doc.bytes;
    this.completed += batch.length;
    this.notify();
  }

  /** Sends until every document of the batch has an outcome (or is given up). */
  private async deliver(batch: readonly QueuedDocument[]): Promise<void> {
    let pending = [...batch];
    while (pending.length > 0 && !this.abandoned) {
      const { retry, refused } = await sendBulk(this.transport, this.options, this.statsValue, pending);
      await this.toDeadLetter(refused);
      const now = Date.now();
      const again: QueuedDocument[] = [];
      const givenUp: DeadLetterEntry[] = [];
      for (const doc of retry) {
        doc.attempts += 1;
        const why = giveUpReason(doc, this.options, now);
        if (why === undefined) again.push(doc);
        else
          givenUp.push({
            id: doc.id,
            index: this.options.index,
            status: 0,
            reason: `${why}; last: ${doc.lastError}`,
            source: doc.source,
          });
      }
      if (givenUp.length > 0) {
        this.statsValue.failed += givenUp.length;
        this.options.onWarning(`opensearch writer: gave up ${givenUp.length} documents after retries`);
        await this.toDeadLetter(givenUp);
      }
      pending = again;
      if (pending.length === 0) return;
      this.statsValue.retries += pending.length;
      await sleep(retryDelayMs(Math.min(...pending.map((doc) => doc.attempts)), this.options));
    }
  }

  /** Hands refused or given-up documents to the dead letter, when there is one. */
  private async toDeadLetter(entries: readonly DeadLetterEntry[]): Promise<void> {
    if (entries.length === 0 || !this.deadLetterSink) return;
    try {
      await this.deadLetterSink.write(entries);
      this.statsValue.deadLettered += entries.length;
    } catch (error) {
      this.options.onWarning(
        `opensearch writer: dead letter failed, ${entries.length} documents lost: ${(error as Error).message}`,
      );
    }
  }
}
