import { describe, expect, it } from 'vitest';
import { parseTraceparent } from './parseTraceparent.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('parses a version 00 header', () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: '01' });
  });

  it('accepts future versions with extra fields', () => {
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-00-what-comes-next`)).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: '00',
    });
  });

  it.each([
    ['undefined', undefined],
    ['an array (repeated header)', [`00-${TRACE}-${SPAN}-01`, `00-${TRACE}-${SPAN}-01`]],
    ['empty', ''],
    ['uppercase hex', `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN}-01`],
    ['an all-zero span id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE}-${SPAN}-01`],
    ['extra fields on version 00', `00-${TRACE}-${SPAN}-01-extra`],
    ['a short trace id', `00-${TRACE.slice(1)}-${SPAN}-01`],
    ['garbage', 'not a traceparent'],
    ['a huge value', `00-${TRACE}-${SPAN}-01-${'x'.repeat(10_000)}`],
  ])('rejects %s', (_name, header) => {
    expect(parseTraceparent(header as string | undefined)).toBeUndefined();
  });
});
