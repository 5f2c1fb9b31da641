import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface LocalFluentBitSettings {
  /** Folder of the CRI log files (replaces the tail path's folder). */
  readonly logDir: string;
  /** Folder for the tail DB and the filesystem buffer (replaces the chart's state hostPath). */
  readonly stateDir: string;
  /** Folder with `<namespace>_<pod>.meta` pod objects. */
  readonly metaDir: string;
  readonly host: string;
  readonly port: number;
  /** CA of the test node. */
  readonly caFile: string;
  /** An unused loopback port: a plain-HTTP kube_url skips the in-cluster CA lookup. */
  readonly kubeUrlPort: number;
  /** Port of Fluent Bit's HTTP server (health, metrics), on loopback. */
  readonly httpPort: number;
  /** Folder holding the ConfigMap's other files (the lua filter's lift.lua), as mounted beside the config. */
  readonly configDir: string;
}

type Section = Record<string, unknown>;

function only(sections: Section[] | undefined, name: string): Section {
  const found = (sections ?? []).filter((section) => section.name === name);
  if (found.length !== 1)
    throw new Error(`expected one ${name} section in the rendered Fluent Bit config, found ${found.length}`);
  return found[0] as Section;
}

/**
 * The tag prefix Fluent Bit's tail input gives files under `dir` with tag `kube.*`: `/`, `\` and
 * `:` become dots, a leading one is dropped and repeated dots collapse (`/a/.cache` -> `a.cache`).
 */
export function kubeTagPrefix(dir: string): string {
  const path = dir
    .replace(/[/\\:]/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `kube.${path}.`;
}

/**
 * The rendered `fluent-bit.yaml` with only paths (lua scripts included), host, port, TLS CA, kube_url and the HTTP
 * server's address changed for one machine. Everything else (parsers, filters, retries,
 * buffering, `replace_dots`, `write_operation`, credentials as `${ENV}`) stays as rendered.
 */
export function localFluentBitConfig(renderedYaml: string, local: LocalFluentBitSettings): string {
  const config = parse(renderedYaml) as {
    service?: Section;
    pipeline?: { inputs?: Section[]; filters?: Section[]; outputs?: Section[] };
  };
  if (!config.service || !config.pipeline)
    throw new Error('the rendered Fluent Bit config has no service or pipeline section');
  const state = local.stateDir.replace(/\/+$/, '');
  config.service['storage.path'] = `${state}/storage/`;
  config.service.http_listen = '127.0.0.1';
  config.service.http_port = local.httpPort;
  const tail = only(config.pipeline.inputs, 'tail');
  const pattern =
    String(tail.path ?? '')
      .split('/')
      .pop() || '*.log';
  tail.path = `${local.logDir.replace(/\/+$/, '')}/${pattern}`;
  tail.db = `${state}/tail.db`;
  // The exclusion names Fluent Bit's own pods in the node's folder; keep its file pattern.
  if (typeof tail.exclude_path === 'string') {
    tail.exclude_path = tail.exclude_path
      .split(',')
      .map((path) => `${local.logDir.replace(/\/+$/, '')}/${path.trim().split('/').pop()}`)
      .join(',');
  }
  const kubernetes = only(config.pipeline.filters, 'kubernetes');
  kubernetes.kube_tag_prefix = kubeTagPrefix(local.logDir);
  kubernetes.kube_meta_preload_cache_dir = local.metaDir;
  kubernetes.kube_url = `http://127.0.0.1:${local.kubeUrlPort}`;
  for (const filter of config.pipeline.filters ?? []) {
    if (filter.name === 'lua' && typeof filter.script === 'string')
      filter.script = join(local.configDir, basename(filter.script));
  }
  // One opensearch output per stream when the chart routes namespace groups.
  const outputs = (config.pipeline.outputs ?? []).filter((output) => output.name === 'opensearch');
  if (outputs.length === 0) throw new Error('the rendered Fluent Bit config has no opensearch output');
  for (const output of outputs) {
    output.host = local.host;
    output.port = local.port;
    if (String(output.tls) === 'on') output['tls.ca_file'] = local.caFile;
  }
  return stringify(config);
}
