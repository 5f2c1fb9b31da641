import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EVENTS_SCRIPT_PATH,
  eventsScript,
  LIFT_SCRIPT_PATH,
  liftScript,
  liftTables,
  NOISE_SCRIPT_PATH,
  noiseFields,
  noiseScript,
} from '../scripts/liftScript.js';
import { luaLiteral } from '../scripts/luaLiteral.js';

describe('files/lift.lua', () => {
  it('is what the generator writes from the contract and the engine', () => {
    expect(readFileSync(LIFT_SCRIPT_PATH, 'utf8') === liftScript(), 'run `npx nx run @loglift/chart:lift`').toBe(true);
  });

  it('carries the contract tables the engine runs', () => {
    const tables = liftTables();
    expect(tables.mergeKey).toBe('app');
    expect(tables.rootNames).toContain('loglift');
    expect(liftScript()).toContain(`local LIFT = ${luaLiteral(tables)}`);
  });
});

describe('files/noise.lua', () => {
  it('is what the generator writes from the contract and lua/noise.lua', () => {
    expect(readFileSync(NOISE_SCRIPT_PATH, 'utf8') === noiseScript(), 'run `npx nx run @loglift/chart:lift`').toBe(
      true,
    );
  });

  it('reads and writes the contract paths of the access log and the rate-limit summary', () => {
    expect(noiseFields()).toEqual({
      status: 'http.response.status_code',
      userAgent: 'user_agent.original',
      urlPath: 'url.path',
      dropped: 'loglift.rate_limit.dropped',
      interval: 'loglift.rate_limit.interval_seconds',
    });
    expect(noiseScript()).toContain(`local NOISE_FIELDS = ${luaLiteral(noiseFields())}`);
  });
});

describe('files/events.lua', () => {
  it('is lua/events.lua as the generator copies it', () => {
    expect(readFileSync(EVENTS_SCRIPT_PATH, 'utf8') === eventsScript(), 'run `npx nx run @loglift/chart:lift`').toBe(
      true,
    );
  });
});

describe('luaLiteral', () => {
  it('writes maps, sequences and quoted keys', () => {
    expect(luaLiteral({ a: 1, 'b.c': [true, 'x'], end: {} })).toBe(
      '{\n  a = 1,\n  ["b.c"] = {\n    true,\n    "x",\n  },\n  ["end"] = {},\n}',
    );
  });

  it('escapes quotes, backslashes, control and non-ASCII bytes', () => {
    expect(luaLiteral('a"b\\c\n\u00e9')).toBe('"a\\034b\\092c\\010\\195\\169"');
  });

  it('refuses what Lua cannot hold', () => {
    expect(() => luaLiteral(Number.NaN)).toThrow('NaN has no Lua literal');
    expect(() => luaLiteral(null)).toThrow('null has no Lua literal');
  });
});
