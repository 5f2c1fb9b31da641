import net from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now and that is not in `exclude`. */
export function freePort(exclude: readonly number[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port === 0 || exclude.includes(port)) freePort(exclude).then(resolve, reject);
        else resolve(port);
      });
    });
  });
}
