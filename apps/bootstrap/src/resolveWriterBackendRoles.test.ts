import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from './config/loadConfig.js';
import { IRSA_ANNOTATION } from './kube/kubeApi.js';
import { resolveWriterBackendRoles } from './resolveWriterBackendRoles.js';
import { problemsOf } from './testing/configProblems.js';
import { type KubeStub, startKubeStub } from './testing/kubeStub.js';

const irsaRole = 'arn:aws:iam::111122223333:role/loglift-fluent-bit';
const assumed = 'arn:aws:iam::444455556666:role/logs-writer';
const serviceAccount = { namespace: 'loglift', name: 'loglift-fluent-bit' };
let kube: KubeStub;

beforeAll(async () => {
  kube = await startKubeStub();
});
afterAll(() => kube.close());

function rawConfig(writer: Record<string, unknown>) {
  return {
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: {
      url: 'https://search-logs.eu-west-1.es.amazonaws.com',
      auth: 'aws-sigv4',
      aws: { region: 'eu-west-1' },
    },
    security: { writer },
  };
}

function config(writer: Record<string, unknown>) {
  return parseConfig(rawConfig(writer));
}

function writerProblems(writer: Record<string, unknown>): readonly string[] {
  return problemsOf(rawConfig(writer));
}

describe("the writer's IAM identity", () => {
  it('maps the assumed role, not the ServiceAccount role that only assumes it', async () => {
    kube.serviceAccounts.set('loglift/loglift-fluent-bit', { [IRSA_ANNOTATION]: irsaRole });
    const warnings: string[] = [];
    const roles = await resolveWriterBackendRoles(
      config({ serviceAccount, assumeRoleArn: assumed }),
      () => kube.api(),
      (message) => warnings.push(message),
    );
    expect(roles).toEqual([assumed]);
    expect(warnings).toEqual([]);
  });

  it('maps the IRSA role from the ServiceAccount annotation', async () => {
    kube.serviceAccounts.set('loglift/loglift-fluent-bit', { [IRSA_ANNOTATION]: irsaRole });
    expect(
      await resolveWriterBackendRoles(
        config({ serviceAccount }),
        () => kube.api(),
        () => undefined,
      ),
    ).toEqual([irsaRole]);
  });

  it('fails, not warns, when no IAM role can be determined', async () => {
    kube.serviceAccounts.set('loglift/loglift-fluent-bit', {});
    await expect(
      resolveWriterBackendRoles(
        config({ serviceAccount }),
        () => kube.api(),
        () => undefined,
      ),
    ).rejects.toThrow(
      "cannot determine Fluent Bit's IAM role: ServiceAccount loglift/loglift-fluent-bit has no eks.amazonaws.com/role-arn annotation and security.writer.backendRoles is empty",
    );
  });

  it('maps the listed role for EKS Pod Identity without reading the cluster', async () => {
    const roles = await resolveWriterBackendRoles(
      config({ podIdentity: true, backendRoles: [irsaRole] }),
      () => {
        throw new Error('the Kubernetes API must not be needed');
      },
      () => undefined,
    );
    expect(roles).toEqual([irsaRole]);
  });

  it('requires backendRoles for EKS Pod Identity', () => {
    expect(writerProblems({ podIdentity: true })).toEqual([
      'security.writer.backendRoles: must list the IAM role of the EKS Pod Identity association when podIdentity is true: the association lives in EKS, outside anything the bootstrap can read',
    ]);
    expect(() => config({ podIdentity: true, assumeRoleArn: assumed })).not.toThrow();
  });

  it('rejects an assumeRoleArn that is not an IAM role ARN', () => {
    expect(writerProblems({ assumeRoleArn: 'logs-writer' })).toEqual([
      'security.writer.assumeRoleArn: must be an IAM role ARN like arn:aws:iam::111122223333:role/name',
    ]);
  });
});
