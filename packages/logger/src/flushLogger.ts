import { pino } from 'pino';

interface StreamLike {
  flushSync?: () => void;
  writableLength?: number;
  once?: (event: string, listener: () => void) => unknown;
}

/** The destination a logger writes to. */
export function destinationOf(logger: pino.Logger): StreamLike {
  return (logger as unknown as Record<symbol, StreamLike>)[pino.symbols.streamSym] ?? {};
}

/** Writes out anything the destination buffers, synchronously; for exit and crash paths. */
export function flushLoggerSync(logger: pino.Logger): void {
  const stream = destinationOf(logger);
  if (typeof stream.flushSync !== 'function') return;
  try {
    stream.flushSync();
  } catch {
    // Destroyed or not yet open: nothing more can be written on this path.
  }
}

// After the data is written, sonic-boom fsyncs; pipes (a container's stdout) and ttys answer
// EINVAL or ENOTSUP, which says nothing about the data, already handed to the kernel.
function isFsyncUnsupported(err: Error): boolean {
  const { code, syscall } = err as NodeJS.ErrnoException;
  return syscall === 'fsync' && (code === 'EINVAL' || code === 'ENOTSUP' || code === 'EROFS');
}

/**
 * Resolves once everything written so far has been handed to the destination's file descriptor
 * (or, for a Node stream, once its buffer has drained). Call it at the end of a graceful shutdown.
 */
export function flushLogger(logger: pino.Logger): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    logger.flush((err) => {
      if (err && !isFsyncUnsupported(err)) {
        reject(err);
        return;
      }
      const stream = destinationOf(logger);
      if ((stream.writableLength ?? 0) > 0 && typeof stream.once === 'function') {
        stream.once('drain', () => resolve());
      } else {
        resolve();
      }
    });
  });
}
