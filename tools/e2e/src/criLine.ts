export interface CriLine {
  /** RFC 3339 time as the runtime wrote it. */
  readonly time: string;
  readonly stream: 'stdout' | 'stderr';
  /** `P` for a piece of a longer line, `F` for a full line or the last piece. */
  readonly tag: 'P' | 'F';
  readonly content: Buffer;
}

const SPACE = 0x20;

/** Parses `<time> <stream> <P|F> <content>` (content may be empty), or undefined when malformed. */
export function parseCriLine(line: Buffer): CriLine | undefined {
  const first = line.indexOf(SPACE);
  const second = first < 0 ? -1 : line.indexOf(SPACE, first + 1);
  if (second < 0) return undefined;
  const time = line.subarray(0, first).toString('latin1');
  const stream = line.subarray(first + 1, second).toString('latin1');
  if (stream !== 'stdout' && stream !== 'stderr') return undefined;
  const tag = line.subarray(second + 1, second + 2).toString('latin1');
  if (tag !== 'P' && tag !== 'F') return undefined;
  const rest = second + 2;
  if (rest < line.length && line[rest] !== SPACE) return undefined;
  if (Number.isNaN(Date.parse(time))) return undefined;
  return { time, stream, tag, content: line.subarray(Math.min(rest + 1, line.length)) };
}

/** `@timestamp` as Fluent Bit's opensearch output writes it: milliseconds, UTC, truncated. */
export function timestampFromCri(time: string): string {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (!match) return new Date(time).toISOString();
  const millis = (match[2] ?? '').padEnd(3, '0').slice(0, 3);
  const date = new Date(`${match[1]}.${millis}${match[3]}`);
  return date.toISOString();
}
