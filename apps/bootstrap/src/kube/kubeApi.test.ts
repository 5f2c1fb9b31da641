import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubeStub, startKubeStub } from '../testing/kubeStub.js';
import { createJobEvent, IRSA_ANNOTATION, jobNamespace, readServiceAccountRoleArn } from './kubeApi.js';

let stub: KubeStub;
beforeAll(async () => {
  stub = await startKubeStub();
});
afterAll(() => stub.close());

describe('Kubernetes access', () => {
  it('reads the IRSA role ARN from the ServiceAccount annotation', async () => {
    stub.serviceAccounts.set('loglift/fb', { [IRSA_ANNOTATION]: 'arn:aws:iam::1:role/fb' });
    stub.serviceAccounts.set('loglift/plain', {});
    expect(await readServiceAccountRoleArn(stub.api(), { namespace: 'loglift', name: 'fb' })).toBe(
      'arn:aws:iam::1:role/fb',
    );
    expect(await readServiceAccountRoleArn(stub.api(), { namespace: 'loglift', name: 'plain' })).toBeUndefined();
  });

  it('names the ServiceAccount when it cannot be read', async () => {
    await expect(readServiceAccountRoleArn(stub.api(), { namespace: 'loglift', name: 'missing' })).rejects.toThrow(
      /ServiceAccount loglift\/missing \(HTTP 404\)/,
    );
  });

  it('creates an Event on the Job', async () => {
    await createJobEvent(stub.api(), {
      job: 'boot',
      namespace: 'loglift',
      type: 'Normal',
      reason: 'BootstrapSucceeded',
      message: 'ok',
    });
    expect(stub.events.at(-1)).toMatchObject({
      involvedObject: { kind: 'Job', name: 'boot', namespace: 'loglift' },
      type: 'Normal',
      reason: 'BootstrapSucceeded',
      message: 'ok',
    });
  });

  it('takes the namespace from the environment, else the service account file', () => {
    expect(jobNamespace({ LOGLIFT_JOB_NAMESPACE: 'a' })).toBe('a');
    expect(jobNamespace({}, () => 'from-file\n')).toBe('from-file');
    expect(
      jobNamespace({}, () => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });
});
