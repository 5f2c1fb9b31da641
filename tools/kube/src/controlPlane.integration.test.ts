import { describe, expect, it } from 'vitest';
import {
  adminClient,
  createNamespace,
  podSecurityLabels,
  serviceAccountToken,
  testCluster,
} from './testing/cluster.js';

const client = adminClient();
const pod = (name: string, serviceAccountName: string, securityContext: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { serviceAccountName, containers: [{ name: 'c', image: 'registry.example/app:1', securityContext }] },
});
const restrictedContext = {
  runAsNonRoot: true,
  runAsUser: 10001,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('the test control plane', () => {
  it('reports the pinned release, so charts pass their kubeVersion check', async () => {
    expect(testCluster().version).toBe('v1.37.2');
    expect(await client.get('/version')).toMatchObject({ major: '1', minor: '37', gitVersion: 'v1.37.2' });
  });

  it('refuses an unknown token and answers the admin token', async () => {
    expect((await client.as('not-a-token').request('GET', '/api/v1/namespaces')).status).toBe(401);
    expect((await client.request('GET', '/api/v1/namespaces')).status).toBe(200);
  });

  it('enforces PodSecurity from the namespace labels', async () => {
    await createNamespace(client, 'smoke-restricted', podSecurityLabels('restricted'));
    await client.create('/api/v1/namespaces/smoke-restricted/serviceaccounts', { metadata: { name: 'app' } });
    const refused = await client.request(
      'POST',
      '/api/v1/namespaces/smoke-restricted/pods',
      pod('root', 'app', { privileged: true }),
    );
    expect(refused.status).toBe(403);
    expect((refused.body as { message: string }).message).toMatch(
      /violates PodSecurity "restricted:latest": privileged/,
    );
    const admitted = await client.create(
      '/api/v1/namespaces/smoke-restricted/pods',
      pod('ok', 'app', restrictedContext),
    );
    expect(admitted.warnings).toEqual([]);
  });

  it('refuses a Pod whose ServiceAccount does not exist (ServiceAccount admission)', async () => {
    const refused = await client.request(
      'POST',
      '/api/v1/namespaces/smoke-restricted/pods',
      pod('orphan', 'missing', restrictedContext),
    );
    expect(refused.status).toBe(403);
    expect((refused.body as { message: string }).message).toMatch(/serviceaccount "missing" not found/);
  });

  it('issues ServiceAccount tokens (TokenRequest) that authenticate as the account', async () => {
    const token = await serviceAccountToken(client, 'smoke-restricted', 'app');
    const review = await client
      .as(token)
      .create<{ status: { userInfo: { username: string; groups: string[] } } }>(
        '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      );
    expect(review.body.status.userInfo.username).toBe('system:serviceaccount:smoke-restricted:app');
    expect(review.body.status.userInfo.groups).toContain('system:serviceaccounts:smoke-restricted');
  });
});
