import type { WriteStream } from 'node:tty';

/** A one-line "N documents, R/s" counter redrawn at most twice a second. */
export class Progress {
  private count = 0;
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(private readonly stream: WriteStream) {}

  tick(): void {
    this.count += 1;
    const now = Date.now();
    if (now - this.lastDraw >= 500) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  done(): void {
    this.draw(Date.now());
    this.stream.write('\n');
  }

  private draw(now: number): void {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = Math.round(this.count / seconds);
    this.stream.write(
      `\r\u001b[2Kexported ${this.count.toLocaleString('en')} documents (${rate.toLocaleString('en')}/s)`,
    );
  }
}
