import { indexMappings } from '@loglift/log-schema';
import { describe, expect, it } from 'vitest';
import { appStorage, buildLogMappings } from './logMappings.js';

describe('log mappings', () => {
  it('are the contract package mappings', () => {
    expect(buildLogMappings()).toEqual(indexMappings());
  });

  it('name the flat_object parent of a nested app field', () => {
    expect(appStorage('http.response.status_code')).toEqual({ parent: 'http', type: 'flat_object' });
    expect(appStorage('level')).toBeUndefined();
  });
});
