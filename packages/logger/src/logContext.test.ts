import { type Context, type ContextManager, context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { getLogContext, runWithLogContext } from './logContext.js';
import { lineSink } from './testing/lineSink.js';

function setup() {
  const sink = lineSink();
  const logger = createLogger({ handleExit: false, env: {}, destination: sink.stream });
  return { sink, logger };
}

// A synchronous context manager: enough for the API to report an active span inside with().
class StackContextManager implements ContextManager {
  private current: Context = ROOT_CONTEXT;
  active(): Context {
    return this.current;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const previous = this.current;
    this.current = ctx;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.current = previous;
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    return this;
  }
}

describe('log context', () => {
  afterEach(() => {
    context.disable();
  });

  it('adds the context ids to every line inside runWithLogContext, including after awaits', async () => {
    const { sink, logger } = setup();
    await runWithLogContext(
      { requestId: 'r1', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: '01' },
      async () => {
        logger.info('sync');
        await new Promise((resolve) => setTimeout(resolve, 1));
        logger.child({ component: 'db' }).info({ http: { route: '/x' } }, 'after await');
      },
    );
    logger.info('outside');
    const [sync, later, outside] = sink.records();
    for (const record of [sync, later]) {
      expect(record).toMatchObject({
        http: { request: { id: 'r1' } },
        trace_id: 'a'.repeat(32),
        span_id: 'b'.repeat(16),
        trace_flags: '01',
      });
    }
    expect(later).toMatchObject({ component: 'db', http: { route: '/x', request: { id: 'r1' } } });
    expect(outside).not.toHaveProperty('trace_id');
    expect(outside).not.toHaveProperty('http');
  });

  it('nests contexts, the inner one adding to the outer', () => {
    runWithLogContext({ requestId: 'outer', traceId: 't'.repeat(32) }, () => {
      runWithLogContext({ requestId: 'inner' }, () => {
        expect(getLogContext()).toEqual({ requestId: 'inner', traceId: 't'.repeat(32) });
      });
      expect(getLogContext()?.requestId).toBe('outer');
    });
    expect(getLogContext()).toBeUndefined();
  });

  it('keeps ids the call passes itself', () => {
    const { sink, logger } = setup();
    runWithLogContext({ requestId: 'ctx' }, () => logger.info({ http: { request: { id: 'explicit' } } }, 'm'));
    expect(sink.last().http?.request?.id).toBe('explicit');
  });

  it('prefers the active OpenTelemetry span for trace ids', () => {
    const { sink, logger } = setup();
    context.setGlobalContextManager(new StackContextManager());
    const span = trace.wrapSpanContext({ traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), traceFlags: 1 });
    runWithLogContext({ requestId: 'r2', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: '00' }, () => {
      context.with(trace.setSpan(context.active(), span), () => logger.info('in span'));
    });
    expect(sink.last()).toMatchObject({
      http: { request: { id: 'r2' } },
      trace_id: 'c'.repeat(32),
      span_id: 'd'.repeat(16),
      trace_flags: '01',
    });
  });

  it('ignores an invalid OpenTelemetry span context', () => {
    const { sink, logger } = setup();
    context.setGlobalContextManager(new StackContextManager());
    const invalid = trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 });
    context.with(trace.setSpan(context.active(), invalid), () => logger.info('no span'));
    expect(sink.last()).not.toHaveProperty('trace_id');
  });
});
