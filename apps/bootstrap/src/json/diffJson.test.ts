import { describe, expect, it } from 'vitest';
import { diffJson } from './diffJson.js';
import { jsonEqual, projectLive } from './normalizeJson.js';

describe('desired vs live comparison', () => {
  it('ignores server defaults the desired object does not set', () => {
    const desired = { policy: { states: [{ name: 'hot', actions: [{ rollover: { min_size: '10gb' } }] }] } };
    const live = {
      policy: {
        policy_id: 'p',
        last_updated_time: 1,
        states: [{ name: 'hot', actions: [{ retry: { count: 3 }, rollover: { min_size: '10gb' } }] }],
      },
    };
    expect(jsonEqual(projectLive(live, desired), desired)).toBe(true);
  });

  it('treats string arrays as sets and numbers like their string form', () => {
    expect(jsonEqual({ a: ['x', 'y'], n: 1, b: true }, { a: ['y', 'x'], n: '1', b: 'true' })).toBe(true);
  });

  it('reports additions, removals and changes by path', () => {
    const live = projectLive(
      { perms: ['read', 'write'], states: [{ name: 'a' }, { name: 'extra' }], n: 1 },
      {
        perms: ['read'],
        states: [{ name: 'a' }],
        n: 2,
      },
    );
    expect(diffJson(live, { perms: ['read', 'admin'], states: [{ name: 'a' }], n: 2, m: 'new' })).toEqual([
      { path: 'm', op: 'add', to: 'new' },
      { path: 'n', op: 'change', from: '1', to: '2' },
      { path: 'perms', op: 'remove', from: 'write' },
      { path: 'perms', op: 'add', to: 'admin' },
      { path: 'states[1]', op: 'remove', from: { name: 'extra' } },
    ]);
  });
});
