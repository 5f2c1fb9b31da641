import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface SignInput {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  readonly region: string;
  readonly service: string;
  readonly credentials: AwsCredentials | (() => Promise<AwsCredentials>);
  readonly signingDate?: Date;
  /** Adds x-amz-content-sha256 (default true; the AWS test vectors sign without it). */
  readonly contentSha256?: boolean;
}

/** Signs a request with AWS SigV4 (@smithy/signature-v4) and returns the headers to send. */
export async function sigv4Headers(input: SignInput): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: input.credentials,
    region: input.region,
    service: input.service,
    sha256: Sha256,
    applyChecksum: input.contentSha256 ?? true,
  });
  const query: Record<string, string> = {};
  for (const [key, value] of input.url.searchParams) query[key] = value;
  const signed = await signer.sign(
    {
      method: input.method,
      protocol: input.url.protocol,
      hostname: input.url.hostname,
      ...(input.url.port ? { port: Number(input.url.port) } : {}),
      path: input.url.pathname,
      query,
      headers: { ...input.headers, host: input.url.host },
      ...(input.body ? { body: input.body } : {}),
    },
    input.signingDate ? { signingDate: input.signingDate } : {},
  );
  return signed.headers;
}
