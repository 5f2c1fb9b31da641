import { describe, expect, it } from 'vitest';
import { chartDir, HELM_VERSIONS, helm } from '../scripts/tools.js';
import { find, parseManifests, renderText, scenarios } from './render.js';

/** Replaces the random writer password (new on every `helm template`, see writer-secret.yaml). */
function withoutGeneratedPassword(text: string): string {
  const secret = parseManifests(text).find((m) => m.kind === 'Secret' && m.metadata.name.endsWith('-writer'));
  const password = (secret?.data as Record<string, string> | undefined)?.password;
  if (password === undefined) return text;
  expect(Buffer.from(password, 'base64').toString()).toMatch(/^[A-Za-z0-9]{32}$/);
  return text.split(password).join('<generated>');
}

describe.each(scenarios())('scenario %s', (file) => {
  const values = [`ci/${file}`];

  it('renders identically with Helm 3 and Helm 4', () => {
    const helm3 = withoutGeneratedPassword(renderText({ helmVersion: 3, values }));
    const helm4 = withoutGeneratedPassword(renderText({ helmVersion: 4, values }));
    expect(parseManifests(helm4).length).toBeGreaterThan(3);
    expect(helm3).toBe(helm4);
  });

  it.each(HELM_VERSIONS)('passes helm %s lint --strict', (version) => {
    const result = helm(version, [
      'lint',
      chartDir,
      '--strict',
      '--namespace',
      'logging',
      '-f',
      `${chartDir}/ci/${file}`,
    ]);
    expect(result.stderr + result.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
    expect(result.status).toBe(0);
  });
});

describe('the scenarios', () => {
  it('cover the issue’s cases: defaults, AWS IRSA, self-hosted basic auth, kubelet mode, components off, team routing, collect everything', () => {
    expect(scenarios().map((f) => f.replace(/^\d\d-|-values\.yaml$/g, ''))).toEqual([
      'defaults',
      'aws-irsa',
      'self-hosted-basic',
      'kubelet-pod-identity',
      'components-off',
      'team-routing',
      'collect-everything',
    ]);
  });

  it('render only Fluent Bit when the other components are off', () => {
    const manifests = parseManifests(renderText({ values: ['ci/04-components-off-values.yaml'] }));
    expect(find(manifests, 'DaemonSet', '-fluent-bit').kind).toBe('DaemonSet');
    expect(manifests.filter((m) => /task-service|bootstrap|verify/.test(m.metadata.name))).toEqual([]);
  });
});

describe('kubeVersion', () => {
  it.each(HELM_VERSIONS)('Helm %s refuses Kubernetes older than 1.29', (version) => {
    const args = ['template', 'demo', chartDir, '-f', `${chartDir}/ci/00-defaults-values.yaml`];
    expect(helm(version, [...args, '--kube-version', '1.28.9']).stderr).toMatch(/requires kubeVersion: >=1\.29\.0-0/);
    expect(helm(version, [...args, '--kube-version', '1.29.0']).status).toBe(0);
  });
});
