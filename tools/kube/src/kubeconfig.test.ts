import { describe, expect, it } from 'vitest';
import { kubeconfig } from './kubeconfig.js';

describe('kubeconfig', () => {
  it('points its current context at the server, the CA file and the token', () => {
    const config = kubeconfig({
      server: 'https://127.0.0.1:6443',
      caFile: '/pki/ca.crt',
      token: 't0k',
      user: 'loglift-admin',
      namespace: 'logging',
    });
    expect(config).toMatchObject({
      'current-context': 'loglift-test',
      clusters: [
        { name: 'loglift-test', cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority': '/pki/ca.crt' } },
      ],
      users: [{ name: 'loglift-admin', user: { token: 't0k' } }],
      contexts: [
        { name: 'loglift-test', context: { cluster: 'loglift-test', user: 'loglift-admin', namespace: 'logging' } },
      ],
    });
  });
});
