import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { type CriLine, parseCriLine } from './criLine.js';

export interface CriEntry {
  /** Byte offset of the (first) CRI line, stable across re-reads: a good document id source. */
  readonly offset: number;
  readonly head: Omit<CriLine, 'content'>;
  /** Content with `P` pieces joined. */
  readonly content: Buffer;
}

const READ_LIMIT = 8 * 1024 * 1024;

/** Reads a CRI log file incrementally: complete lines only, partial (`P`) pieces joined per stream. */
export class CriFileReader {
  private offset = 0;
  private remainder = Buffer.alloc(0);
  private remainderOffset = 0;
  private readonly partial = new Map<string, { offset: number; head: Omit<CriLine, 'content'>; pieces: Buffer[] }>();
  malformed = 0;

  constructor(readonly path: string) {}

  /** Entries completed since the last call. */
  read(): CriEntry[] {
    let size: number;
    try {
      size = statSync(this.path).size;
    } catch {
      return [];
    }
    if (size <= this.offset) return [];
    const length = Math.min(size - this.offset, READ_LIMIT);
    const chunk = Buffer.alloc(length);
    const fd = openSync(this.path, 'r');
    try {
      readSync(fd, chunk, 0, length, this.offset);
    } finally {
      closeSync(fd);
    }
    const data = this.remainder.length > 0 ? Buffer.concat([this.remainder, chunk]) : chunk;
    const base = this.remainder.length > 0 ? this.remainderOffset : this.offset;
    this.offset += length;
    const entries: CriEntry[] = [];
    let start = 0;
    for (let end = data.indexOf(0x0a); end >= 0; end = data.indexOf(0x0a, start)) {
      this.line(base + start, data.subarray(start, end), entries);
      start = end + 1;
    }
    this.remainder = Buffer.from(data.subarray(start));
    this.remainderOffset = base + start;
    return entries;
  }

  private line(offset: number, raw: Buffer, entries: CriEntry[]): void {
    const line = parseCriLine(raw);
    if (!line) {
      this.malformed += 1;
      return;
    }
    const { content, ...head } = line;
    const open = this.partial.get(line.stream);
    if (line.tag === 'P') {
      if (open) open.pieces.push(content);
      else this.partial.set(line.stream, { offset, head, pieces: [content] });
      return;
    }
    if (open) {
      this.partial.delete(line.stream);
      entries.push({ offset: open.offset, head: open.head, content: Buffer.concat([...open.pieces, content]) });
      return;
    }
    entries.push({ offset, head, content });
  }
}
