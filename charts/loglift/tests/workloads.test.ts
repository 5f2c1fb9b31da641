import { describe, expect, it } from 'vitest';
import { desiredState } from './desiredState.js';
import { at, container, env, find, type Manifest, podSpec, render } from './render.js';

const defaults = render({ values: ['ci/00-defaults-values.yaml'] });
const aws = render({ values: ['ci/01-aws-irsa-values.yaml'] });
const selfHosted = render({ values: ['ci/02-self-hosted-basic-values.yaml'] });

const RESTRICTED = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('security contexts', () => {
  it.each([
    ['Deployment', '-task-service', 'task-service'],
    ['Job', '-bootstrap', 'bootstrap'],
    ['Pod', '-verify', 'verify'],
  ])('%s %s meets the PSS restricted profile', (kind, name, containerName) => {
    const workload = find(defaults, kind, name);
    expect(container(workload, containerName).securityContext).toEqual(RESTRICTED);
    expect(podSpec(workload).securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('keeps Fluent Bit root only for reading node files, with no capabilities and a read-only root', () => {
    const fb = container(find(defaults, 'DaemonSet', '-fluent-bit'), 'fluent-bit');
    expect(fb.securityContext).toMatchObject({
      runAsUser: 0,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(fb.volumeMounts?.find((m) => m.name === 'logs')).toMatchObject({ mountPath: '/var/log', readOnly: true });
  });
});

describe('secrets', () => {
  it('never appear in a ConfigMap or as a literal environment value', () => {
    for (const manifests of [defaults, aws, selfHosted]) {
      const secretValues = manifests
        .filter((m) => m.kind === 'Secret')
        .flatMap((m) =>
          Object.values((m.data as Record<string, string>) ?? {}).map((v) => Buffer.from(v, 'base64').toString()),
        )
        .filter((v) => v.length >= 16);
      for (const configMap of manifests.filter((m) => m.kind === 'ConfigMap')) {
        const text = JSON.stringify(configMap.data);
        for (const value of secretValues) expect(text).not.toContain(value);
        expect(text).not.toMatch(/passw(or)?d["']?\s*[:=]\s*["']?[^$"'\s]/i);
      }
      for (const m of manifests.filter((x) => ['Deployment', 'DaemonSet', 'Job', 'Pod'].includes(x.kind))) {
        for (const c of podSpec(m).containers) {
          for (const e of c.env ?? []) {
            if (/PASSWORD|SECRET|TOKEN/.test(e.name))
              expect(e.valueFrom?.secretKeyRef, `${m.metadata.name} ${e.name}`).toBeDefined();
          }
        }
      }
    }
  });

  it('creates the generated writer Secret only in generated mode', () => {
    expect(find(defaults, 'Secret', '-writer').type).toBe('kubernetes.io/basic-auth');
    expect(aws.some((m) => m.kind === 'Secret')).toBe(false);
  });
});

describe('the bootstrap hook', () => {
  const hooks = defaults.filter((m) => m.metadata.annotations?.['helm.sh/hook'] === 'post-install,post-upgrade');
  const weight = (m: Manifest) => Number(m.metadata.annotations?.['helm.sh/hook-weight']);

  it('creates its ServiceAccount, Role and ConfigMap before the Job and cleans up after success', () => {
    const byKind = Object.fromEntries(hooks.map((m) => [m.kind, weight(m)]));
    expect(Object.keys(byKind).sort()).toEqual(['ConfigMap', 'Job', 'Role', 'RoleBinding', 'ServiceAccount']);
    const job = byKind.Job as number;
    for (const kind of ['ServiceAccount', 'Role', 'RoleBinding', 'ConfigMap']) expect(byKind[kind]).toBeLessThan(job);
    expect(byKind.ServiceAccount).toBeLessThan(byKind.RoleBinding as number);
    expect(byKind.Role).toBeLessThan(byKind.RoleBinding as number);
    for (const m of hooks) {
      expect(m.metadata.annotations?.['helm.sh/hook-delete-policy']).toBe('before-hook-creation,hook-succeeded');
    }
  });

  it('is bounded in retries and time, and waits less than its deadline', () => {
    const job = find(defaults, 'Job', '-bootstrap');
    expect(at(job, 'spec')).toMatchObject({
      backoffLimit: 2,
      activeDeadlineSeconds: 300,
      ttlSecondsAfterFinished: 3600,
    });
    const state = desiredState(defaults);
    const deadline = Number(at(job, 'spec.activeDeadlineSeconds'));
    expect(state.opensearch.waitSeconds + (state.dashboards?.waitSeconds ?? 0)).toBeLessThan(deadline);
    // The bootstrap checks the same sum against the deadline it is given.
    expect(state.deadlineSeconds).toBe(deadline);
    expect(container(job, 'bootstrap').args).toEqual(['apply', '--config', '/etc/loglift/bootstrap.yaml']);
  });

  it('may only read the Fluent Bit ServiceAccount and create Events', () => {
    expect(find(defaults, 'Role', '-bootstrap').rules).toEqual([
      { apiGroups: [''], resources: ['serviceaccounts'], resourceNames: ['demo-loglift-fluent-bit'], verbs: ['get'] },
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create'] },
    ]);
  });

  it('gets admin basic credentials and the generated writer password from Secrets', () => {
    const c = container(find(selfHosted, 'Job', '-bootstrap'), 'bootstrap');
    expect(env(c, 'LOGLIFT_ADMIN_USERNAME')?.valueFrom?.secretKeyRef).toEqual({
      name: 'opensearch-admin',
      key: 'user',
    });
    expect(env(c, 'LOGLIFT_ADMIN_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({
      name: 'opensearch-admin',
      key: 'pass',
    });
    expect(env(c, 'LOGLIFT_WRITER_PASSWORD')).toBeUndefined();
    const generated = container(find(defaults, 'Job', '-bootstrap'), 'bootstrap');
    expect(env(generated, 'LOGLIFT_WRITER_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({
      name: 'demo-loglift-writer',
      key: 'password',
    });
    expect(env(generated, 'LOGLIFT_JOB_NAME')?.value).toBe('demo-loglift-bootstrap');
  });

  it('uses its own IRSA role, never the writer’s', () => {
    const sa = find(aws, 'ServiceAccount', '-bootstrap');
    expect(sa.metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::123456789012:role/loglift-bootstrap',
    );
    const fbSa = find(aws, 'ServiceAccount', '-fluent-bit');
    expect(fbSa.metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::123456789012:role/loglift-fluent-bit',
    );
    expect(env(container(find(aws, 'Job', '-bootstrap'), 'bootstrap'), 'AWS_REGION')?.value).toBe('eu-west-1');
  });
});

describe('the desired state', () => {
  it('describes the defaults: generated writer user, retention, no Dashboards without a URL', () => {
    const state = desiredState(defaults);
    expect(state).toMatchObject({
      apiVersion: 'loglift.io/v1',
      kind: 'BootstrapConfig',
      opensearch: { url: 'https://opensearch.logging.svc:9200', auth: 'basic', tlsVerify: true },
      logs: {
        dataStream: 'logs-loglift',
        template: 'loglift-logs',
        retention: { policy: 'loglift-logs-retention', deleteAfterDays: 14, rolloverAge: '1d', rolloverSize: '10gb' },
      },
      security: {
        enabled: true,
        writerRole: 'loglift-writer',
        readerRole: 'loglift-reader',
        allowAllAccessMapping: false,
      },
    });
    expect(state.security.writer).toEqual({ backendRoles: [], internalUser: { name: 'loglift-writer' } });
    expect(state.dashboards).toBeUndefined();
  });

  it('points the bootstrap at the writer ServiceAccount and the domain’s Dashboards on AWS', () => {
    const state = desiredState(aws);
    expect(state.opensearch).toMatchObject({
      url: 'https://search-logs-abc123.eu-west-1.es.amazonaws.com:443',
      auth: 'aws-sigv4',
    });
    expect(state.opensearch.aws).toEqual({ region: 'eu-west-1', service: 'es' });
    expect(state.security.writer).toEqual({
      backendRoles: [],
      serviceAccount: { namespace: 'logging', name: 'demo-loglift-fluent-bit' },
    });
    expect(state.security.reader.backendRoles).toEqual(['arn:aws:iam::123456789012:role/developers']);
    expect(state.dashboards).toMatchObject({
      url: 'https://search-logs-abc123.eu-west-1.es.amazonaws.com/_dashboards',
      indexPatterns: [{ id: 'loglift-logs', title: 'logs-loglift*', timeFieldName: '@timestamp', default: true }],
    });
  });

  it('carries the CA file, tenants and replicas of a self-hosted cluster', () => {
    const state = desiredState(selfHosted);
    expect(state.opensearch.caFile).toBe('/etc/loglift/ca/ca.crt');
    expect(state.logs.replicas).toBe(0);
    expect(state.security.writer).toEqual({ backendRoles: [], users: ['fluent-bit'] });
    expect(state.dashboards).toMatchObject({ url: 'https://dashboards.example.com', tenants: ['global', 'platform'] });
  });
});

describe('task-service', () => {
  const deployment = find(defaults, 'Deployment', '-task-service');
  const c = container(deployment, 'task-service');

  it('runs two replicas with the shared environment names and downward-API identity', () => {
    expect(at(deployment, 'spec.replicas')).toBe(2);
    expect(env(c, 'PORT')?.value).toBe('8080');
    expect(env(c, 'SERVICE_VERSION')?.value).toBe('0.1.0');
    expect(env(c, 'POD_NAME')?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
    expect(env(c, 'POD_NAMESPACE')?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.namespace');
    expect(env(c, 'NODE_NAME')?.valueFrom?.fieldRef?.fieldPath).toBe('spec.nodeName');
    expect(c.image).toBe('ghcr.io/loglift/task-service:0.1.0');
  });

  it('probes its health endpoints and is covered by a PodDisruptionBudget', () => {
    expect(at(c, 'startupProbe.httpGet.path')).toBe('/health/startup');
    expect(at(c, 'livenessProbe.httpGet.path')).toBe('/health/liveness');
    expect(at(c, 'readinessProbe.httpGet.path')).toBe('/health/readiness');
    expect(at(find(defaults, 'PodDisruptionBudget', '-task-service'), 'spec.minAvailable')).toBe(1);
  });
});

describe('the helm test pod', () => {
  it('runs loglift verify against task-service with the admin identity', () => {
    const pod = find(selfHosted, 'Pod', '-verify');
    expect(pod.metadata.annotations?.['helm.sh/hook']).toBe('test');
    const c = container(pod, 'verify');
    expect(c.image).toBe('ghcr.io/loglift/cli:0.1.0');
    expect(c.args).toEqual([
      'verify',
      '--service-url',
      'http://demo-loglift-task-service:8080',
      '--timeout',
      '120s',
      '--template',
      'loglift-logs',
      '--policy',
      'loglift-logs-retention',
      '--writer-role',
      'loglift-writer',
    ]);
    expect(env(c, 'LOGLIFT_URL')?.value).toBe('https://opensearch-cluster-master.search.svc.cluster.local:9200');
    expect(env(c, 'LOGLIFT_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({ name: 'opensearch-admin', key: 'pass' });
    expect(env(c, 'LOGLIFT_CA_FILE')?.value).toBe('/etc/loglift/ca/ca.crt');
  });

  it('signs with the admin role on AWS and skips certificate checks only when asked', () => {
    const c = container(find(aws, 'Pod', '-verify'), 'verify');
    expect(env(c, 'LOGLIFT_AUTH')?.value).toBe('aws-sigv4');
    expect(env(c, 'LOGLIFT_AWS_REGION')?.value).toBe('eu-west-1');
    expect(find(aws, 'ServiceAccount', '-verify').metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(
      'arn:aws:iam::123456789012:role/loglift-bootstrap',
    );
    expect(c.args).not.toContain('--insecure');
    const insecure = render({ values: ['ci/00-defaults-values.yaml'], set: { 'opensearch.tls.verify': false } });
    expect(container(find(insecure, 'Pod', '-verify'), 'verify').args).toContain('--insecure');
  });
});
