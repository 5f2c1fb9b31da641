import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fluentBitConfig, section } from './fluentBitConfig.js';
import { find, type Manifest, render } from './render.js';

const values = ['ci/00-defaults-values.yaml'];
const on = {
  'monitoring.prometheusRule.enabled': true,
  'monitoring.grafanaDashboard.enabled': true,
  'fluentBit.config.noise.rateLimit.enabled': true,
};

/** Metric names Fluent Bit 5.1.1 registers (src/flb_input.c, src/flb_output.c), and kube-state-metrics' restarts. */
const KNOWN_METRICS = new Set([
  'fluentbit_input_records_total',
  'fluentbit_input_ingestion_paused',
  'fluentbit_output_proc_records_total',
  'fluentbit_output_errors_total',
  'fluentbit_output_retries_total',
  'fluentbit_output_retries_failed_total',
  'fluentbit_output_dropped_records_total',
  'fluentbit_output_chunk_available_capacity_percent',
  'kube_pod_container_status_restarts_total',
]);

/** The rate limit's counter as log_to_metrics names it: <namespace>_<subsystem>_<name>. */
function rateLimitMetric(manifests: Manifest[]): string {
  const filter = section(fluentBitConfig(manifests).pipeline.filters, 'log_to_metrics');
  return `${filter.metric_namespace}_${filter.metric_subsystem}_${filter.metric_name}`;
}

function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/([a-z_]+)\{/g)].map((match) => match[1] as string);
}

interface Rule {
  alert: string;
  expr: string;
  labels: { severity: string };
}

describe('monitoring', () => {
  it('renders neither the PrometheusRule nor the dashboard by default', () => {
    const manifests = render({ values });
    expect(manifests.filter((m) => m.kind === 'PrometheusRule')).toEqual([]);
    expect(manifests.filter((m) => m.metadata.name.endsWith('-dashboard'))).toEqual([]);
  });

  it('alerts on the failures that lose or delay logs, with real metric names of this release', () => {
    const manifests = render({ values, set: on });
    const rule = find(manifests, 'PrometheusRule', '-fluent-bit');
    const rules = (rule.spec as { groups: { rules: Rule[] }[] }).groups.flatMap((group) => group.rules);
    expect(rules.map((r) => r.alert)).toEqual([
      'LogliftOutputErrors',
      'LogliftRetriesGivenUp',
      'LogliftOutputRetrying',
      'LogliftRecordsDropped',
      'LogliftBufferNearlyFull',
      'LogliftInputPaused',
      'LogliftNoRecordsShipped',
      'LogliftAgentRestarting',
      'LogliftNamespaceRateLimited',
    ]);
    const known = new Set([...KNOWN_METRICS, rateLimitMetric(manifests)]);
    for (const r of rules) {
      expect(metricsIn(r.expr).length, r.alert).toBeGreaterThan(0);
      for (const metric of metricsIn(r.expr)) expect(known.has(metric), `${r.alert}: ${metric}`).toBe(true);
      expect(r.expr, r.alert).toContain('namespace="logging"');
    }
    const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));
    expect(byName.LogliftBufferNearlyFull?.expr).toContain('fluentbit_output_chunk_available_capacity_percent');
    expect(byName.LogliftBufferNearlyFull?.expr).toMatch(/< 20$/);
    expect(byName.LogliftNoRecordsShipped?.expr).toContain('[15m])) == 0');
    expect(byName.LogliftRecordsDropped?.labels.severity).toBe('critical');
  });

  it('covers the Events collector: its delivery alerts select its metrics Service, and one alert watches its output', () => {
    const manifests = render({ values, set: { ...on, 'eventsCollector.enabled': true } });
    const rules = (
      find(manifests, 'PrometheusRule', '-fluent-bit').spec as { groups: { rules: Rule[] }[] }
    ).groups.flatMap((group) => group.rules);
    const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));
    const service = find(manifests, 'Service', '-events-metrics').metadata.name;
    const both = `service=~"demo-loglift-fluent-bit-metrics|${service}"`;
    for (const alert of [
      'LogliftOutputErrors',
      'LogliftRetriesGivenUp',
      'LogliftOutputRetrying',
      'LogliftRecordsDropped',
      'LogliftBufferNearlyFull',
      'LogliftInputPaused',
    ])
      expect(byName[alert]?.expr, alert).toContain(both);
    // The DaemonSet's outputs are opensearch*; the collector's output is aliased "events".
    expect(byName.LogliftNoRecordsShipped?.expr).toContain('service="demo-loglift-fluent-bit-metrics"');
    const events = byName.LogliftEventsNotShipped?.expr ?? '';
    expect(events).toContain(`service="${service}", name="events"}[60m])) == 0`);
    const collector = parse(
      (find(manifests, 'ConfigMap', '-events').data as Record<string, string>)['fluent-bit.yaml'] ?? '',
    ) as { pipeline: { outputs: { alias?: string }[] } };
    expect(collector.pipeline.outputs.map((o) => o.alias)).toEqual(['events']);
    expect(byName.LogliftAgentRestarting?.expr).toContain('pod=~"(demo-loglift-fluent-bit|demo-loglift-events)-.*"');
    const known = new Set([...KNOWN_METRICS, rateLimitMetric(manifests)]);
    for (const r of rules)
      for (const metric of metricsIn(r.expr)) expect(known.has(metric), `${r.alert}: ${metric}`).toBe(true);
  });

  it('ships a dashboard for the Grafana sidecar whose panels query this release', () => {
    const manifests = render({ values, set: on });
    const configMap = find(manifests, 'ConfigMap', '-dashboard');
    expect(configMap.metadata.labels).toMatchObject({ grafana_dashboard: '1' });
    const dashboard = JSON.parse((configMap.data as Record<string, string>)['loglift-fluent-bit.json'] ?? '') as {
      uid: string;
      panels: { title: string; targets: { expr: string }[] }[];
    };
    expect(dashboard.uid).toBe('loglift-fluent-bit');
    const known = new Set([...KNOWN_METRICS, rateLimitMetric(manifests)]);
    const exprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    expect(exprs.length).toBeGreaterThanOrEqual(6);
    for (const expr of exprs) {
      expect(expr).not.toContain('__');
      expect(expr).toContain('namespace="logging"');
      for (const metric of metricsIn(expr)) expect(known.has(metric), metric).toBe(true);
    }
  });

  it('puts the dashboard where the sidecar looks, with its labels', () => {
    const set = {
      ...on,
      'monitoring.grafanaDashboard': { enabled: true, namespace: 'grafana', labels: { dashboards: 'loglift' } },
    };
    const configMap = find(render({ values, set }), 'ConfigMap', '-dashboard');
    expect(configMap.metadata.namespace).toBe('grafana');
    expect(configMap.metadata.labels).toMatchObject({ dashboards: 'loglift' });
  });
});
