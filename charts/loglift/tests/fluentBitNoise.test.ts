import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOISE_SCRIPT_PATH } from '../scripts/liftScript.js';
import { fluentBitConfig, type Section, section } from './fluentBitConfig.js';
import { container, find, render } from './render.js';

const values = ['ci/00-defaults-values.yaml'];
const rateLimited = { 'fluentBit.config.noise.rateLimit.enabled': true };

function filters(set: Record<string, unknown> = {}): Section[] {
  return fluentBitConfig(render({ values, set })).pipeline.filters;
}

function calls(list: Section[]): unknown[] {
  return list.map((f) => (f.name === 'lua' ? `lua:${f.call}` : f.name));
}

describe('noise control in the Fluent Bit pipeline', () => {
  it('by default only drops probe lines, right after the lift', () => {
    expect(calls(filters())).toEqual(['multiline', 'kubernetes', 'lua:lift', 'lua:limit_record']);
  });

  it('selects namespaces and containers first, before the multiline and kubernetes filters', () => {
    const list = filters({ 'fluentBit.config.noise.namespaces.exclude': ['kube-system'] });
    expect(calls(list)).toEqual(['lua:select_record', 'multiline', 'kubernetes', 'lua:lift', 'lua:limit_record']);
    expect(list[0]).toEqual({
      name: 'lua',
      alias: 'noise_select',
      match: 'kube.*',
      script: '/fluent-bit/etc/loglift/noise.lua',
      call: 'select_record',
      time_as_table: 'on',
      enable_flb_null: 'on',
      protected_mode: 'on',
    });
  });

  it('counts the lines over the rate limit per namespace, then drops them, and exports the counter', () => {
    const config = fluentBitConfig(render({ values, set: rateLimited }));
    const list = config.pipeline.filters;
    expect(calls(list).slice(-4)).toEqual(['lua:lift', 'lua:limit_record', 'log_to_metrics', 'grep']);
    const mark = /local MARK_KEY = '([a-z_]+)'/.exec(readFileSync(NOISE_SCRIPT_PATH, 'utf8'))?.[1];
    expect(mark).toBe('loglift_rate_limited');
    expect(section(list, 'log_to_metrics')).toMatchObject({
      match: 'kube.*',
      tag: 'loglift.metrics',
      metric_mode: 'counter',
      metric_namespace: 'loglift',
      metric_subsystem: 'rate_limit',
      metric_name: 'dropped_lines_total',
      regex: `${mark} .+`,
      add_label: `namespace $${mark}`,
    });
    expect(section(list, 'grep')).toEqual({
      name: 'grep',
      alias: 'rate_limit_drop',
      match: 'kube.*',
      exclude: `${mark} .+`,
    });
    expect(section(config.pipeline.outputs, 'prometheus_exporter')).toEqual({
      name: 'prometheus_exporter',
      alias: 'rate_limit_metrics',
      match: 'loglift.metrics',
      host: '0.0.0.0',
      port: 2021,
    });
  });

  it('opens the counter port on the pod, the metrics Service and the ServiceMonitor', () => {
    const manifests = render({ values, set: { ...rateLimited, 'fluentBit.serviceMonitor.enabled': true } });
    const ports = container(find(manifests, 'DaemonSet', '-fluent-bit'), 'fluent-bit').ports as { name: string }[];
    expect(ports).toContainEqual({ name: 'rate-metrics', containerPort: 2021, protocol: 'TCP' });
    const service = find(manifests, 'Service', '-fluent-bit-metrics');
    expect((service.spec as { ports: unknown[] }).ports).toContainEqual({
      name: 'rate-metrics',
      port: 2021,
      targetPort: 'rate-metrics',
      protocol: 'TCP',
    });
    const monitor = find(manifests, 'ServiceMonitor', '-fluent-bit');
    expect((monitor.spec as { endpoints: unknown[] }).endpoints).toContainEqual({
      port: 'rate-metrics',
      path: '/metrics',
      interval: '30s',
    });
  });

  it('adds owner references, namespace labels and their cache time to the kubernetes filter', () => {
    expect(section(filters(), 'kubernetes')).toMatchObject({
      owner_references: 'on',
      namespace_labels: 'on',
      kube_meta_namespace_cache_ttl: '15m',
    });
    const off = { 'fluentBit.config.kubernetes': { ownerReferences: false, namespaceLabels: false } };
    expect(section(filters(off), 'kubernetes')).toMatchObject({ owner_references: 'off', namespace_labels: 'off' });
  });

  it('ships the settings in front of the generated script', () => {
    const manifests = render({ values, set: { 'fluentBit.config.noise.namespaces.include': ['team-*'] } });
    const script = (find(manifests, 'ConfigMap', '-fluent-bit').data as Record<string, string>)['noise.lua'] ?? '';
    const [settings, ...rest] = script.split('\n');
    expect(settings).toMatch(/^LOGLIFT_NOISE = \{.*\["includeNamespaces"\] = \{"team-\*", \}/);
    expect(`${rest.join('\n')}`).toBe(readFileSync(NOISE_SCRIPT_PATH, 'utf8'));
  });
});

describe('node metadata for triage', () => {
  it('adds the EC2 zone and instance type after the lift when asked, from IMDSv2 only', () => {
    expect(filters().some((f) => f.name === 'aws')).toBe(false);
    const list = filters({ 'fluentBit.config.kubernetes.awsNodeMetadata': true });
    expect(calls(list)).toEqual(['multiline', 'kubernetes', 'lua:lift', 'aws', 'lua:limit_record']);
    expect(section(list, 'aws')).toEqual({
      name: 'aws',
      match: 'kube.*',
      imds_version: 'v2',
      az: 'true',
      ec2_instance_id: 'false',
      ec2_instance_type: 'true',
    });
  });
});
