import { describe, expect, it } from 'vitest';
import { promqlSyntaxErrors } from './promqlSyntax.js';
import { find, type Manifest, render, scenarios } from './render.js';

interface Rule {
  alert: string;
  expr: string;
}

/** Every switch that adds or changes an alert or a dashboard query. */
const everything = {
  'monitoring.prometheusRule.enabled': true,
  'monitoring.grafanaDashboard.enabled': true,
  'fluentBit.config.noise.rateLimit.enabled': true,
  'eventsCollector.enabled': true,
};

function alertRules(manifests: Manifest[]): Rule[] {
  const rule = find(manifests, 'PrometheusRule', '-fluent-bit');
  return (rule.spec as { groups: { rules: Rule[] }[] }).groups.flatMap((group) => group.rules);
}

function dashboardExprs(manifests: Manifest[]): string[] {
  const configMap = find(manifests, 'ConfigMap', '-dashboard');
  const dashboard = JSON.parse((configMap.data as Record<string, string>)['loglift-fluent-bit.json'] ?? '') as {
    panels: { targets: { expr: string }[] }[];
  };
  return dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
}

describe('PromQL syntax check', () => {
  it('finds the errors Prometheus would refuse a rule file for', () => {
    expect(promqlSyntaxErrors('sum by (pod) (rate(fluentbit_output_errors_total{service="a"}[5m])) > 0')).toEqual([]);
    expect(promqlSyntaxErrors('sum by (pod) (rate(fluentbit_output_errors_total{service="a"}[5m]) > 0')).not.toEqual(
      [],
    );
    expect(promqlSyntaxErrors('rate(x{service="a}[5m])')).not.toEqual([]);
    expect(promqlSyntaxErrors('rate(x{service=~"a"}[5 m])')).not.toEqual([]);
    expect(promqlSyntaxErrors('increase(x{namespace="logging",}[10m]) >')).not.toEqual([]);
    expect(promqlSyntaxErrors('')).not.toEqual([]);
  });
});

describe.each(scenarios())('PromQL of %s with the monitoring on', (file) => {
  const manifests = render({ values: [`ci/${file}`], set: everything });

  it.each(alertRules(manifests).map((rule) => [rule.alert, rule.expr]))('alert %s parses', (_alert, expr) => {
    expect(promqlSyntaxErrors(expr)).toEqual([]);
  });

  it('every dashboard query parses', () => {
    const exprs = dashboardExprs(manifests);
    expect(exprs.length).toBeGreaterThan(0);
    for (const expr of exprs) expect(promqlSyntaxErrors(expr), expr).toEqual([]);
  });
});
