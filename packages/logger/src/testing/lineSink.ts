import type { LogRecord } from '@loglift/log-schema';

/** A destination that keeps every line written, for tests that assert on parsed records. */
export interface LineSink {
  stream: { write(line: string): void };
  lines: string[];
  /** Every line parsed, after checking it is exactly one newline-terminated JSON line. */
  records(): LogRecord[];
  last(): LogRecord;
}

export function lineSink(): LineSink {
  const lines: string[] = [];
  const records = (): LogRecord[] =>
    lines.map((line) => {
      if (!line.endsWith('\n') || line.indexOf('\n') !== line.length - 1) {
        throw new Error(`not a single newline-terminated line: ${JSON.stringify(line.slice(0, 200))}`);
      }
      return JSON.parse(line) as LogRecord;
    });
  return {
    stream: { write: (line: string) => void lines.push(line) },
    lines,
    records,
    last: () => {
      const all = records();
      const record = all[all.length - 1];
      if (record === undefined) throw new Error('no line was written');
      return record;
    },
  };
}
