import { createRequire } from 'node:module';
import type { TraceContext } from './parseTraceparent.js';

// The subset of @opentelemetry/api used here, typed locally so the package has no type
// dependency on an optional peer.
interface SpanContextLike {
  traceId: string;
  spanId: string;
  traceFlags: number;
}
interface OtelTraceApi {
  trace: {
    getActiveSpan(): { spanContext(): SpanContextLike } | undefined;
    isSpanContextValid(context: SpanContextLike): boolean;
  };
}

function loadOtel(): OtelTraceApi | undefined {
  try {
    const api = createRequire(import.meta.url)('@opentelemetry/api') as Partial<OtelTraceApi>;
    if (typeof api.trace?.getActiveSpan === 'function' && typeof api.trace.isSpanContextValid === 'function') {
      return api as OtelTraceApi;
    }
  } catch {
    // Optional peer dependency: without it, trace ids come from the traceparent header only.
  }
  return undefined;
}

const otel = loadOtel();

/** The active OpenTelemetry span's ids, when @opentelemetry/api is installed and a span is active. */
export function activeSpanContext(): TraceContext | undefined {
  if (otel === undefined) return undefined;
  try {
    const context = otel.trace.getActiveSpan()?.spanContext();
    if (context === undefined || !otel.trace.isSpanContextValid(context)) return undefined;
    return {
      traceId: context.traceId,
      spanId: context.spanId,
      traceFlags: (context.traceFlags & 0xff).toString(16).padStart(2, '0'),
    };
  } catch {
    return undefined;
  }
}
