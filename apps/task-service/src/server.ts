import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@loglift/logger';
import type { HealthState } from './health.js';

export interface ServerOptions {
  app: RequestListener;
  port: number;
  host?: string | undefined;
  logger: Logger;
  health: HealthState;
  /** Longest time in-flight requests get to finish before their connections are closed. */
  shutdownGraceMs: number;
  /** Pause between readiness turning false and closing the listener. */
  shutdownDelayMs?: number;
}

export interface ShutdownResult {
  /** True when every in-flight request finished within the grace period. */
  drained: boolean;
}

export interface RunningServer {
  server: Server;
  port: number;
  /** Turns readiness false, stops accepting, drains in-flight requests. Safe to call twice. */
  shutdown(reason: string): Promise<ShutdownResult>;
}

/** Listens and returns a handle whose `shutdown` implements the graceful-stop sequence. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger, health } = options;
  const server = createServer(options.app);
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    // While draining, every response asks keep-alive clients to reconnect (to another pod).
    if (draining) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  health.markStarted();
  logger.info({ server: { address, port } }, 'server listening');

  let stopping: Promise<ShutdownResult> | undefined;
  const stop = async (reason: string): Promise<ShutdownResult> => {
    health.startDraining();
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    logger.info(
      { shutdown: { reason, in_flight: inFlight.size, grace_ms: options.shutdownGraceMs } },
      'shutdown started',
    );
    if (options.shutdownDelayMs) await sleep(options.shutdownDelayMs);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive sockets are closed now; busy ones after their `Connection: close` response.
    server.closeIdleConnections();
    const timer = new AbortController();
    const drained = await Promise.race([
      closed.then(() => true),
      sleep(options.shutdownGraceMs, false, { signal: timer.signal }).catch(() => true),
    ]);
    timer.abort();
    if (!drained) {
      logger.warn({ shutdown: { reason, in_flight: inFlight.size } }, 'shutdown grace expired, closing connections');
      server.closeAllConnections();
      await closed;
    }
    logger.info({ shutdown: { reason, drained } }, 'server closed');
    return { drained };
  };

  return {
    server,
    port,
    shutdown: (reason) => {
      stopping ??= stop(reason);
      return stopping;
    },
  };
}
