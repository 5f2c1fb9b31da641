import { createClient, type LogClient } from '@loglift/query';
import { type ConnectionFlags, resolveConnection } from './config/resolveConnection.js';
import { useColor } from './format/color.js';
import { HitWriter } from './format/hitWriter.js';
import type { OutputFlags } from './options.js';

/** What every command needs: a client, the time zone, and where to write. */
export interface Session {
  readonly client: LogClient;
  readonly timeZone: string;
}

export function openSession(flags: ConnectionFlags): Session {
  const { connection, timeZone } = resolveConnection(flags);
  const onWaiting = ({ url, elapsedMs }: { url: string; elapsedMs: number }) => {
    process.stderr.write(`loglift: still waiting for an answer from ${url} (${Math.round(elapsedMs / 1000)} s)\n`);
  };
  return { client: createClient({ ...connection, onWaiting }), timeZone };
}

export function hitWriter(flags: OutputFlags, timeZone: string): HitWriter {
  return new HitWriter(process.stdout, flags.output, {
    color: useColor(flags.color, process.stdout),
    timeZone,
    ...(flags.fields ? { fields: flags.fields } : {}),
  });
}

/** An AbortSignal fired by Ctrl-C (SIGINT) or SIGTERM, so streams stop cleanly. */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}
