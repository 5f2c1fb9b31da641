import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartDir, kubeValidateVersions, run, tool } from '../scripts/tools.js';
import { renderText, scenarios } from './render.js';

const versions = kubeValidateVersions();

function validate(version: string, manifests: string) {
  return run(tool(`kube-validate-${version}`), ['--quiet', '-'], { input: manifests });
}

describe('Kubernetes API schemas', () => {
  it('are checked for the oldest Kubernetes the chart declares and a newer one', () => {
    const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { kubeVersion: string };
    const oldest = /^>=(\d+\.\d+)\./.exec(chart.kubeVersion)?.[1];
    expect(versions[0]).toBe(oldest);
    expect(versions.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(scenarios())('scenario %s', (file) => {
    const manifests = renderText({ values: [`ci/${file}`] });
    it.each(versions)('is valid on Kubernetes %s', (version) => {
      const result = validate(version, manifests);
      expect(result.stdout).not.toMatch(/^INVALID/m);
      expect(result.stdout).toMatch(/: 0 invalid$/m);
      expect(result.status).toBe(0);
    });
  });

  it('skip the ServiceMonitor CRD with a note instead of failing', () => {
    const result = validate(versions[0] as string, renderText({ values: ['ci/01-aws-irsa-values.yaml'] }));
    expect(result.stdout).toMatch(/^SKIPPED .*monitoring\.coreos\.com\/v1 ServiceMonitor/m);
  });

  it('skip the PrometheusRule and the ServiceMonitors of scenario 06, which the kube test bed installs', () => {
    const result = validate(versions[0] as string, renderText({ values: ['ci/06-collect-everything-values.yaml'] }));
    expect(result.stdout).toMatch(/^SKIPPED .*monitoring\.coreos\.com\/v1 PrometheusRule/m);
    expect(result.stdout.match(/^SKIPPED .*monitoring\.coreos\.com\/v1 ServiceMonitor/gm)).toHaveLength(2);
    expect(result.status).toBe(0);
  });

  it('catch a misspelt field that the values schema lets through', () => {
    const manifests = renderText({
      values: ['ci/00-defaults-values.yaml'],
      set: { 'taskService.extraEnv': [{ name: 'FEATURE', valu: 'on' }] },
    });
    const result = validate(versions.at(-1) as string, manifests);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /INVALID .*Deployment\/demo-loglift-task-service.*unknown field "spec\.template\.spec\.containers\[0\]\.env\[\d+\]\.valu"/,
    );
  });
});
