import { execFile } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, cleanup, namesFor, node, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';

const run = promisify(execFile);
const names = namesFor(uniquePrefix('preflight'));
const appRoot = join(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A loopback TCP forwarder to the test node, started later to play "not listening yet". */
async function forward(port: number, target: URL): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  server.on('close', () => {
    for (const socket of sockets) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

afterAll(async () => {
  const os = adminClient();
  await cleanup(os, names);
  await os.close();
});

describe('preflight', () => {
  it('waits for OpenSearch that starts listening late, then succeeds', async () => {
    const port = await freePort();
    const config = await writeConfig(names, {}, { url: `https://127.0.0.1:${port}`, waitSeconds: 60 });
    let proxy: Server | undefined;
    const timer = setTimeout(async () => {
      proxy = await forward(port, new URL(node().url));
    }, 2_000);
    try {
      const result = await runBootstrap('plan', config);
      expect(result.code, result.output.error).toBe(0);
      expect(result.logs.some((log) => log.message === 'waiting for OpenSearch')).toBe(true);
    } finally {
      clearTimeout(timer);
      await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    }
  });

  it('exits 1 at the deadline with a clear message when nothing ever listens', async () => {
    const port = await freePort();
    const config = await writeConfig(names, {}, { url: `https://127.0.0.1:${port}`, waitSeconds: 3 });
    const started = Date.now();
    const result = await runBootstrap('apply', config);
    const elapsed = Date.now() - started;
    expect(result.code).toBe(1);
    expect(result.output.error).toMatch(
      new RegExp(`OpenSearch at https://127.0.0.1:${port} did not answer within 3s \\(last: .*ECONNREFUSED`),
    );
    expect(elapsed).toBeGreaterThanOrEqual(2_500);
    expect(elapsed).toBeLessThan(10_000);
    expect(result.writes).toBe(0);
  });

  it('exits 1 quickly on a wrong password, naming the identity, and writes nothing', async () => {
    const config = await writeConfig(names);
    const started = Date.now();
    const result = await runBootstrap('apply', config, { env: { LOGLIFT_ADMIN_PASSWORD: 'wrong-password' } });
    expect(result.code).toBe(1);
    expect(result.output.error).toMatch(
      /authentication failed for user admin \(basic auth\) \(GET \/ returned 401\); not retrying/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.writes).toBe(0);
  });
});

describe('the security API check on the real security plugin', () => {
  const role = `${names.prefix}-ops`;
  const user = `${names.prefix}-opsbot`;
  const password = 'Zq8-long-Passw0rd!x';

  beforeAll(async () => {
    const os = adminClient();
    // Enough to pass readiness (GET /, cluster health), but no role in plugins.security.restapi.roles_enabled.
    await os.request('PUT', `/_plugins/_security/api/roles/${role}`, {
      body: { cluster_permissions: ['cluster_monitor', 'cluster_composite_ops_ro'] },
    });
    await os.request('PUT', `/_plugins/_security/api/internalusers/${user}`, { body: { password } });
    await os.request('PUT', `/_plugins/_security/api/rolesmapping/${role}`, { body: { users: [user] } });
    await os.close();
  });

  afterAll(async () => {
    const os = adminClient();
    for (const path of [`rolesmapping/${role}`, `internalusers/${user}`, `roles/${role}`]) {
      await os.request('DELETE', `/_plugins/_security/api/${path}`, { allow: [404] });
    }
    await os.close();
  });

  it('explains has_api_access false with the setting that grants it, never security_manager on self-hosted', async () => {
    const config = await writeConfig(names);
    const result = await runBootstrap('plan', config, {
      env: { LOGLIFT_ADMIN_USERNAME: user, LOGLIFT_ADMIN_PASSWORD: password },
    });
    expect(result.code).toBe(1);
    expect(result.output.error).toMatch(
      new RegExp(
        `^user ${user} \\(basic auth\\) \\(user ${user}, roles .*${role}.*\\) may not use the security REST API: has_api_access is false, so none of its roles is listed in plugins\\.security\\.restapi\\.roles_enabled; map it to a role listed in plugins\\.security\\.restapi\\.roles_enabled in opensearch\\.yml`,
      ),
    );
    expect(result.output.error).not.toMatch(/security_manager/);
    expect(result.writes).toBe(0);
  });
});

describe('the bundle the image ships', () => {
  beforeAll(async () => {
    await run('node', ['scripts/bundle.mjs'], { cwd: appRoot });
  }, 120_000);

  const bundle = () => join(appRoot, 'dist/bundle/bootstrap.mjs');

  it('prints help with plain node', async () => {
    const { stdout } = await run('node', [bundle(), '--help']);
    expect(stdout).toMatch(/Usage: loglift-bootstrap/);
    expect(stdout).toMatch(/plan \[options\]/);
  });

  it('plans against the test cluster, logging JSON to stderr', async () => {
    const config = await writeConfig(names);
    const { username, password } = node();
    const env = {
      PATH: process.env.PATH,
      LOGLIFT_ADMIN_USERNAME: username,
      LOGLIFT_ADMIN_PASSWORD: password,
      LOGLIFT_WRITER_PASSWORD: 'x-Passw0rd-1!',
    };
    const { stdout, stderr } = await run('node', [bundle(), 'plan', '--config', config, '--output', 'json'], { env });
    const plan = JSON.parse(stdout) as {
      ok: boolean;
      writes: { opensearch: number };
      objects: { kind: string; action: string }[];
    };
    expect(plan.ok).toBe(true);
    expect(plan.writes.opensearch).toBe(0);
    expect(plan.objects.find((object) => object.kind === 'index-template')?.action).toBe('create');
    const lines = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { service: { name: string } });
    expect(lines.every((line) => line.service.name === 'loglift-bootstrap')).toBe(true);
  });

  it('exits 2 naming the bad field for an invalid config', async () => {
    const error = await run('node', [bundle(), 'plan', '--config', join(appRoot, 'package.json')]).catch(
      (e: unknown) => e,
    );
    expect((error as { code: number }).code).toBe(2);
    expect((error as { stderr: string }).stderr).toMatch(/apiVersion/);
  });
});
