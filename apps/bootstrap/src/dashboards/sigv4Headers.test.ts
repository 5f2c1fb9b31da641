import { describe, expect, it } from 'vitest';
import { sigv4Headers } from './sigv4Headers.js';

// From the AWS Signature Version 4 test suite (get-vanilla, post-vanilla).
const suite = {
  region: 'us-east-1',
  service: 'service',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  signingDate: new Date('2015-08-30T12:36:00Z'),
  contentSha256: false,
};

describe('SigV4 signing', () => {
  it('matches the get-vanilla known answer', async () => {
    const headers = await sigv4Headers({
      ...suite,
      url: new URL('https://example.amazonaws.com/'),
      method: 'GET',
      headers: {},
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('matches the post-vanilla known answer', async () => {
    const headers = await sigv4Headers({
      ...suite,
      url: new URL('https://example.amazonaws.com/'),
      method: 'POST',
      headers: {},
    });
    expect(headers.authorization).toMatch(
      /Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b$/,
    );
  });

  it('signs the body hash and session token for Dashboards requests', async () => {
    const headers = await sigv4Headers({
      url: new URL('https://search-x.eu-west-1.es.amazonaws.com/_dashboards/api/status'),
      method: 'POST',
      headers: { 'osd-xsrf': 'true' },
      body: Buffer.from('{}'),
      region: 'eu-west-1',
      service: 'es',
      credentials: { ...suite.credentials, sessionToken: 'token' },
    });
    expect(headers['x-amz-content-sha256']).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(headers['x-amz-security-token']).toBe('token');
    expect(headers.authorization).toMatch(
      /Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/es\/aws4_request, SignedHeaders=[^,]*osd-xsrf/,
    );
  });
});
