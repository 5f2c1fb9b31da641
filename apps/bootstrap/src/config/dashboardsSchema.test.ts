import { describe, expect, it } from 'vitest';
import { parseConfig } from './loadConfig.js';

const parse = (dashboards: Record<string, unknown>) =>
  parseConfig({
    apiVersion: 'loglift.io/v1',
    kind: 'BootstrapConfig',
    opensearch: { url: 'http://127.0.0.1:1' },
    dashboards: { url: 'http://127.0.0.1:2', ...dashboards },
  });

describe('the dashboards section', () => {
  it('imports the shipped content and no files by default', () => {
    expect(parse({}).dashboards).toMatchObject({ builtinContent: true, savedObjectsFiles: [] });
  });

  it.each(['private', 'Private', '__user__'])('refuses %s: the private tenant of the hook identity', (tenant) => {
    expect(() => parse({ tenants: [tenant] })).toThrow(
      /dashboards\.tenants\.0: is the private tenant of the hook's own identity/,
    );
  });

  it('refuses a tenant listed twice', () => {
    expect(() => parse({ tenants: ['team-a', 'global', 'team-a'] })).toThrow(/dashboards\.tenants: lists team-a twice/);
  });

  it('refuses the shipped content without an index pattern to build on', () => {
    expect(() => parse({ indexPatterns: [] })).toThrow(/dashboards\.builtinContent: needs an index pattern/);
    expect(parse({ indexPatterns: [], builtinContent: false }).dashboards?.builtinContent).toBe(false);
  });
});
