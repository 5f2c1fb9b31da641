import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { binary } from '../paths.js';
import { chartDir } from './paths.js';

const run = promisify(execFile);

export interface ChartRepo {
  /** http://127.0.0.1:PORT, to `helm repo add`. */
  url: string;
  close(): Promise<void>;
}

/**
 * The chart packaged (`helm package`) and indexed (`helm repo index`) as its release would be,
 * served read-only on loopback like the project's Pages site.
 */
export async function serveChartRepo(): Promise<ChartRepo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'loglift-kube-chart-repo-'));
  const server = createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, name);
    if (req.method !== 'GET' || name === '' || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': name.endsWith('.yaml') ? 'application/yaml' : 'application/gzip' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const helm = binary('helm4');
  await run(helm, ['package', chartDir, '--destination', dir]);
  await run(helm, ['repo', 'index', dir, '--url', url]);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
