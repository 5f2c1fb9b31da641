import { readFileSync } from 'node:fs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { Client, type ClientOptions } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import { InvalidInputError } from './errors.js';
import { LogClient } from './logClient.js';

export type AuthOptions =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  /** SigV4 with the AWS default credential chain (env, IRSA, Pod Identity, profile, ...). */
  | { readonly type: 'aws-sigv4'; readonly region: string; readonly service?: 'es' | 'aoss' };

export interface ConnectionOptions {
  /** e.g. `https://opensearch.example.com:9200`. */
  readonly url: string;
  readonly auth?: AuthOptions;
  /** PEM file of the CA that signed the cluster's certificate. */
  readonly caFile?: string;
  /** Set false to skip certificate verification (test clusters only). */
  readonly tlsVerify?: boolean;
  /** Data stream, index or pattern to read; default `logs-loglift`. */
  readonly index?: string;
  /** Per request, default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Retries on 429/502/503/504 with exponential backoff, default 3. */
  readonly maxRetries?: number;
  /** First backoff delay, doubled on each retry (with jitter), default 250 ms. */
  readonly retryDelayMs?: number;
  /** Called every 5 s while a request waits for its answer, e.g. to tell a person why it is slow. */
  readonly onWaiting?: (waiting: { readonly url: string; readonly elapsedMs: number }) => void;
}

export const DEFAULT_INDEX = 'logs-loglift';

/** Connects to OpenSearch; nothing is sent until the first request. */
export function createClient(options: ConnectionOptions): LogClient {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new InvalidInputError(`invalid OpenSearch URL "${options.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError(`OpenSearch URL must start with http:// or https://, got "${options.url}"`);
  }
  const auth = options.auth ?? { type: 'none' };
  const clientOptions: ClientOptions = {
    node: url.toString(),
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    // Retries are ours (backoff, only on 429/502/503/504); the client's would retry too eagerly.
    maxRetries: 0,
    ssl: { rejectUnauthorized: options.tlsVerify ?? true, ...(options.caFile ? { ca: readCa(options.caFile) } : {}) },
  };
  if (auth.type === 'basic') clientOptions.auth = { username: auth.username, password: auth.password };
  if (auth.type === 'aws-sigv4') {
    if (!auth.region) throw new InvalidInputError('aws-sigv4 needs a region');
    const credentials = fromNodeProviderChain();
    Object.assign(
      clientOptions,
      AwsSigv4Signer({ region: auth.region, service: auth.service ?? 'es', getCredentials: () => credentials() }),
    );
  }
  return new LogClient(new Client(clientOptions), {
    url: `${url.protocol}//${url.host}`,
    index: options.index ?? DEFAULT_INDEX,
    username: auth.type === 'basic' ? auth.username : undefined,
    caFile: options.caFile,
    onWaiting: options.onWaiting,
    maxRetries: options.maxRetries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 250,
  });
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`cannot read CA file "${file}": ${(error as Error).message}`);
  }
}
