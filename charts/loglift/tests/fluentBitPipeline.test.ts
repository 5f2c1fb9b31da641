import { MERGE_KEY } from '@loglift/log-schema';
import { describe, expect, it } from 'vitest';
import { bytes, desiredState } from './desiredState.js';
import { envRef, fluentBitConfig, seconds, section } from './fluentBitConfig.js';
import { joinLines } from './multilineMachine.js';
import { at, container, env, find, podSpec, render } from './render.js';

const defaults = { values: ['ci/00-defaults-values.yaml'] };

describe('the Fluent Bit configuration (parsed fluent-bit.yaml)', () => {
  const manifests = render(defaults);
  const config = fluentBitConfig(manifests);
  const daemonSet = find(manifests, 'DaemonSet', '-fluent-bit');

  it('serves health and storage metrics and flushes within the termination grace period', () => {
    expect(config.service).toMatchObject({
      http_server: 'on',
      http_port: 2020,
      health_check: 'on',
      'storage.metrics': 'on',
      'storage.path': '/var/lib/loglift-fluent-bit/storage/',
    });
    expect(Number(config.service.grace)).toBeLessThan(Number(podSpec(daemonSet).terminationGracePeriodSeconds));
  });

  it('tails container logs with the runtime parsers, an offset DB and a filesystem buffer on the node', () => {
    expect(config.pipeline.inputs).toHaveLength(1);
    const tail = section(config.pipeline.inputs, 'tail');
    expect(tail).toMatchObject({
      path: '/var/log/containers/*.log',
      'multiline.parser': 'docker, cri',
      db: '/var/lib/loglift-fluent-bit/tail.db',
      'storage.type': 'filesystem',
      skip_long_lines: 'on',
    });
    expect(bytes(tail.buffer_max_size)).toBeGreaterThanOrEqual(bytes('1M'));
    const stateMount = container(daemonSet, 'fluent-bit').volumeMounts?.find((m) => m.name === 'state');
    expect(stateMount?.mountPath).toBe('/var/lib/loglift-fluent-bit');
    expect(String(tail.db).startsWith(`${stateMount?.mountPath}/`)).toBe(true);
  });

  it('ships what pods wrote before Fluent Bit started, bounded to recently modified files', () => {
    const tail = section(config.pipeline.inputs, 'tail');
    // Without read_from_head a file that has no offset yet is read from its end: every line a pod
    // wrote before the agent started on its node (node boot, new node, first install) is lost.
    expect(tail.read_from_head).toBe('on');
    expect(tail.ignore_older).toBe('1h');
    expect(seconds(tail.ignore_older)).toBeGreaterThan(Number(tail.refresh_interval));
    // Offsets survive restarts, so a restarted agent resumes instead of reading from the head again.
    expect(String(tail.db).startsWith('/var/lib/loglift-fluent-bit/')).toBe(true);
  });

  it('follows the read-from-head switch and window', () => {
    const tail = section(
      fluentBitConfig(
        render({ ...defaults, set: { 'fluentBit.config.input': { readFromHead: false, ignoreOlder: '2d' } } }),
      ).pipeline.inputs,
      'tail',
    );
    expect(tail).toMatchObject({ read_from_head: 'off', ignore_older: '2d' });
  });

  it("excludes Fluent Bit's own pods from the tail", () => {
    const excluded = String(section(config.pipeline.inputs, 'tail').exclude_path).split(',');
    expect(excluded).toContain('/var/log/containers/demo-loglift-fluent-bit-*_logging_fluent-bit-*.log');
  });

  it('merges app JSON under the key of the log document contract', () => {
    const kubernetes = section(config.pipeline.filters, 'kubernetes');
    expect(kubernetes.merge_log).toBe('on');
    expect(kubernetes.merge_log_key).toBe(MERGE_KEY);
    expect(kubernetes).toMatchObject({
      keep_log: 'off',
      'k8s-logging.parser': 'on',
      'k8s-logging.exclude': 'on',
      labels: 'on',
      annotations: 'off',
    });
    expect(bytes(kubernetes.buffer_size)).toBeGreaterThan(bytes('32k'));
    expect(kubernetes.use_kubelet).toBeUndefined();
  });

  it('joins stack traces before the kubernetes filter unless turned off', () => {
    // The second lua filter is noise control (probe lines); see fluentBitNoise.test.ts.
    expect(config.pipeline.filters.map((f) => f.name)).toEqual(['multiline', 'kubernetes', 'lua', 'lua']);
    const off = fluentBitConfig(render({ ...defaults, set: { 'fluentBit.config.multiline.enabled': false } }));
    expect(off.pipeline.filters.map((f) => f.name)).toEqual(['kubernetes', 'lua', 'lua']);
  });

  it('writes to the data stream the bootstrap creates, safely against resends and bad documents', () => {
    const output = section(config.pipeline.outputs, 'opensearch');
    expect(output.index).toBe(desiredState(manifests).logs.dataStream);
    expect(output).toMatchObject({
      host: 'opensearch.logging.svc',
      port: 9200,
      suppress_type_name: 'on',
      replace_dots: 'on',
      generate_id: 'on',
      write_operation: 'create',
      trace_error: 'on',
      compress: 'gzip',
      tls: 'on',
      'tls.verify': 'on',
    });
    expect(bytes(output.buffer_size)).toBeGreaterThanOrEqual(bytes('5M'));
    expect(Number(output.workers)).toBeGreaterThanOrEqual(1);
    expect(bytes(output['storage.total_limit_size'])).toBeGreaterThan(0);
  });

  it('retries a chunk until it is delivered, bounded by the buffer, with deliberate backoff', () => {
    const output = section(config.pipeline.outputs, 'opensearch');
    // A retry count gave chunks up within minutes of an outage; only the buffer bounds the backlog.
    expect(output.retry_limit).toBe('no_limits');
    expect(bytes(output['storage.total_limit_size'])).toBe(bytes('1G'));
    const base = Number(config.service['scheduler.base']);
    const cap = Number(config.service['scheduler.cap']);
    expect(base).toBe(5);
    // Once OpenSearch is back, every buffered chunk is retried within two minutes.
    expect(cap).toBe(120);
    expect(cap).toBeGreaterThanOrEqual(base);
  });

  it('keeps chunks it gives up on in a dead-letter directory on the node', () => {
    expect(config.service).toMatchObject({
      'storage.keep.rejected': 'on',
      'storage.rejected.path': 'rejected',
      'storage.rejected.limit': '256M',
    });
    // Relative to storage.path, which is on the state hostPath: it survives pod restarts.
    const stateMount = container(daemonSet, 'fluent-bit').volumeMounts?.find((m) => m.name === 'state');
    expect(String(config.service['storage.path']).startsWith(`${stateMount?.mountPath}/`)).toBe(true);
    const off = fluentBitConfig(render({ ...defaults, set: { 'fluentBit.config.deadLetter.enabled': false } }));
    expect(Object.keys(off.service).filter((key) => key.includes('rejected'))).toEqual([]);
  });

  it('restarts or unreadies no pod because OpenSearch is away', () => {
    const fb = container(daemonSet, 'fluent-bit');
    // /api/v1/health turns unhealthy on output errors; the probes only ask whether Fluent Bit answers.
    for (const probe of ['livenessProbe', 'readinessProbe']) {
      expect(at(fb, `${probe}.httpGet.path`)).toBe('/api/v1/uptime');
    }
  });

  it('keeps a finite retry limit when asked, if it outlasts a 30-minute outage', () => {
    const output = section(
      fluentBitConfig(render({ ...defaults, set: { 'fluentBit.config.output.retryLimit': 360 } })).pipeline.outputs,
      'opensearch',
    );
    expect(output.retry_limit).toBe(360);
  });

  it('takes the generated writer credentials from environment variables fed by the Secret', () => {
    const output = section(config.pipeline.outputs, 'opensearch');
    expect(output.http_user).toBe(envRef('OPENSEARCH_USERNAME'));
    expect(output.http_passwd).toBe(envRef('OPENSEARCH_PASSWORD'));
    const fb = container(daemonSet, 'fluent-bit');
    expect(env(fb, 'OPENSEARCH_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({
      name: 'demo-loglift-writer',
      key: 'password',
    });
    expect(output.aws_auth).toBeUndefined();
  });

  it('offers in-place reload only when asked, since nothing in the pod could trigger it', () => {
    expect(config.service.hot_reload).toBeUndefined();
    const reloadable = fluentBitConfig(render({ ...defaults, set: { 'fluentBit.config.service.hotReload': true } }));
    expect(reloadable.service.hot_reload).toBe('on');
  });

  it('restarts Fluent Bit when its configuration changes', () => {
    const changed = render({ ...defaults, set: { 'fluentBit.config.output.retryLimit': 400 } });
    const checksum = (m: typeof manifests) =>
      at(find(m, 'DaemonSet', '-fluent-bit'), 'spec.template.metadata.annotations');
    expect(checksum(manifests)).toHaveProperty('checksum/config');
    expect(checksum(changed)).not.toEqual(checksum(manifests));
  });
});

describe('the index name', () => {
  it('follows opensearch.dataStream in Fluent Bit, the bootstrap and the helm test alike', () => {
    const manifests = render({ ...defaults, set: { 'opensearch.dataStream': 'logs-payments' } });
    expect(section(fluentBitConfig(manifests).pipeline.outputs, 'opensearch').index).toBe('logs-payments');
    expect(desiredState(manifests).logs.dataStream).toBe('logs-payments');
    expect(env(container(find(manifests, 'Pod', '-verify'), 'verify'), 'LOGLIFT_INDEX')?.value).toBe('logs-payments');
  });
});

describe('writer identities in the output', () => {
  it('signs with SigV4 for aws-sigv4 and sends no basic credentials', () => {
    const manifests = render({ values: ['ci/01-aws-irsa-values.yaml'] });
    const output = section(fluentBitConfig(manifests).pipeline.outputs, 'opensearch');
    expect(output).toMatchObject({ aws_auth: 'on', aws_region: 'eu-west-1', aws_service_name: 'es', port: 443 });
    expect(output.http_user).toBeUndefined();
    expect(
      env(container(find(manifests, 'DaemonSet', '-fluent-bit'), 'fluent-bit'), 'OPENSEARCH_PASSWORD'),
    ).toBeUndefined();
  });

  it('uses the aoss service name for OpenSearch Serverless', () => {
    const output = section(
      fluentBitConfig(render({ values: ['ci/03-kubelet-pod-identity-values.yaml'] })).pipeline.outputs,
      'opensearch',
    );
    expect(output.aws_service_name).toBe('aoss');
  });

  it('adds aws_role_arn only when a role to assume is set', () => {
    const manifests = render({
      values: ['ci/01-aws-irsa-values.yaml'],
      set: { 'opensearch.writer.aws.assumeRoleArn': 'arn:aws:iam::123456789012:role/cross-account' },
    });
    expect(section(fluentBitConfig(manifests).pipeline.outputs, 'opensearch').aws_role_arn).toBe(
      'arn:aws:iam::123456789012:role/cross-account',
    );
  });

  it('reads basic credentials from the existing Secret under its configured keys', () => {
    const manifests = render({
      values: ['ci/02-self-hosted-basic-values.yaml'],
      set: { 'opensearch.writer.usernameKey': 'user', 'opensearch.writer.passwordKey': 'secret' },
    });
    const fb = container(find(manifests, 'DaemonSet', '-fluent-bit'), 'fluent-bit');
    expect(env(fb, 'OPENSEARCH_USERNAME')?.valueFrom?.secretKeyRef).toEqual({
      name: 'loglift-writer-credentials',
      key: 'user',
    });
    expect(env(fb, 'OPENSEARCH_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({
      name: 'loglift-writer-credentials',
      key: 'secret',
    });
    expect(manifests.some((m) => m.kind === 'Secret')).toBe(false);
  });

  it('sends neither credentials nor TLS for auth none over plain HTTP', () => {
    const output = section(
      fluentBitConfig(render({ values: ['ci/04-components-off-values.yaml'] })).pipeline.outputs,
      'opensearch',
    );
    expect(output.tls).toBe('off');
    expect(output['tls.verify']).toBeUndefined();
    expect(output.http_user).toBeUndefined();
    expect(output.aws_auth).toBeUndefined();
  });

  it('trusts a CA bundle mounted from the configured Secret', () => {
    const manifests = render({ values: ['ci/02-self-hosted-basic-values.yaml'] });
    const output = section(fluentBitConfig(manifests).pipeline.outputs, 'opensearch');
    expect(output['tls.ca_file']).toBe('/etc/loglift/ca/ca.crt');
    const volumes = podSpec(find(manifests, 'DaemonSet', '-fluent-bit')).volumes as {
      name: string;
      secret?: unknown;
    }[];
    expect(volumes.find((v) => v.name === 'opensearch-ca')?.secret).toEqual({
      secretName: 'opensearch-ca',
      items: [{ key: 'ca.crt', path: 'ca.crt' }],
    });
  });
});

describe('optional pipeline parts', () => {
  it('joins stack traces with a multiline filter before the kubernetes filter', () => {
    const config = fluentBitConfig(render({ values: ['ci/02-self-hosted-basic-values.yaml'] }));
    // The second lua filter is noise control (probe lines); see fluentBitNoise.test.ts.
    expect(config.pipeline.filters.map((f) => f.name)).toEqual(['multiline', 'kubernetes', 'lua', 'lua']);
    const multiline = section(config.pipeline.filters, 'multiline');
    expect(multiline['multiline.key_content']).toBe('log');
    expect(String(multiline['multiline.parser']).split(/,\s*/)).toEqual([
      'exception-stack',
      'python-traceback',
      'go-panic',
    ]);
  });

  it('ends a Python traceback at its exception line, so that line is not emitted twice', () => {
    const config = fluentBitConfig(render({ values: ['ci/02-self-hosted-basic-values.yaml'] }));
    const parser = config.multiline_parsers?.find((p) => p.name === 'python-traceback');
    if (!parser) throw new Error('no python-traceback parser rendered');
    const traceback = [
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 3, in <module>',
      '    main()',
      'ValueError: bad input',
    ];
    expect(joinLines([parser], [...traceback, 'next record'])).toEqual([traceback.join('\n'), 'next record']);
    // The built-in python moves back to start_state on that line, and Fluent Bit 5.1.1 then sent
    // the line again as a record of its own; this parser ends in states no plain line continues.
    expect(parser.rules.filter((r) => r.next_state === 'start_state')).toEqual([]);
  });

  it('asks the kubelet for metadata and grants nodes/proxy only in kubelet mode', () => {
    const rules = (m: ReturnType<typeof render>) =>
      (find(m, 'ClusterRole', '-fluent-bit').rules as { resources: string[]; verbs: string[] }[]).flatMap(
        (r) => r.resources,
      );
    const kubelet = render({ values: ['ci/03-kubelet-pod-identity-values.yaml'] });
    const kubernetes = section(fluentBitConfig(kubelet).pipeline.filters, 'kubernetes');
    expect(kubernetes).toMatchObject({ use_kubelet: 'on', kubelet_host: envRef('NODE_IP'), kubelet_port: 10250 });
    expect(
      env(container(find(kubelet, 'DaemonSet', '-fluent-bit'), 'fluent-bit'), 'NODE_IP')?.valueFrom?.fieldRef,
    ).toEqual({
      fieldPath: 'status.hostIP',
    });
    expect(rules(kubelet)).toContain('nodes/proxy');
    expect(rules(render(defaults))).toEqual(['pods', 'namespaces']);
  });

  it('appends the raw extra sections after the chart’s own', () => {
    const config = fluentBitConfig(
      render({
        ...defaults,
        set: {
          'fluentBit.config.extraInputs': [{ name: 'systemd', tag: 'host.*' }],
          'fluentBit.config.extraFilters': [{ name: 'grep', match: 'kube.*', exclude: 'log ^healthz' }],
          'fluentBit.config.extraOutputs': [{ name: 'stdout', match: 'host.*' }],
          'fluentBit.config.extraParsers': [{ name: 'nginx', format: 'regex', regex: '^(?<remote>[^ ]*)' }],
        },
      }),
    );
    expect(config.pipeline.inputs.map((s) => s.name)).toEqual(['tail', 'systemd']);
    expect(config.pipeline.filters.map((s) => s.name)).toEqual(['multiline', 'kubernetes', 'lua', 'lua', 'grep']);
    expect(config.pipeline.outputs.map((s) => s.name)).toEqual(['opensearch', 'stdout']);
    expect(config.parsers?.map((s) => s.name)).toEqual(['nginx']);
  });

  it('follows every on/off switch of the pipeline values', () => {
    const config = fluentBitConfig(
      render({
        ...defaults,
        set: {
          'fluentBit.config.input.skipLongLines': false,
          'fluentBit.config.kubernetes': {
            labels: false,
            annotations: true,
            allowParserAnnotation: false,
            allowExcludeAnnotation: false,
          },
          'fluentBit.config.output': { gzip: false, traceError: false, replaceDots: false },
          'opensearch.tls.verify': false,
        },
      }),
    );
    expect(section(config.pipeline.inputs, 'tail').skip_long_lines).toBe('off');
    expect(section(config.pipeline.filters, 'kubernetes')).toMatchObject({
      labels: 'off',
      annotations: 'on',
      'k8s-logging.parser': 'off',
      'k8s-logging.exclude': 'off',
    });
    const output = section(config.pipeline.outputs, 'opensearch');
    expect(output).toMatchObject({ trace_error: 'off', replace_dots: 'off', 'tls.verify': 'off' });
    expect(output.compress).toBeUndefined();
  });
});
