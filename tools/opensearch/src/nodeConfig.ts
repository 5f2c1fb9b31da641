import path from 'node:path';

export type SettingValue = string | number | boolean | readonly string[];

/** -Xms/-Xmx for a heap like "1g"; default -Xms512m -Xmx1g. */
export function heapOptions(heap: string | undefined): string[] {
  if (heap === undefined || heap === '') return ['-Xms512m', '-Xmx1g'];
  if (!/^\d+[kmgKMG]$/.test(heap)) throw new Error(`heap must look like 512m or 1g, got ${JSON.stringify(heap)}`);
  return [`-Xms${heap}`, `-Xmx${heap}`];
}

/**
 * The distribution's jvm.options (its text) minus heap, heap dumps and GC log
 * files, whose relative paths point into the read-only home; plus the heap and
 * start-up options.
 */
export function jvmOptions(
  distributionOptions: string,
  runDir: string,
  heap: readonly string[],
  fullJit: boolean,
): string {
  const dropped =
    /-Xm[sx]\d|HeapDumpPath|HeapDumpOnOutOfMemoryError|ErrorFile|-Xlog:gc|-Xloggc|PrintGC|PrintTenuring|GCLogFile/;
  const kept = distributionOptions
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#') && !dropped.test(line));
  const fast = [
    // C1 only: starts in about half the time on two cores; plenty for test workloads.
    '-XX:TieredStopAtLevel=1',
    // Do not touch the whole heap up front.
    '-XX:-AlwaysPreTouch',
  ];
  const jit = fullJit ? [] : fast;
  return [...kept, ...heap, ...jit, `-XX:ErrorFile=${path.join(runDir, 'logs', 'hs_err_pid%p.log')}`, ''].join('\n');
}

function yamlValue(value: SettingValue): string {
  return JSON.stringify(value);
}

/** opensearch.yml of one start: loopback, single node, TLS with the demo certificates, then `extra`. */
export function opensearchYml(
  runDir: string,
  httpPort: number,
  transportPort: number,
  extra: Record<string, SettingValue>,
): string {
  const settings: Record<string, SettingValue> = {
    'cluster.name': 'loglift-test',
    'node.name': 'loglift-test-node',
    'path.data': path.join(runDir, 'data'),
    'path.logs': path.join(runDir, 'logs'),
    'network.host': '127.0.0.1',
    'http.port': httpPort,
    'transport.port': transportPort,
    'discovery.type': 'single-node',
    'bootstrap.memory_lock': false,
    // The test disk may be fairly full: never block writes on disk watermarks.
    'cluster.routing.allocation.disk.threshold_enabled': false,
    // TLS with the security plugin's demo certificates (CA: config/root-ca.pem).
    'plugins.security.ssl.transport.pemcert_filepath': 'esnode.pem',
    'plugins.security.ssl.transport.pemkey_filepath': 'esnode-key.pem',
    'plugins.security.ssl.transport.pemtrustedcas_filepath': 'root-ca.pem',
    'plugins.security.ssl.transport.enforce_hostname_verification': false,
    'plugins.security.ssl.http.enabled': true,
    'plugins.security.ssl.http.pemcert_filepath': 'esnode.pem',
    'plugins.security.ssl.http.pemkey_filepath': 'esnode-key.pem',
    'plugins.security.ssl.http.pemtrustedcas_filepath': 'root-ca.pem',
    'plugins.security.allow_unsafe_democertificates': true,
    'plugins.security.allow_default_init_securityindex': true,
    'plugins.security.authcz.admin_dn': ['CN=kirk,OU=client,O=client,L=test,C=de'],
    'plugins.security.audit.type': 'noop',
    'plugins.security.enable_snapshot_restore_privilege': true,
    'plugins.security.check_snapshot_restore_write_privileges': true,
    'plugins.security.restapi.roles_enabled': ['all_access', 'security_rest_api_access'],
    'plugins.security.system_indices.enabled': true,
    ...extra,
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}: ${yamlValue(value)}`);
  return `# Written by tools/opensearch (loglift test bed) for one start.\n${lines.join('\n')}\n`;
}
