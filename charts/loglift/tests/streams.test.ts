import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { desiredState } from './desiredState.js';
import { envRef, type FluentBitConfig, fluentBitConfig, type Section, section } from './fluentBitConfig.js';
import { at, container, find, type Manifest, podSpec, render, renderError } from './render.js';

const values = ['ci/00-defaults-values.yaml'];
const events = { 'eventsCollector.enabled': true };
const nodeLogs = { 'fluentBit.nodeLogs.enabled': true };

function eventsConfig(manifests: Manifest[]): FluentBitConfig {
  const text = (find(manifests, 'ConfigMap', '-events').data as Record<string, string>)['fluent-bit.yaml'];
  return parse(text ?? '') as FluentBitConfig;
}

describe('the Kubernetes Events collector', () => {
  it('is off by default', () => {
    const manifests = render({ values });
    expect(manifests.filter((m) => m.metadata.name.endsWith('-events'))).toEqual([]);
    expect(desiredState(manifests)).not.toHaveProperty('events');
  });

  it('runs one replica for the whole cluster, replaced rather than rolled so two never read at once', () => {
    const deployment = find(render({ values, set: events }), 'Deployment', '-events');
    expect(at(deployment, 'spec.replicas')).toBe(1);
    expect(at(deployment, 'spec.strategy')).toEqual({ type: 'Recreate' });
    expect(podSpec(deployment).serviceAccountName).toBe('demo-loglift-events');
    expect(container(deployment, 'fluent-bit').securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
    });
  });

  it('may only list and watch Events', () => {
    const manifests = render({ values, set: events });
    expect(find(manifests, 'ClusterRole', '-events').rules).toEqual([
      { apiGroups: [''], resources: ['events'], verbs: ['list', 'watch'] },
    ]);
    expect(find(manifests, 'ClusterRoleBinding', '-events').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'demo-loglift-events', namespace: 'logging' },
    ]);
  });

  it('gets a Role in its namespace instead when it reads one namespace', () => {
    const manifests = render({ values, set: { ...events, 'eventsCollector.namespace': 'shop' } });
    expect(find(manifests, 'Role', '-events').metadata.namespace).toBe('shop');
    expect(find(manifests, 'RoleBinding', '-events').roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: 'demo-loglift-events',
    });
    expect(section(eventsConfig(manifests).pipeline.inputs, 'kubernetes_events').kube_namespace).toBe('shop');
  });

  it('reads Events without a position DB by default, so every update of an Event is shipped', () => {
    const manifests = render({ values, set: events });
    const config = eventsConfig(manifests);
    expect(section(config.pipeline.inputs, 'kubernetes_events')).toEqual({
      name: 'kubernetes_events',
      tag: 'events',
      kube_url: 'https://kubernetes.default.svc',
      kube_retention_time: '1h',
      kube_watch_timeout: '10m',
      'tls.verify': 'on',
      'storage.type': 'filesystem',
    });
    expect(section(config.pipeline.filters, 'lua')).toMatchObject({ match: 'events', call: 'shape_event' });
    expect(section(config.pipeline.outputs, 'opensearch')).toMatchObject({
      match: 'events',
      index: 'logs-loglift-events',
      write_operation: 'create',
      generate_id: 'on',
      http_user: envRef('OPENSEARCH_USERNAME'),
      http_passwd: envRef('OPENSEARCH_PASSWORD'),
    });
    const env = container(find(manifests, 'Deployment', '-events'), 'fluent-bit').env?.map((e) => e.name);
    expect(env).toEqual(['OPENSEARCH_USERNAME', 'OPENSEARCH_PASSWORD']);
  });

  it('keeps a position DB on the state volume when positionDb is on', () => {
    const config = eventsConfig(render({ values, set: { ...events, 'eventsCollector.positionDb': true } }));
    expect(section(config.pipeline.inputs, 'kubernetes_events')).toMatchObject({
      db: '/var/lib/loglift-events/events.db',
      'db.locking': 'true',
    });
  });

  it('writes with the Fluent Bit IAM role on AWS', () => {
    const manifests = render({ values: ['ci/01-aws-irsa-values.yaml'], set: events });
    const account = find(manifests, 'ServiceAccount', '-events');
    expect(account.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::/);
    expect(section(eventsConfig(manifests).pipeline.outputs, 'opensearch')).toMatchObject({ aws_auth: 'on' });
  });

  it('asks the bootstrap for its stream, template and retention', () => {
    expect(desiredState(render({ values, set: events }))).toMatchObject({
      events: {
        dataStream: 'logs-loglift-events',
        template: 'loglift-events',
        retention: { policy: 'loglift-events-retention', deleteAfterDays: 7 },
      },
    });
  });

  it('refuses a stream the writer role does not cover, and running without Fluent Bit', () => {
    expect(renderError({ values, set: { ...events, 'eventsCollector.dataStream': 'k8s-events' } })).toContain(
      'eventsCollector.dataStream (k8s-events) must start with "logs-loglift-" (opensearch.dataStream and a dash)',
    );
    expect(renderError({ values, set: { ...events, 'fluentBit.enabled': false } })).toContain(
      'eventsCollector.enabled needs fluentBit.enabled=true',
    );
  });
});

describe('node logs', () => {
  function nodeSections(set: Record<string, unknown>) {
    const config = fluentBitConfig(render({ values, set: { ...nodeLogs, ...set } }));
    const byTag = (list: Section[], prefix: string) => list.filter((s) => String(s.tag ?? s.match).startsWith(prefix));
    return { config, inputs: byTag(config.pipeline.inputs, 'node.'), filters: byTag(config.pipeline.filters, 'node.') };
  }

  it('reads the kubelet and runtime units from the journal, from its tail on a first start, then from the cursor', () => {
    const { inputs } = nodeSections({});
    expect(inputs).toEqual([
      {
        name: 'systemd',
        tag: 'node.journal',
        path: '/var/log/journal',
        systemd_filter: [
          '_SYSTEMD_UNIT=kubelet.service',
          '_SYSTEMD_UNIT=containerd.service',
          '_SYSTEMD_UNIT=crio.service',
          '_SYSTEMD_UNIT=docker.service',
        ],
        systemd_filter_type: 'Or',
        db: '/var/lib/loglift-fluent-bit/systemd.db',
        'db.sync': 'normal',
        read_from_tail: 'on',
        lowercase: 'on',
        strip_underscores: 'on',
        max_entries: 1000,
        mem_buf_limit: '32M',
        'storage.type': 'filesystem',
      },
    ]);
  });

  it('tails the audit log as JSON when its path is set, with the container logs’ start rules', () => {
    const { inputs, config } = nodeSections({ 'fluentBit.nodeLogs.auditLogPath': '/var/log/kubernetes/audit.log' });
    expect(inputs[1]).toMatchObject({
      name: 'tail',
      tag: 'node.audit',
      path: '/var/log/kubernetes/audit.log',
      parser: 'loglift-audit-json',
      read_from_head: 'on',
      ignore_older: '1h',
    });
    expect(config.parsers).toContainEqual(expect.objectContaining({ name: 'loglift-audit-json', format: 'json' }));
  });

  it('marks each entry with its node and source and sends node logs to their own stream only', () => {
    const { filters, config } = nodeSections({ 'fluentBit.nodeLogs.auditLogPath': '/var/log/kubernetes/audit.log' });
    expect(filters).toEqual([
      { name: 'record_modifier', match: 'node.journal', record: [`node ${envRef('NODE_NAME')}`, 'source journal'] },
      { name: 'record_modifier', match: 'node.audit', record: [`node ${envRef('NODE_NAME')}`, 'source audit'] },
    ]);
    const outputs = config.pipeline.outputs.filter((o) => o.name === 'opensearch');
    expect(outputs.map((o) => [o.match, o.index])).toEqual([
      ['kube.*', 'logs-loglift'],
      ['node.*', 'logs-loglift-node'],
    ]);
  });

  it('mounts the journal directory read-only from the node', () => {
    const daemonSet = find(render({ values, set: nodeLogs }), 'DaemonSet', '-fluent-bit');
    expect(container(daemonSet, 'fluent-bit').volumeMounts).toContainEqual({
      name: 'journal',
      mountPath: '/var/log/journal',
      readOnly: true,
    });
    expect(podSpec(daemonSet).volumes).toContainEqual({
      name: 'journal',
      hostPath: { path: '/var/log/journal', type: 'Directory' },
    });
  });

  it('refuses an audit log outside the mounted log directory', () => {
    expect(
      renderError({ values, set: { ...nodeLogs, 'fluentBit.nodeLogs.auditLogPath': '/etc/kubernetes/audit.log' } }),
    ).toContain(
      'fluentBit.nodeLogs.auditLogPath (/etc/kubernetes/audit.log) must be below fluentBit.hostPaths.logs (/var/log)',
    );
  });
});

describe('Dashboards index patterns of the streams', () => {
  it('are added beside the default one when the chart picks the patterns', () => {
    const set = { ...events, ...nodeLogs, 'opensearch.dashboards.url': 'https://dashboards.example.com' };
    expect(desiredState(render({ values, set })).dashboards?.indexPatterns).toEqual([
      { id: 'loglift-logs', title: 'logs-loglift*', timeFieldName: '@timestamp', default: true },
      { id: 'loglift-events', title: 'logs-loglift-events*', timeFieldName: '@timestamp', default: false },
      { id: 'loglift-node-logs', title: 'logs-loglift-node*', timeFieldName: '@timestamp', default: false },
    ]);
  });

  it('are left to the user who lists the patterns', () => {
    const mine = [{ id: 'mine', title: 'logs-*', timeFieldName: '@timestamp', default: true }];
    const set = {
      ...events,
      'opensearch.dashboards.url': 'https://dashboards.example.com',
      'bootstrap.dashboards.indexPatterns': mine,
    };
    expect(desiredState(render({ values, set })).dashboards?.indexPatterns).toEqual(mine);
  });
});
