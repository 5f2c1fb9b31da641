import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_CONFIG, problemsOf } from '../testing/configProblems.js';
import { loadConfig, parseConfig } from './loadConfig.js';

const minimal = MINIMAL_CONFIG;

describe('desired-state config', () => {
  it('fills the agreed default names', () => {
    const config = parseConfig(minimal);
    expect(config.logs).toEqual({
      dataStream: 'logs-loglift',
      template: 'loglift-logs',
      templatePriority: 237,
      shards: 1,
      replicas: 1,
      retention: {
        policy: 'loglift-logs-retention',
        deleteAfterDays: 14,
        rolloverAge: '1d',
        rolloverSize: '10gb',
        templatePriority: 237,
      },
    });
    expect(config.security.writerRole).toBe('loglift-writer');
    expect(config.security.readerRole).toBe('loglift-reader');
    expect(config.opensearch).toMatchObject({ auth: 'basic', tlsVerify: true, waitSeconds: 240 });
    expect(config.dashboards).toBeUndefined();
  });

  it('lower-cases the rollover size, the form ISM stores and returns', () => {
    expect(parseConfig({ ...minimal, logs: { retention: { rolloverSize: '50GB' } } }).logs.retention.rolloverSize).toBe(
      '50gb',
    );
  });

  it('refuses waits for OpenSearch and Dashboards that do not end before the Job deadline', () => {
    expect(
      problemsOf({
        ...minimal,
        opensearch: { ...minimal.opensearch, waitSeconds: 240 },
        dashboards: { url: 'https://dash', waitSeconds: 120 },
        deadlineSeconds: 300,
      }),
    ).toEqual([
      'deadlineSeconds: opensearch.waitSeconds (240) + dashboards.waitSeconds (120) = 360 must be less than deadlineSeconds (300), so the run reports a timeout before the Job is killed',
    ]);
    expect(problemsOf({ ...minimal, deadlineSeconds: 240 })).toEqual([
      'deadlineSeconds: opensearch.waitSeconds (240) must be less than deadlineSeconds (240), so the run reports a timeout before the Job is killed',
    ]);
    expect(
      parseConfig({ ...minimal, dashboards: { url: 'https://dash', waitSeconds: 120 }, deadlineSeconds: 600 })
        .deadlineSeconds,
    ).toBe(600);
  });

  it('defaults the dashboards index pattern to the agreed id and title', () => {
    const config = parseConfig({ ...minimal, dashboards: { url: 'https://dash' } });
    expect(config.dashboards?.tenants).toEqual(['global']);
    expect(config.dashboards?.indexPatterns).toEqual([
      { id: 'loglift-logs', title: 'logs-loglift*', timeFieldName: '@timestamp', default: true },
    ]);
  });

  it('names every bad field, including unknown keys', () => {
    const problems = problemsOf({
      ...minimal,
      opensearch: { url: 'ftp://x', auth: 'kerberos', extra: 1 },
      logs: { retention: { deleteAfterDays: -1, rolloverSize: 'big' } },
      surprise: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^opensearch\.url: /),
        expect.stringMatching(/^opensearch\.auth: /),
        'opensearch.extra: unknown key',
        expect.stringMatching(/^logs\.retention\.deleteAfterDays: /),
        expect.stringMatching(/^logs\.retention\.rolloverSize: must be a size/),
        'surprise: unknown key',
      ]),
    );
  });

  it('requires aws settings for SigV4', () => {
    expect(problemsOf({ ...minimal, opensearch: { url: 'https://x', auth: 'aws-sigv4' } })).toEqual([
      'opensearch.aws: is required when auth is aws-sigv4',
    ]);
  });

  it('rejects two default index patterns', () => {
    const dashboards = {
      url: 'https://d',
      indexPatterns: [
        { id: 'a', title: 'a*', default: true },
        { id: 'b', title: 'b*', default: true },
      ],
    };
    expect(problemsOf({ ...minimal, dashboards })).toEqual([
      'dashboards.indexPatterns: at most one index pattern may be default',
    ]);
  });

  it('reads YAML files and reports unreadable ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loglift-config-'));
    const file = join(dir, 'bootstrap.yaml');
    await writeFile(
      file,
      'apiVersion: loglift.io/v1\nkind: BootstrapConfig\nopensearch:\n  url: http://127.0.0.1:9200\n  auth: none\n',
    );
    expect((await loadConfig(file)).opensearch.auth).toBe('none');
    await expect(loadConfig(join(dir, 'missing.yaml'))).rejects.toThrow(/cannot read file/);
    await writeFile(file, 'a: [1,');
    await expect(loadConfig(file)).rejects.toThrow(/not valid YAML/);
  });
});
