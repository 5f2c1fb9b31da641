import { closeSync, openSync, writeSync } from 'node:fs';

export type CriStream = 'stdout' | 'stderr';

/** containerd cuts a line into 16 KiB pieces: `P` for each piece but the last, `F` for the last. */
export const CRI_MAX_LINE_BYTES = 16 * 1024;

/**
 * RFC 3339 with nanoseconds and trailing zeros trimmed, as Go's time.RFC3339Nano (containerd)
 * formats it. Sub-millisecond digits come from a counter so lines within one millisecond keep
 * their order.
 */
export function rfc3339Nano(date: Date, nanosWithinMilli = 0): string {
  const iso = date.toISOString(); // 2026-01-01T00:00:00.123Z
  const millis = iso.slice(20, 23);
  const fraction = `${millis}${String(nanosWithinMilli).padStart(6, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction === '' ? '' : `.${fraction}`}Z`;
}

/** One line of a CRI log: `<time> <stream> <P|F> <content>`. */
export function criLines(time: string, stream: CriStream, text: string, maxBytes = CRI_MAX_LINE_BYTES): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: Buffer[] = [];
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += maxBytes) {
    const piece = bytes.subarray(offset, offset + maxBytes);
    const tag = offset + maxBytes < bytes.length ? 'P' : 'F';
    lines.push(Buffer.concat([Buffer.from(`${time} ${stream} ${tag} `), piece, Buffer.from('\n')]));
  }
  return lines;
}

/** Appends lines to a container log file the way containerd writes them. */
export class CriLogFile {
  private readonly fd: number;
  private lastMilli = 0;
  private counter = 0;
  private closed = false;
  lines = 0;

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.fd = openSync(path, 'a');
  }

  /** Writes one line of output (without its newline); returns how many CRI lines it took. */
  write(stream: CriStream, text: string): number {
    if (this.closed) throw new Error(`${this.path} is closed`);
    const date = this.now();
    const milli = date.getTime();
    this.counter = milli === this.lastMilli ? this.counter + 1 : 0;
    this.lastMilli = milli;
    const pieces = criLines(rfc3339Nano(date, Math.min(this.counter, 999_999)), stream, text);
    // One write per piece keeps each CRI line whole for a reader tailing the file.
    for (const piece of pieces) writeSync(this.fd, piece);
    this.lines += 1;
    return pieces.length;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
