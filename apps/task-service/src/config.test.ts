import { describe, expect, it } from 'vitest';
import { readServiceConfig, ServiceConfigError } from './config.js';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    readServiceConfig(env);
  } catch (err) {
    if (err instanceof ServiceConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ServiceConfigError');
}

describe('readServiceConfig', () => {
  it('uses documented defaults for an empty environment', () => {
    expect(readServiceConfig({})).toEqual({
      port: 8080,
      host: undefined,
      logLevel: 'info',
      logRequests: true,
      bodyLimit: '100kb',
      shutdownGraceMs: 10_000,
      shutdownDelayMs: 0,
      enableFaults: false,
      service: { name: 'task-service', version: undefined, environment: undefined },
      k8s: { podName: undefined, namespace: undefined, nodeName: undefined },
    });
  });

  it('reads every variable', () => {
    const config = readServiceConfig({
      PORT: '9090',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      LOG_REQUESTS: 'false',
      BODY_LIMIT: '1 MB',
      SHUTDOWN_GRACE_MS: '2500',
      SHUTDOWN_DELAY_MS: '100',
      ENABLE_FAULTS: 'true',
      OTEL_SERVICE_NAME: 'tasks',
      SERVICE_VERSION: '0.1.0',
      DEPLOYMENT_ENVIRONMENT: 'staging',
      POD_NAME: 'tasks-7d9f',
      POD_NAMESPACE: 'demo',
      NODE_NAME: 'node-1',
    });
    expect(config).toEqual({
      port: 9090,
      host: '127.0.0.1',
      logLevel: 'debug',
      logRequests: false,
      bodyLimit: '1mb',
      shutdownGraceMs: 2500,
      shutdownDelayMs: 100,
      enableFaults: true,
      service: { name: 'tasks', version: '0.1.0', environment: 'staging' },
      k8s: { podName: 'tasks-7d9f', namespace: 'demo', nodeName: 'node-1' },
    });
  });

  it('treats empty variables as unset', () => {
    expect(readServiceConfig({ PORT: '', OTEL_SERVICE_NAME: ' ' })).toMatchObject({
      port: 8080,
      service: { name: 'task-service' },
    });
  });

  it('names every invalid variable and its value in one error', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'verbose',
      BODY_LIMIT: 'lots',
      SHUTDOWN_GRACE_MS: '-1',
      ENABLE_FAULTS: 'maybe',
    });
    expect(problems.map((problem) => problem.split('=')[0])).toEqual([
      'PORT',
      'LOG_LEVEL',
      'BODY_LIMIT',
      'SHUTDOWN_GRACE_MS',
      'ENABLE_FAULTS',
    ]);
    expect(problems[0]).toContain('"eighty"');
    expect(problems[2]).toContain('byte size');
  });

  it('rejects ports outside 0-65535 and fractional numbers', () => {
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT=/);
    expect(problemsOf({ SHUTDOWN_GRACE_MS: '1.5' })[0]).toMatch(/^SHUTDOWN_GRACE_MS=/);
  });
});
