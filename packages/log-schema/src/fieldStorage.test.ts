import { describe, expect, it } from 'vitest';
import { fieldStorage, flatObjectParents } from './fieldStorage.js';

describe('fieldStorage', () => {
  it('keeps top-level app fields at their contract type', () => {
    expect(fieldStorage('app.level')).toEqual({ path: 'app.level', contractType: 'keyword', indexedAs: 'keyword' });
    expect(fieldStorage('app.time')?.indexedAs).toBe('date');
  });

  it('stores fields under a contract parent inside a flat_object, queried as strings', () => {
    expect(fieldStorage('app.http.response.status_code')).toEqual({
      path: 'app.http.response.status_code',
      contractType: 'long',
      indexedAs: 'keyword',
      flatObject: 'app.http',
    });
  });

  it('leaves pipeline fields alone', () => {
    expect(fieldStorage('kubernetes.pod_name')?.indexedAs).toBe('keyword');
    expect(fieldStorage('@timestamp')?.indexedAs).toBe('date');
  });

  it('lists each parent once', () => {
    expect(flatObjectParents).toContain('app.error');
    expect(new Set(flatObjectParents).size).toBe(flatObjectParents.length);
    expect(flatObjectParents).not.toContain('app.level');
  });

  it('returns undefined for fields outside the contract', () => {
    expect(fieldStorage('app.order.id')).toBeUndefined();
  });
});
