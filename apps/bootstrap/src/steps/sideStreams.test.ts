import { STREAM_MAPPING_SETTINGS, streamIndexMappings } from '@loglift/log-schema';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/loadConfig.js';
import { defaultStream } from '../config/logStreams.js';
import { desiredIsmPolicy } from './ismPolicy.js';
import { desiredSideStreamTemplate, sideLogStream } from './sideStreams.js';

const config = parseConfig({
  apiVersion: 'loglift.io/v1',
  kind: 'BootstrapConfig',
  opensearch: { url: 'https://os:9200' },
  events: { replicas: 0, retention: { deleteAfterDays: 3 } },
});
const events = sideLogStream(config, config.events ?? (undefined as never));

describe('a side stream', () => {
  it('gets a template typed for its documents that wins over the logs template matching its name', () => {
    expect(desiredSideStreamTemplate(events, 'events')).toEqual({
      index_patterns: ['logs-loglift-events*'],
      data_stream: {},
      priority: 239,
      template: {
        settings: { index: { number_of_shards: '1', number_of_replicas: '0', ...STREAM_MAPPING_SETTINGS } },
        mappings: streamIndexMappings('events'),
      },
      _meta: { managed_by: 'loglift-bootstrap' },
    });
    expect(desiredSideStreamTemplate(events, 'events', true).template).toEqual({
      settings: { index: STREAM_MAPPING_SETTINGS },
      mappings: streamIndexMappings('events'),
    });
  });

  it('gets the logs retention shape for its own indices, ahead of the logs policy', () => {
    const { policy } = desiredIsmPolicy(events);
    const logs = desiredIsmPolicy(defaultStream(config)).policy;
    expect(policy.ism_template).toEqual([{ index_patterns: ['logs-loglift-events*'], priority: 239 }]);
    expect(logs.ism_template).toEqual([{ index_patterns: ['logs-loglift*'], priority: 237 }]);
    expect(JSON.stringify(policy.states)).toContain('"min_rollover_age":"3d"');
  });
});
