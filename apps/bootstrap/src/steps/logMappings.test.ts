import { describe, expect, it } from 'vitest';
import { appStorage } from './logMappings.js';

describe('log mappings', () => {
  it('name the flat_object parent of a nested app field', () => {
    expect(appStorage('http.response.status_code')).toEqual({ parent: 'http', type: 'flat_object' });
    expect(appStorage('level')).toBeUndefined();
  });
});
