/** Trace identifiers from a W3C `traceparent` header, in the header's lowercase hex form. */
export interface TraceContext {
  traceId: string;
  spanId: string;
  traceFlags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/**
 * Parses a W3C Trace Context `traceparent` header (version-traceid-parentid-flags). Returns
 * undefined for anything the spec says to ignore: malformed, uppercase, all-zero ids, version ff,
 * or extra fields on version 00.
 */
export function parseTraceparent(header: string | readonly string[] | null | undefined): TraceContext | undefined {
  const value = typeof header === 'string' ? header : undefined;
  if (value === undefined || value.length > 512) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, traceFlags, extra] = match;
  if (version === 'ff' || (version === '00' && extra !== undefined)) return undefined;
  if (traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  return { traceId: traceId as string, spanId: spanId as string, traceFlags: traceFlags as string };
}
