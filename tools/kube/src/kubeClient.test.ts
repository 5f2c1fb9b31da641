import { describe, expect, it } from 'vitest';
import { warningText } from './kubeClient.js';

describe('warningText', () => {
  it('unwraps and unescapes the text of a Warning header', () => {
    expect(warningText('299 - "would violate PodSecurity \\"restricted:latest\\": hostPath volumes"')).toBe(
      'would violate PodSecurity "restricted:latest": hostPath volumes',
    );
  });

  it('keeps a header that is not in the RFC 7234 shape as it is', () => {
    expect(warningText('something odd')).toBe('something odd');
  });
});
