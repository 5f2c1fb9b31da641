import { describe, expect, it } from 'vitest';
import { ADMISSION_PLUGINS, apiserverArgs, etcdArgs } from './controlPlaneArgs.js';

const input = {
  etcdUrl: 'http://127.0.0.1:2379',
  securePort: 6443,
  certDir: '/run/pki',
  certFile: '/run/pki/apiserver.crt',
  keyFile: '/run/pki/apiserver.key',
  serviceAccountPublicKeyFile: '/run/pki/sa.pub',
  serviceAccountPrivateKeyFile: '/run/pki/sa.key',
  tokenAuthFile: '/run/pki/tokens.csv',
};

function flags(args: string[]): Map<string, string> {
  return new Map(
    args.map((arg) => [
      arg.slice(2, arg.indexOf('=') < 0 ? undefined : arg.indexOf('=')),
      arg.slice(arg.indexOf('=') + 1),
    ]),
  );
}

describe('apiserverArgs', () => {
  it('listens on loopback only, with RBAC and Node authorisation', () => {
    const f = flags(apiserverArgs(input));
    expect(f.get('bind-address')).toBe('127.0.0.1');
    expect(f.get('secure-port')).toBe('6443');
    expect(f.get('authorization-mode')).toBe('Node,RBAC');
    expect(f.get('etcd-servers')).toBe('http://127.0.0.1:2379');
  });

  it('turns on the admission plugins a managed cluster runs', () => {
    const plugins = flags(apiserverArgs(input)).get('enable-admission-plugins')?.split(',');
    expect(plugins).toEqual([...ADMISSION_PLUGINS]);
    expect(plugins).toEqual(expect.arrayContaining(['NodeRestriction', 'PodSecurity', 'ServiceAccount']));
  });

  it('signs and verifies ServiceAccount tokens with the generated key pair', () => {
    const f = flags(apiserverArgs(input));
    expect(f.get('service-account-signing-key-file')).toBe('/run/pki/sa.key');
    expect(f.get('service-account-key-file')).toBe('/run/pki/sa.pub');
    expect(f.get('service-account-issuer')).toMatch(/^https:\/\//);
  });
});

describe('etcdArgs', () => {
  it('serves clients and peers on loopback as a new one-member cluster', () => {
    const f = flags(etcdArgs({ dataDir: '/run/etcd', clientPort: 2379, peerPort: 2380 }));
    expect(f.get('listen-client-urls')).toBe('http://127.0.0.1:2379');
    expect(f.get('listen-peer-urls')).toBe('http://127.0.0.1:2380');
    expect(f.get('initial-cluster')).toBe('loglift-test=http://127.0.0.1:2380');
    expect(f.get('data-dir')).toBe('/run/etcd');
  });
});
