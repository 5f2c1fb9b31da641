import { describe, expect, it } from 'vitest';
import { heapOptions, jvmOptions, opensearchYml } from './nodeConfig.js';

describe('heapOptions', () => {
  it('defaults to -Xms512m -Xmx1g', () => {
    expect(heapOptions(undefined)).toEqual(['-Xms512m', '-Xmx1g']);
    expect(heapOptions('')).toEqual(['-Xms512m', '-Xmx1g']);
  });

  it('uses one size for both bounds', () => {
    expect(heapOptions('768m')).toEqual(['-Xms768m', '-Xmx768m']);
  });

  it('rejects anything but a size', () => {
    expect(() => heapOptions('1 g')).toThrow(/512m or 1g/);
    expect(() => heapOptions('-Xmx1g')).toThrow();
  });
});

describe('jvmOptions', () => {
  const distribution = [
    '## JVM configuration',
    '-Xms1g',
    '-Xmx1g',
    '11-:-XX:+UseG1GC',
    '-Dfile.encoding=UTF-8',
    '-XX:+HeapDumpOnOutOfMemoryError',
    '-XX:HeapDumpPath=data',
    '-XX:ErrorFile=logs/hs_err_pid%p.log',
    '9-:-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m',
    '8:-Xloggc:logs/gc.log',
    '18-:-Djava.security.manager=allow',
    '',
  ].join('\n');

  it('keeps the distribution options but drops heap, dumps and log files in the home', () => {
    const lines = jvmOptions(distribution, '/run', ['-Xms2g', '-Xmx2g'], false).trim().split('\n');
    expect(lines).toEqual([
      '11-:-XX:+UseG1GC',
      '-Dfile.encoding=UTF-8',
      '18-:-Djava.security.manager=allow',
      '-Xms2g',
      '-Xmx2g',
      '-XX:TieredStopAtLevel=1',
      '-XX:-AlwaysPreTouch',
      '-XX:ErrorFile=/run/logs/hs_err_pid%p.log',
    ]);
  });

  it('keeps the full JIT on request', () => {
    const text = jvmOptions(distribution, '/run', ['-Xms1g', '-Xmx1g'], true);
    expect(text).not.toContain('TieredStopAtLevel');
    expect(text).not.toContain('AlwaysPreTouch');
  });
});

describe('opensearchYml', () => {
  const settings = (text: string): Map<string, string> =>
    new Map(
      text
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => {
          const at = line.indexOf(': ');
          return [line.slice(0, at), line.slice(at + 2)];
        }),
    );

  it('binds HTTP and transport to loopback on the given ports, as a single node', () => {
    const yml = settings(opensearchYml('/runs/a', 9201, 9301, {}));
    expect(yml.get('network.host')).toBe('"127.0.0.1"');
    expect(yml.get('http.port')).toBe('9201');
    expect(yml.get('transport.port')).toBe('9301');
    expect(yml.get('discovery.type')).toBe('"single-node"');
    expect(yml.get('path.data')).toBe('"/runs/a/data"');
    expect(yml.get('cluster.routing.allocation.disk.threshold_enabled')).toBe('false');
    expect(yml.get('plugins.security.ssl.http.enabled')).toBe('true');
    expect(yml.get('plugins.security.allow_default_init_securityindex')).toBe('true');
    expect(yml.get('plugins.security.authcz.admin_dn')).toBe('["CN=kirk,OU=client,O=client,L=test,C=de"]');
  });

  it('lets extra settings win and writes each key once', () => {
    const text = opensearchYml('/runs/a', 9201, 9301, { 'http.port': 9999, 'action.auto_create_index': false });
    const yml = settings(text);
    expect(yml.get('http.port')).toBe('9999');
    expect(yml.get('action.auto_create_index')).toBe('false');
    expect(text.match(/^http\.port:/gm)).toHaveLength(1);
  });
});
