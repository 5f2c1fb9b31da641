import { describe, expect, it } from 'vitest';
import { mergeRoleMapping, readOwned } from './roleMappings.js';

const ours = 'arn:aws:iam::111122223333:role/fluent-bit';

describe('merge-safe role mapping', () => {
  it('adds our identity and records that we own it', () => {
    const merged = mergeRoleMapping(undefined, { backend_roles: [ours], users: [] });
    expect(merged).toMatchObject({ backend_roles: [ours], users: [], hosts: [], and_backend_roles: [] });
    expect(readOwned(merged.description as string)).toEqual({ backend_roles: [ours], users: [] });
  });

  it('keeps entries someone else added', () => {
    const live = { backend_roles: ['theirs'], users: ['alice'], hosts: ['h1'] };
    const merged = mergeRoleMapping(live, { backend_roles: [ours], users: ['loglift-writer'] });
    expect(merged).toMatchObject({
      backend_roles: ['theirs', ours],
      users: ['alice', 'loglift-writer'],
      hosts: ['h1'],
    });
  });

  it('removes only entries it added earlier and no longer wants', () => {
    const first = mergeRoleMapping({ backend_roles: ['theirs'] }, { backend_roles: ['old-arn'], users: [] });
    const second = mergeRoleMapping(first as never, { backend_roles: [ours], users: [] });
    expect(second.backend_roles).toEqual(['theirs', ours]);
    expect(readOwned(second.description as string).backend_roles).toEqual([ours]);
  });

  it('does not claim an entry that was already there', () => {
    const merged = mergeRoleMapping({ backend_roles: [ours] }, { backend_roles: [ours], users: [] });
    expect(readOwned(merged.description as string).backend_roles).toEqual([]);
    const later = mergeRoleMapping(merged as never, { backend_roles: [], users: [] });
    expect(later.backend_roles).toEqual([ours]);
  });

  it('ignores a description it did not write', () => {
    expect(readOwned('set up by the platform team')).toEqual({ backend_roles: [], users: [] });
  });
});
