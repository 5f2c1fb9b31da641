import { describe, expect, it } from 'vitest';
import { newRoleMapping, patchedMapping, readOwned, roleMappingPatch } from './roleMappingPatch.js';

const ours = 'arn:aws:iam::111122223333:role/fluent-bit';

/** Applies the operations the way the security plugin does and returns the next mapping. */
function converge(live: Parameters<typeof roleMappingPatch>[0], wanted: Parameters<typeof roleMappingPatch>[1]) {
  return patchedMapping(live, roleMappingPatch(live, wanted));
}

describe('role mapping patch', () => {
  it('creates a missing mapping with our members and records that we own them', () => {
    const created = newRoleMapping({ backend_roles: [ours], users: [] });
    expect(created).toMatchObject({ backend_roles: [ours], users: [], hosts: [], and_backend_roles: [] });
    expect(readOwned(created.description as string)).toEqual({ backend_roles: [ours], users: [] });
  });

  it('only appends single entries, never replaces a list', () => {
    const live = { backend_roles: ['theirs'], users: ['alice'], hosts: ['h1'], description: 'team mapping' };
    const operations = roleMappingPatch(live, { backend_roles: [ours], users: ['loglift-writer'] });
    expect(operations.filter((operation) => operation.path !== '/description')).toEqual([
      { op: 'add', path: '/backend_roles/-', value: ours },
      { op: 'add', path: '/users/-', value: 'loglift-writer' },
    ]);
    expect(operations.every((operation) => operation.op === 'add' || operation.op === 'remove')).toBe(true);
  });

  it('removes only entries it added earlier and no longer wants, highest index first', () => {
    const first = converge({ backend_roles: ['a'], users: [] }, { backend_roles: ['old-1', 'old-2'], users: [] });
    const withTheirs = { ...first, backend_roles: [...(first.backend_roles ?? []), 'theirs'] };
    const operations = roleMappingPatch(withTheirs, { backend_roles: [ours], users: [] });
    expect(operations.slice(0, 2)).toEqual([
      { op: 'remove', path: '/backend_roles/2' },
      { op: 'remove', path: '/backend_roles/1' },
    ]);
    const second = patchedMapping(withTheirs, operations);
    expect(second.backend_roles).toEqual(['a', 'theirs', ours]);
    expect(readOwned(second.description).backend_roles).toEqual([ours]);
  });

  it('does not claim an entry that was already there', () => {
    const merged = converge({ backend_roles: [ours] }, { backend_roles: [ours], users: [] });
    expect(readOwned(merged.description).backend_roles).toEqual([]);
    const later = converge(merged, { backend_roles: [], users: [] });
    expect(later.backend_roles).toEqual([ours]);
  });

  it('sends nothing for a converged mapping', () => {
    const merged = converge({ backend_roles: ['theirs'], users: [] }, { backend_roles: [ours], users: ['w'] });
    expect(roleMappingPatch(merged, { backend_roles: [ours], users: ['w'] })).toEqual([]);
  });

  it('ignores a description it did not write', () => {
    expect(readOwned('set up by the platform team')).toEqual({ backend_roles: [], users: [] });
  });
});
