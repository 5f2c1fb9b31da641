import { appFields, type FieldType, valueMatchesType } from '@loglift/log-schema';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { httpLogger } from './httpLogger.js';
import { runWithLogContext } from './logContext.js';
import { lineSink } from './testing/lineSink.js';

const contract = new Map<string, FieldType>(appFields.map((field) => [field.path, field.type]));
// The cause chain is app data, searchable under app.error.cause.*, not a typed contract field.
contract.set('error.cause', 'flat_object');

function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && contract.get(prefix) !== 'flat_object') {
    for (const [key, item] of Object.entries(value)) leaves(item, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

describe('fields the logger writes', () => {
  it('are all contract fields, with the contract types, across every kind of line', async () => {
    const sink = lineSink();
    const logger = createLogger({
      handleExit: false,
      maxLineBytes: 2_000,
      destination: sink.stream,
      env: {
        OTEL_SERVICE_NAME: 's',
        SERVICE_VERSION: '1',
        DEPLOYMENT_ENVIRONMENT: 'e',
        POD_NAME: 'p',
        POD_NAMESPACE: 'n',
        NODE_NAME: 'x',
      },
    });
    const app = express();
    app.use(httpLogger({ logger }));
    app.get('/api/tasks/:id', (_req, res) => {
      logger.info('inside');
      res.status(500).send('no');
    });
    await request(app)
      .get('/api/tasks/1')
      .set('traceparent', `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`)
      .set('user-agent', 'ua');
    runWithLogContext({ requestId: 'r' }, () =>
      logger.error(Object.assign(new Error('e', { cause: new Error('c') }), { code: 'E_X' })),
    );
    logger.info('m'.repeat(5_000));

    const seen = new Set<string>();
    for (const record of sink.records()) {
      for (const [path, value] of leaves(record)) {
        const type = contract.get(path);
        expect(type, `${path} is not in the contract`).toBeDefined();
        expect(valueMatchesType(value, type as FieldType), `${path}=${JSON.stringify(value)} is not ${type}`).toBe(
          true,
        );
        seen.add(path);
      }
    }
    // Every contract field shows up in at least one of these lines.
    expect([...contract.keys()].filter((path) => !seen.has(path))).toEqual([]);
  });

  it('moves values that would not fit a contract type aside instead of writing them', () => {
    const sink = lineSink();
    const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream });
    logger.info(
      {
        service: 'billing',
        http: { response: { status_code: 'ok' }, route: { bad: true } },
        trace_id: { x: 1 },
        url: 'x',
      },
      'm',
    );
    const record = sink.last() as Record<string, unknown>;
    expect(record).toMatchObject({
      service: { name: 'unknown_service:node' },
      service_: 'billing',
      http: { response: { status_code_: 'ok' }, route_: { bad: true } },
      trace_id_: { x: 1 },
      url_: 'x',
    });
    expect(record).not.toHaveProperty('trace_id');
    expect(record).not.toHaveProperty('url');
  });
});
