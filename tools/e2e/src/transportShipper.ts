import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OpenSearchRoutedWriter } from '@loglift/logger/opensearch';
import { CriFileReader } from './criFileReader.js';
import type { EmulatedPipeline } from './emulatedPipeline.js';
import { fluentBitDocument, type RecordHead } from './fluentBitDocument.js';
import { type ContainerRef, parseKubeletLogFileName } from './kubeletLogPath.js';
import { kubernetesMetadata } from './kubernetesMetadata.js';
import { type JoinedLine, MultilineJoiner } from './multilineJoiner.js';

export interface TransportShipperOptions {
  readonly logDir: string;
  readonly metaDir: string;
  readonly pipeline: EmulatedPipeline;
  /**
   * Routes each document to its namespace group's stream, like the chart's Fluent Bit routing.
   * Should be created with `whenFull: 'block'`: the files are the buffer, nothing is dropped.
   */
  readonly writer: Pick<OpenSearchRoutedWriter, 'write' | 'flush'>;
  readonly pollMs?: number;
}

interface Source {
  ref: ContainerRef;
  reader: CriFileReader;
  joiners: Map<string, MultilineJoiner<RecordHead & { offset: number }>>;
}

/**
 * Ships kubelet-named CRI log files like the rendered Fluent Bit configuration would, through
 * the @loglift/logger OpenSearch bulk writer: CRI parsing with P/F joining, the multiline filter's
 * parsers, kubernetes metadata from the preloaded `.meta` files, the JSON merge under the merge
 * key and `replace_dots`. Each document's `_id` comes from its file and byte offset.
 */
export class TransportShipper {
  private readonly sources = new Map<string, Source>();
  private readonly ready: { doc: Record<string, unknown>; id: string }[] = [];
  private stopping = false;
  private loop: Promise<void> | undefined;
  shipped = 0;

  constructor(private readonly options: TransportShipperOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Reads what is left, closes open multiline groups and waits until everything was delivered. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
    await this.options.writer.flush();
  }

  private async run(): Promise<void> {
    for (;;) {
      const last = this.stopping;
      this.scan(last);
      while (this.ready.length > 0) {
        const next = this.ready.shift() as { doc: Record<string, unknown>; id: string };
        await this.options.writer.write(next.doc, next.id);
        this.shipped += 1;
      }
      if (last) return;
      await sleep(this.options.pollMs ?? 200);
    }
  }

  private scan(final: boolean): void {
    let names: string[] = [];
    try {
      names = readdirSync(this.options.logDir).filter((name) => name.endsWith('.log'));
    } catch {
      return;
    }
    for (const name of names) {
      let source = this.sources.get(name);
      if (!source) {
        const ref = parseKubeletLogFileName(name);
        if (!ref) continue;
        source = { ref, reader: new CriFileReader(join(this.options.logDir, name)), joiners: new Map() };
        this.sources.set(name, source);
      }
      for (const entry of source.reader.read()) {
        const head = { ...entry.head, offset: entry.offset };
        this.joiner(source, entry.head.stream).push(entry.content.toString('utf8'), head);
      }
      for (const joiner of source.joiners.values()) {
        if (final) joiner.flush();
        else joiner.tick();
      }
    }
  }

  private joiner(source: Source, stream: string): MultilineJoiner<RecordHead & { offset: number }> {
    let joiner = source.joiners.get(stream);
    if (!joiner) {
      joiner = new MultilineJoiner(this.options.pipeline.multiline, (joined) => this.emit(source, joined));
      source.joiners.set(stream, joiner);
    }
    return joiner;
  }

  private emit(source: Source, joined: JoinedLine<RecordHead & { offset: number }>): void {
    const { pipeline, metaDir } = this.options;
    const kube = kubernetesMetadata(metaDir, source.ref, pipeline);
    const doc = fluentBitDocument(joined.first, joined.text, kube, pipeline);
    const id = createHash('sha256')
      .update(`${basename(source.reader.path)}:${joined.first.offset}`)
      .digest('hex')
      .slice(0, 32);
    this.ready.push({ doc, id });
  }
}
