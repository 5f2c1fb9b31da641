import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../apply.js';
import { bootstrapConfigSchema } from '../config/schema.js';
import { createOpenSearch } from '../opensearch/createOpenSearch.js';
import type { OpenSearch } from '../opensearch/openSearch.js';
import { WriteCounter } from '../opensearch/writeCounter.js';
import { adminClient, namesFor, node, uniquePrefix } from '../testing/harness.js';
import type { StepContext } from './context.js';
import { roleMappingSteps } from './roleMappings.js';

const names = namesFor(uniquePrefix('mapping'));
const ours = 'arn:aws:iam::111122223333:role/loglift-fluent-bit';
let os: OpenSearch;

function context(
  counted: OpenSearch,
  writerBackendRoles: string[],
  security: { writerRole?: string; readerRole?: string } = {},
): StepContext {
  const { url } = node();
  const config = bootstrapConfigSchema.parse({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url },
    security: { writerRole: names.writerRole, readerRole: names.readerRole, ...security },
  });
  return { config, os: counted, writerBackendRoles };
}

/** An admin client whose writes are counted. */
function countedClient(counter: WriteCounter): OpenSearch {
  const { url, username, password, caFile } = node();
  return createOpenSearch(
    { url, auth: 'basic', tlsVerify: true, waitSeconds: 30, ...(caFile ? { caFile } : {}) },
    { credentials: { username, password }, counter },
  );
}

interface Mapping {
  backend_roles: string[];
  users: string[];
  description?: string;
}

async function mapping(role: string): Promise<Mapping> {
  const response = await os.get<Record<string, Mapping>>(`/_plugins/_security/api/rolesmapping/${role}`);
  return response.body[role] as Mapping;
}

/**
 * A request with the test node's admin certificate (plugins.security.authcz.admin_dn): only a
 * security admin may create hidden entries, the way a cluster's own roles_mapping.yml does.
 */
function asSecurityAdmin(method: string, path: string, body?: unknown): Promise<number> {
  const { url, caFile } = node();
  const config = dirname(caFile ?? '');
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, url),
      {
        method,
        ca: readFileSync(caFile ?? ''),
        cert: readFileSync(join(config, 'kirk.pem')),
        key: readFileSync(join(config, 'kirk-key.pem')),
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

beforeAll(async () => {
  os = adminClient();
  for (const role of [names.writerRole, names.readerRole]) {
    await os.request('PUT', `/_plugins/_security/api/roles/${role}`, { body: { cluster_permissions: [] } });
  }
});

afterAll(async () => {
  for (const role of [names.writerRole, names.readerRole, `${names.prefix}-hidden`]) {
    await asSecurityAdmin('DELETE', `/_plugins/_security/api/rolesmapping/${role}`);
    await os.request('DELETE', `/_plugins/_security/api/roles/${role}`, { allow: [404] });
  }
  await os.close();
});

describe('role mappings on the real security plugin', () => {
  it('keeps an entry someone else adds between plan and write', async () => {
    const counter = new WriteCounter();
    const client = countedClient(counter);
    try {
      await apply(roleMappingSteps(context(client, ['first-arn'])));
      const [writer] = roleMappingSteps(context(client, [ours]));
      const planned = await writer?.plan();
      expect(planned?.action).toBe('update');
      // Someone else edits the mapping: read, change, PUT the whole of it back.
      const current = await mapping(names.writerRole);
      await os.request('PUT', `/_plugins/_security/api/rolesmapping/${names.writerRole}`, {
        body: {
          backend_roles: [...current.backend_roles, 'theirs'],
          users: ['alice'],
          description: current.description,
        },
      });
      await planned?.write?.();
      const after = await mapping(names.writerRole);
      expect(after.backend_roles.sort()).toEqual([ours, 'theirs'].sort());
      expect(after.users).toEqual(['alice']);
    } finally {
      await client.close();
    }
  });

  it('sends zero writes when the mappings are converged', async () => {
    const counter = new WriteCounter();
    const client = countedClient(counter);
    try {
      await apply(roleMappingSteps(context(client, [ours])));
      const before = counter.count;
      const second = await apply(roleMappingSteps(context(client, [ours])));
      expect(second.failed).toBeUndefined();
      expect(second.objects.map((object) => object.action)).toEqual(['unchanged', 'unchanged']);
      expect(counter.count - before).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('explains a reserved mapping (403) instead of failing on the write', async () => {
    const client = countedClient(new WriteCounter());
    try {
      const [, reader] = roleMappingSteps(context(client, [ours], { readerRole: 'kibana_server' }));
      await expect(reader?.plan()).rejects.toThrow(
        /rolesmapping kibana_server is reserved: OpenSearch refuses changes/,
      );
    } finally {
      await client.close();
    }
  });

  it('explains a hidden mapping, which reads as missing and answers writes with 404', async () => {
    const hidden = `${names.prefix}-hidden`;
    expect(await asSecurityAdmin('PUT', `/_plugins/_security/api/roles/${hidden}`, { cluster_permissions: [] })).toBe(
      201,
    );
    expect(
      await asSecurityAdmin('PUT', `/_plugins/_security/api/rolesmapping/${hidden}`, {
        backend_roles: ['platform'],
        hidden: true,
      }),
    ).toBe(201);
    const counter = new WriteCounter();
    const client = countedClient(counter);
    try {
      const result = await apply(roleMappingSteps(context(client, [ours], { writerRole: hidden })));
      expect(result.failed?.error.message).toMatch(
        new RegExp(`rolesmapping ${hidden} is hidden: OpenSearch answers 404`),
      );
    } finally {
      await client.close();
    }
  });
});
