import { describe, expect, it } from 'vitest';
import { tokenAuthFile } from './tokenAuthFile.js';

describe('tokenAuthFile', () => {
  it('writes one CSV line per user with the groups quoted', () => {
    expect(tokenAuthFile([{ token: 'abc123', name: 'loglift-admin', groups: ['system:masters', 'ops'] }])).toBe(
      'abc123,loglift-admin,loglift-admin,"system:masters,ops"\n',
    );
  });

  it('refuses a value the CSV cannot carry, naming the field', () => {
    expect(() => tokenAuthFile([{ token: 'a,b', name: 'x', groups: [] }])).toThrow(/token "a,b"/);
    expect(() => tokenAuthFile([{ token: 't', name: 'x', groups: ['a"b'] }])).toThrow(/group "a\\"b"/);
  });
});
