import { describe, expect, it } from 'vitest';
import { MINIMAL_CONFIG, problemsOf } from '../testing/configProblems.js';
import { parseConfig } from './loadConfig.js';

const minimal = MINIMAL_CONFIG;

describe('the events and node log streams in the desired state', () => {
  it('are absent unless configured, and get their own names and a shorter retention by default', () => {
    expect(parseConfig(minimal).events).toBeUndefined();
    const config = parseConfig({ ...minimal, events: {}, nodeLogs: {} });
    expect(config.events).toEqual({
      dataStream: 'logs-loglift-events',
      template: 'loglift-events',
      shards: 1,
      replicas: 1,
      retention: { policy: 'loglift-events-retention', deleteAfterDays: 7, rolloverAge: '1d', rolloverSize: '10gb' },
    });
    expect(config.nodeLogs).toMatchObject({
      dataStream: 'logs-loglift-node',
      template: 'loglift-node-logs',
      retention: { policy: 'loglift-node-logs-retention' },
    });
  });

  it('must be named below the logs stream, so the writer and reader roles cover them', () => {
    expect(problemsOf({ ...minimal, events: { dataStream: 'k8s-events' } })).toEqual([
      'events.dataStream: must start with "logs-loglift-" so the writer and reader roles cover it',
    ]);
  });

  it('must not reuse the names of the logs template and policy or of each other', () => {
    expect(
      problemsOf({
        ...minimal,
        events: { template: 'loglift-logs' },
        nodeLogs: { dataStream: 'logs-loglift-events', retention: { policy: 'loglift-events-retention' } },
      }),
    ).toEqual([
      'events.template: must differ from logs.template (loglift-logs)',
      'nodeLogs.dataStream: must differ from events.dataStream (logs-loglift-events)',
      'nodeLogs.retention.policy: must differ from events.retention.policy (loglift-events-retention)',
    ]);
  });

  it('refuses unknown keys and bad retention values with the path named', () => {
    expect(problemsOf({ ...minimal, events: { retention: { deleteAfterDays: 0 } }, nodeLogs: { units: [] } })).toEqual([
      'events.retention.deleteAfterDays: Too small: expected number to be >0',
      'nodeLogs.units: unknown key',
    ]);
  });
});
