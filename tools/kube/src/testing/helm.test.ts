import { describe, expect, it } from 'vitest';
import { apiWarnings } from './helm.js';

describe('apiWarnings', () => {
  it('finds klog-style and plain API warnings and ignores other output', () => {
    const stderr = [
      'W1201 21:40:00.123456   4242 warnings.go:70] "Warning: would violate PodSecurity \\"restricted:latest\\": hostPath volumes"',
      'Warning: spec.template.spec.containers[0].env[1]: hides previous definition',
      'level=DEBUG msg="creating 3 resource(s)"',
      '',
    ].join('\n');
    expect(apiWarnings(stderr)).toEqual([
      'would violate PodSecurity "restricted:latest": hostPath volumes',
      'spec.template.spec.containers[0].env[1]: hides previous definition',
    ]);
  });
});
