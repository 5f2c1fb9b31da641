const FIRST_LINES = ['Traceback (most recent call last):', 'panic: ', 'fatal error: ', 'Exception in thread '];
const FRAME_MARKERS = ['\n    at ', '\n\tat ', '\n   at '];

export interface TextError {
  readonly stackTrace: string;
  readonly type?: string;
  readonly message?: string;
}

/**
 * A stack trace printed as text (Fluent Bit's multiline parsers join it into one record): a
 * Python traceback, a Go panic, a JVM's uncaught exception, or an `Error`/`Exception` line
 * followed by `at` frames (Node.js, Java, .NET). Its first line names the type when it reads
 * `Type: message`.
 */
export function detectStackTrace(text: string): TextError | undefined {
  const newline = text.indexOf('\n');
  if (newline === -1) return undefined;
  const first = text.slice(0, newline);
  const known = FIRST_LINES.some((start) => first.startsWith(start));
  const framed =
    (first.includes('Error') || first.includes('Exception')) && FRAME_MARKERS.some((marker) => text.includes(marker));
  if (!known && !framed) return undefined;
  const head = /^([A-Za-z_$][A-Za-z0-9_.$]*): ?(.*)$/.exec(first);
  const type = head?.[1];
  if (type === undefined || !(type.endsWith('Error') || type.endsWith('Exception'))) return { stackTrace: text };
  return { stackTrace: text, type, message: head?.[2] === '' ? undefined : head?.[2] };
}
