import { describe, expect, it } from 'vitest';
import { bucketsToRequest, dropPlaceholderBuckets } from './flatObjectBuckets.js';

describe('flat_object buckets', () => {
  it('drops the placeholder keys OpenSearch returns for sibling subfields and keeps top real ones', () => {
    const buckets = [
      { key: 'java.lang.Object@6139b12a', doc_count: 12 },
      { key: 'task-service', doc_count: 12 },
      { key: 'java.lang.Object@1f2e3d4c', doc_count: 12 },
      { key: 'billing', doc_count: 3 },
      { key: 'search', doc_count: 1 },
    ];
    expect(dropPlaceholderBuckets('app.service.name', buckets, 2).map((b) => b.key)).toEqual([
      'task-service',
      'billing',
    ]);
    expect(bucketsToRequest('app.service.name', 10)).toBe(40);
  });

  it('leaves keyword fields alone', () => {
    const buckets = [{ key: 'java.lang.Object@6139b12a', doc_count: 1 }];
    expect(dropPlaceholderBuckets('kubernetes.pod_name', buckets, 5)).toEqual(buckets);
    expect(bucketsToRequest('kubernetes.pod_name', 10)).toBe(10);
  });
});
