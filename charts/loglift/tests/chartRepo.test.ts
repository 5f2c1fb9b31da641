import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRepo } from '../scripts/packageRepo.js';
import { chartDir, HELM_VERSIONS, helmAsync, isolatedHelmEnv, run } from '../scripts/tools.js';
import { parseManifests } from './render.js';

const work = mkdtempSync(join(tmpdir(), 'loglift-chart-repo-'));
const repoDir = join(work, 'repo');
let server: Server;
let url = '';

/** Serves the repository folder read-only on loopback, like a Pages site would. */
function serve(dir: string): Promise<Server> {
  const s = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path);
    if (req.method !== 'GET' || !file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.yaml') ? 'application/yaml' : 'application/gzip' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  server = await serve(repoDir);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  packageRepo({ outDir: repoDir, url });
});

afterAll(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the packaged chart repository', () => {
  it('holds the chart archive and an index with absolute URLs', () => {
    const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { version: string };
    const index = parse(readFileSync(join(repoDir, 'index.yaml'), 'utf8')) as {
      entries: Record<string, { version: string; urls: string[] }[]>;
    };
    expect(index.entries.loglift?.map((e) => e.version)).toEqual([chart.version]);
    expect(index.entries.loglift?.[0]?.urls).toEqual([`${url}/loglift-${chart.version}.tgz`]);
  });

  it.each(HELM_VERSIONS)(
    'is usable from Helm %s: repo add, search, template (and install --dry-run=client on Helm 4)',
    async (version) => {
      const env = {
        ...isolatedHelmEnv(mkdtempSync(join(work, `helm${version}-`))),
        KUBECONFIG: join(work, 'no-kubeconfig'),
      };
      const ok = async (args: string[]) => {
        const result = await helmAsync(version, args, env);
        expect(result.status, `helm ${args.join(' ')}: ${result.stderr}`).toBe(0);
        return result.stdout;
      };
      await ok(['repo', 'add', 'loglift', url]);
      const found = JSON.parse(await ok(['search', 'repo', 'loglift', '--output', 'json'])) as {
        name: string;
        app_version: string;
      }[];
      expect(found).toEqual([expect.objectContaining({ name: 'loglift/loglift', app_version: '0.1.0' })]);

      const values = join(chartDir, 'ci', '00-defaults-values.yaml');
      const rendered = parseManifests(await ok(['template', 'demo', 'loglift/loglift', '-n', 'logging', '-f', values]));
      expect(rendered.some((m) => m.kind === 'DaemonSet')).toBe(true);

      // Helm 3's `install --dry-run=client` still asks a cluster for its version and OpenAPI schema
      // (only `helm template` is offline there), so the offline install dry run is Helm 4's.
      if (version === 4) {
        const dryRun = await ok([
          'install',
          'demo',
          'loglift/loglift',
          '-n',
          'logging',
          '-f',
          values,
          '--dry-run=client',
          '--output',
          'json',
        ]);
        const release = JSON.parse(dryRun) as { name: string; info: { status: string }; manifest: string };
        expect(release.name).toBe('demo');
        expect(release.info.status).toBe('pending-install');
        expect(parseManifests(release.manifest).some((m) => m.kind === 'DaemonSet')).toBe(true);
      }
    },
  );

  it('leaves tests, scripts, schema overrides, benches and CI scenarios out of the archive', () => {
    const listing = run('tar', ['-tzf', join(repoDir, 'loglift-0.1.0.tgz')]);
    expect(listing.status).toBe(0);
    const files = listing.stdout.split('\n').filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining(['loglift/values.schema.json', 'loglift/templates/fluent-bit/daemonset.yaml']),
    );
    expect(
      files.filter((f) =>
        /^loglift\/(test|tests|scripts|schema|bench|lua|ci|node_modules)\/|package\.json|tsconfig|README\.md$/.test(f),
      ),
    ).toEqual(['loglift/README.md']);
  });
});
