import { describe, expect, it } from 'vitest';
import { KEYWORD_IGNORE_ABOVE } from '../indexMappings.js';
import { streamFields, streamIndexMappings } from './streamMappings.js';

const keyword = { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE };
const date = { type: 'date', format: 'strict_date_optional_time||epoch_millis' };

describe('streamIndexMappings', () => {
  it('types the Event fields people filter and chart on, and indexes nothing else', () => {
    const mappings = streamIndexMappings('events');
    expect(mappings).toMatchObject({
      dynamic: 'false',
      _meta: { loglift_stream: 'events', loglift_stream_schema: 1 },
      properties: {
        reason: keyword,
        type: keyword,
        message: { type: 'text' },
        count: { type: 'long' },
        firstTimestamp: date,
        lastTimestamp: date,
        involvedObject: { properties: { kind: keyword, name: keyword, namespace: keyword } },
        metadata: { properties: { namespace: keyword } },
        reportingComponent: keyword,
        source: { properties: { component: keyword, host: keyword } },
      },
    });
    expect(JSON.stringify(mappings)).not.toContain('managedFields');
  });

  it('types journal entries and audit events in the node stream', () => {
    expect(streamIndexMappings('node')).toMatchObject({
      dynamic: 'false',
      _meta: { loglift_stream: 'node' },
      properties: {
        node: keyword,
        source: keyword,
        systemd_unit: keyword,
        priority: { type: 'long' },
        verb: keyword,
        user: { properties: { username: keyword, groups: keyword } },
        objectRef: { properties: { resource: keyword, namespace: keyword } },
        responseStatus: { properties: { code: { type: 'long' } } },
        stageTimestamp: date,
      },
    });
  });

  it('names each field once per stream', () => {
    for (const kind of ['events', 'node'] as const) {
      const paths = streamFields(kind).map((field) => field.path);
      expect(new Set(paths).size, kind).toBe(paths.length);
    }
  });
});
