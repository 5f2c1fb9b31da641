import { describe, expect, it } from 'vitest';
import { toFilters } from './options.js';
import { substringGlob } from './substringGlob.js';

describe('substringGlob', () => {
  it('finds plain text anywhere in a name and keeps globs and regular expressions', () => {
    expect(substringGlob('task-service')).toBe('*task-service*');
    expect(substringGlob('api-*')).toBe('api-*');
    expect(substringGlob('/^api-/')).toBe('/^api-/');
    expect(substringGlob('a\\b')).toBe('*a\\\\b*');
  });

  it('applies to --pod, --exclude-pod, --container and --namespace', () => {
    expect(toFilters({ pod: ['task'], excludePod: ['/canary$/'], container: ['app'], namespace: ['shop'] })).toEqual({
      pod: ['*task*'],
      excludePod: ['/canary$/'],
      container: ['*app*'],
      namespace: ['*shop*'],
    });
  });
});
