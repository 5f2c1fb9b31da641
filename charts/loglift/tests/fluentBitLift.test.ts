import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIFT_SCRIPT_PATH } from '../scripts/liftScript.js';
import { fluentBitConfig, type Section } from './fluentBitConfig.js';
import { at, container, find, podSpec, render, scenarios } from './render.js';

const defaults = { values: ['ci/00-defaults-values.yaml'] };

/** The lua filter that runs the lift (the noise filters are lua filters too). */
function liftFilter(filters: Section[]): Section {
  const found = filters.filter((f) => f.name === 'lua' && f.call === 'lift');
  if (found.length !== 1) throw new Error(`expected one lua filter calling lift, found ${found.length}`);
  return found[0] as Section;
}

describe('the lift in the Fluent Bit pipeline', () => {
  it.each(scenarios())('runs the lua lift right after the kubernetes filter (%s)', (scenario) => {
    const manifests = render({ values: [`ci/${scenario}`] });
    if (!manifests.some((m) => m.kind === 'DaemonSet')) return;
    const filters = fluentBitConfig(manifests).pipeline.filters;
    expect(filters.indexOf(liftFilter(filters))).toBe(filters.findIndex((f) => f.name === 'kubernetes') + 1);
  });

  it('calls lift in the shipped script with the record time as a table and nulls kept', () => {
    const lua = liftFilter(fluentBitConfig(render(defaults)).pipeline.filters);
    expect(lua).toEqual({
      name: 'lua',
      match: 'kube.*',
      script: '/fluent-bit/etc/loglift/lift.lua',
      call: 'lift',
      time_as_table: 'on',
      enable_flb_null: 'on',
      protected_mode: 'on',
    });
  });

  it('mounts the generated files/lift.lua where the filter loads it', () => {
    const manifests = render(defaults);
    const script = String(liftFilter(fluentBitConfig(manifests).pipeline.filters).script);
    const configMap = find(manifests, 'ConfigMap', '-fluent-bit');
    const daemonSet = find(manifests, 'DaemonSet', '-fluent-bit');
    const mount = container(daemonSet, 'fluent-bit').volumeMounts?.find((m) => m.mountPath === dirname(script));
    const volume = (podSpec(daemonSet).volumes as { name: string; configMap?: { name: string } }[]).find(
      (v) => v.name === mount?.name,
    );
    expect(volume?.configMap?.name).toBe(configMap.metadata.name);
    const shipped = (configMap.data as Record<string, string>)[script.slice(dirname(script).length + 1)];
    expect(shipped === readFileSync(LIFT_SCRIPT_PATH, 'utf8'), 'the ConfigMap holds files/lift.lua byte for byte').toBe(
      true,
    );
  });

  it('restarts Fluent Bit when the lift or noise script changes, not only its configuration', () => {
    const manifests = render(defaults);
    const data = find(manifests, 'ConfigMap', '-fluent-bit').data as Record<string, string>;
    const checksum = at(find(manifests, 'DaemonSet', '-fluent-bit'), 'spec.template.metadata.annotations');
    const expected = createHash('sha256')
      .update(
        `${data['fluent-bit.yaml']?.replace(/\n$/, '')}${data['lift.lua']}${data['noise.lua']?.replace(/\n$/, '')}`,
      )
      .digest('hex');
    expect(checksum).toHaveProperty(['checksum/config'], expected);
  });
});
