import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, cleanup, namesFor, runBootstrap, uniquePrefix, writeConfig } from './testing/harness.js';
import { type KubeStub, startKubeStub } from './testing/kubeStub.js';

const names = namesFor(uniquePrefix('identity'));
let kube: KubeStub;

beforeAll(async () => {
  kube = await startKubeStub();
  // A Fluent Bit ServiceAccount without the IRSA annotation (e.g. Pod Identity set up by hand).
  kube.serviceAccounts.set('loglift/loglift-fluent-bit', {});
});

afterAll(async () => {
  const os = adminClient();
  await cleanup(os, names);
  await os.close();
  await kube.close();
});

describe("the writer's identity", () => {
  it('fails the run before any write when no IAM role for Fluent Bit can be determined', async () => {
    const config = await writeConfig(names, {
      security: { writer: { serviceAccount: { namespace: 'loglift', name: 'loglift-fluent-bit' } } },
    });
    const result = await runBootstrap('apply', config, { kube: () => kube.api() });
    expect(result.code).toBe(1);
    expect(result.output.error).toMatch(
      /^cannot determine Fluent Bit's IAM role: ServiceAccount loglift\/loglift-fluent-bit has no eks\.amazonaws\.com\/role-arn annotation/,
    );
    expect(result.writes).toBe(0);
  });

  it('maps the role Fluent Bit assumes and signs as', async () => {
    const assumed = 'arn:aws:iam::444455556666:role/logs-writer';
    const config = await writeConfig(names, {
      security: {
        writer: { serviceAccount: { namespace: 'loglift', name: 'loglift-fluent-bit' }, assumeRoleArn: assumed },
      },
    });
    const result = await runBootstrap('apply', config, { kube: () => kube.api() });
    expect(result.code, result.output.error).toBe(0);
    const os = adminClient();
    try {
      const mapping = await os.get<Record<string, { backend_roles: string[] }>>(
        `/_plugins/_security/api/rolesmapping/${names.writerRole}`,
      );
      expect(mapping.body[names.writerRole]?.backend_roles).toEqual([assumed]);
    } finally {
      await os.close();
    }
  });
});
