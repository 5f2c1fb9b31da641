import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kubeTagPrefix, localFluentBitConfig } from './fluentBitConfig.js';

const rendered = `
service: { flush: 1, http_server: 'on', http_listen: 0.0.0.0, http_port: 2020, storage.path: /var/lib/x/storage/ }
pipeline:
  inputs:
    - { name: tail, tag: kube.*, path: /var/log/containers/*.log, db: /var/lib/x/tail.db, exclude_path: /var/log/containers/fb-*_ns_fluent-bit-*.log, multiline.parser: 'docker, cri' }
  filters:
    - { name: kubernetes, match: kube.*, kube_tag_prefix: kube.var.log.containers., merge_log: 'on' }
    - { name: lua, match: kube.*, script: /fluent-bit/etc/loglift/lift.lua, call: lift }
  outputs:
    - { name: opensearch, host: search.example.com, port: 443, tls: 'on', tls.ca_file: /etc/loglift/ca/ca.crt, tls.verify: 'on', http_user: '\${OPENSEARCH_USERNAME}', retry_limit: 5 }
`;

const settings = {
  logDir: '/tmp/run/var/log/containers',
  stateDir: '/tmp/run/state',
  metaDir: '/tmp/run/meta',
  host: '127.0.0.1',
  port: 9201,
  caFile: '/tmp/ca.pem',
  kubeUrlPort: 5999,
  httpPort: 2999,
  configDir: '/tmp/run/config',
};

describe('localFluentBitConfig', () => {
  it('changes only paths, lua scripts, host, port, the CA file, kube_url and the HTTP address', () => {
    const local = parse(localFluentBitConfig(rendered, settings));
    expect(local.service).toEqual({
      flush: 1,
      http_server: 'on',
      http_listen: '127.0.0.1',
      http_port: 2999,
      'storage.path': '/tmp/run/state/storage/',
    });
    expect(local.pipeline.inputs[0]).toEqual({
      name: 'tail',
      tag: 'kube.*',
      path: '/tmp/run/var/log/containers/*.log',
      db: '/tmp/run/state/tail.db',
      exclude_path: '/tmp/run/var/log/containers/fb-*_ns_fluent-bit-*.log',
      'multiline.parser': 'docker, cri',
    });
    expect(local.pipeline.filters[0]).toEqual({
      name: 'kubernetes',
      match: 'kube.*',
      kube_tag_prefix: 'kube.tmp.run.var.log.containers.',
      merge_log: 'on',
      kube_meta_preload_cache_dir: '/tmp/run/meta',
      kube_url: 'http://127.0.0.1:5999',
    });
    expect(local.pipeline.filters[1]).toEqual({
      name: 'lua',
      match: 'kube.*',
      script: '/tmp/run/config/lift.lua',
      call: 'lift',
    });
    expect(local.pipeline.outputs[0]).toEqual({
      name: 'opensearch',
      host: '127.0.0.1',
      port: 9201,
      tls: 'on',
      'tls.ca_file': '/tmp/ca.pem',
      'tls.verify': 'on',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fluent Bit's ${ENV} syntax, not a JS template
      http_user: '${OPENSEARCH_USERNAME}',
      retry_limit: 5,
    });
  });

  it("points every stream's opensearch output at this machine and keeps its match and index", () => {
    const routed = rendered.replace(
      '  outputs:\n',
      "  outputs:\n    - { name: opensearch, match: loglift.stream.sandbox, index: logs-x-sandbox, host: search.example.com, port: 443, tls: 'on' }\n",
    );
    const outputs = parse(localFluentBitConfig(routed, settings)).pipeline.outputs;
    expect(outputs).toHaveLength(2);
    expect(outputs[0]).toEqual({
      name: 'opensearch',
      match: 'loglift.stream.sandbox',
      index: 'logs-x-sandbox',
      host: '127.0.0.1',
      port: 9201,
      tls: 'on',
      'tls.ca_file': '/tmp/ca.pem',
    });
    expect(outputs[1]).toMatchObject({ host: '127.0.0.1', port: 9201, 'tls.ca_file': '/tmp/ca.pem' });
  });

  it('derives the tag prefix Fluent Bit gives files in a folder', () => {
    expect(kubeTagPrefix('/var/log/containers/')).toBe('kube.var.log.containers.');
    expect(kubeTagPrefix('/work/repo/.cache/run/logs')).toBe('kube.work.repo.cache.run.logs.');
  });

  it('says what is missing from a config it cannot rewrite', () => {
    expect(() => localFluentBitConfig('service: {}\npipeline: { inputs: [] }', { ...settings })).toThrow(
      /expected one tail section/,
    );
  });
});
