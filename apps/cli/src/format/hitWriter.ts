import type { Writable } from 'node:stream';
import type { LogHit } from '@loglift/query';
import type { OutputFormat } from './outputFormat.js';
import { formatPretty, type PrettySettings } from './pretty.js';
import { messageText } from './recordText.js';

/**
 * Writes hits to a stream in the chosen format, waiting for `drain` so a slow reader (a pipe,
 * a file) slows the producer instead of growing memory. `json` is one array, streamed.
 */
export class HitWriter {
  private written = 0;

  constructor(
    private readonly out: Writable,
    private readonly format: OutputFormat,
    private readonly pretty: PrettySettings,
  ) {}

  get count(): number {
    return this.written;
  }

  async write(hit: LogHit): Promise<void> {
    let text: string;
    if (this.format === 'pretty') text = `${formatPretty(hit, this.pretty)}\n`;
    else if (this.format === 'raw') text = `${rawLine(hit)}\n`;
    else if (this.format === 'ndjson') text = `${JSON.stringify(hit.source)}\n`;
    else text = `${this.written === 0 ? '[\n' : ',\n'}${JSON.stringify(hit.source)}`;
    this.written += 1;
    await this.send(text);
  }

  async end(): Promise<void> {
    if (this.format === 'json') await this.send(this.written === 0 ? '[]\n' : '\n]\n');
  }

  private async send(text: string): Promise<void> {
    if (this.out.write(text)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        this.out.off('drain', done);
        this.out.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      this.out.once('drain', done);
      this.out.once('error', done);
    });
  }
}

/** The message as written by the app, the raw line for non-JSON output, else the app's JSON. */
function rawLine(hit: LogHit): string {
  const app = (hit.source as { app?: unknown }).app;
  const text = messageText(hit.source) ?? (app === undefined ? '' : JSON.stringify(app));
  return text.replace(/\n+$/, '');
}
