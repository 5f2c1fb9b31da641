import { readFileSync } from 'node:fs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { Client, type ClientOptions, Transport } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import type { BootstrapConfig } from '../config/schema.js';
import { withWriteCounter } from './countingTransport.js';
import { OpenSearch } from './openSearch.js';
import { WriteCounter } from './writeCounter.js';

export type OpenSearchSettings = BootstrapConfig['opensearch'];

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

export interface CreateOpenSearchOptions {
  /** Required for `auth: basic`. */
  readonly credentials?: BasicCredentials;
  readonly counter?: WriteCounter;
  /** Overrides the AWS default credential chain (tests). */
  readonly awsCredentials?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  readonly requestTimeoutMs?: number;
}

/** Builds a client for basic, SigV4 (es/aoss) or no auth, with an optional CA file. */
export function createOpenSearch(settings: OpenSearchSettings, options: CreateOpenSearchOptions = {}): OpenSearch {
  const counter = options.counter ?? new WriteCounter();
  const clientOptions: ClientOptions = {
    node: settings.url,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    ssl: {
      rejectUnauthorized: settings.tlsVerify,
      ...(settings.caFile ? { ca: readFileSync(settings.caFile) } : {}),
    },
  };
  let BaseTransport: typeof Transport = Transport;
  if (settings.auth === 'basic') {
    if (!options.credentials) throw new Error('basic auth needs a username and password');
    clientOptions.auth = { username: options.credentials.username, password: options.credentials.password };
  } else if (settings.auth === 'aws-sigv4') {
    if (!settings.aws) throw new Error('aws-sigv4 auth needs opensearch.aws.region');
    const signer = AwsSigv4Signer({
      region: settings.aws.region,
      service: settings.aws.service,
      // The default chain covers env keys, IRSA web identity, Pod Identity, SSO and instance roles.
      getCredentials: options.awsCredentials ?? fromNodeProviderChain(),
    });
    clientOptions.Connection = signer.Connection;
    BaseTransport = signer.Transport;
  }
  clientOptions.Transport = withWriteCounter(BaseTransport, counter);
  return new OpenSearch(new Client(clientOptions), counter);
}
