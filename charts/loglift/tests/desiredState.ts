import { parse } from 'yaml';
import { find, type Manifest } from './render.js';

/** The bootstrap desired state (loglift.io/v1 BootstrapConfig) from the hook ConfigMap. */
export interface DesiredState {
  apiVersion: string;
  kind: string;
  opensearch: {
    url: string;
    auth: string;
    aws?: { region: string; service: string };
    caFile?: string;
    tlsVerify: boolean;
    waitSeconds: number;
  };
  logs: {
    dataStream: string;
    template: string;
    templatePriority: number;
    shards: number;
    replicas: number;
    retention: Record<string, unknown>;
  };
  security: {
    enabled: boolean;
    writerRole: string;
    readerRole: string;
    writer: {
      backendRoles: string[];
      serviceAccount?: { namespace: string; name: string };
      internalUser?: { name: string };
    };
    reader: { backendRoles: string[]; users: string[] };
    allowAllAccessMapping: boolean;
  };
  dashboards?: {
    url: string;
    tenants: string[];
    indexPatterns: Record<string, unknown>[];
    forceDefault: boolean;
    waitSeconds: number;
  };
  /** The Job's activeDeadlineSeconds. */
  deadlineSeconds: number;
}

export function desiredState(manifests: Manifest[]): DesiredState {
  const configMap = find(manifests, 'ConfigMap', '-bootstrap');
  const text = (configMap.data as Record<string, string> | undefined)?.['bootstrap.yaml'];
  if (text === undefined) throw new Error('the bootstrap ConfigMap has no bootstrap.yaml');
  return parse(text) as DesiredState;
}

/** Fluent Bit unit sizes (32k, 5M, 1G) in bytes. */
export function bytes(size: unknown): number {
  const match = /^(\d+)([kKmMgG]?)[bB]?$/.exec(String(size));
  if (!match) throw new Error(`not a Fluent Bit size: ${String(size)}`);
  const power = { '': 0, k: 1, m: 2, g: 3 }[(match[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * 1024 ** power;
}
