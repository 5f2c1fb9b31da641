import type { MultilineParser } from './multilineRules.js';

export interface JoinedLine<T> {
  /** The first line's own data (time, stream, ...). */
  readonly first: T;
  readonly text: string;
  readonly lines: number;
}

interface Group<T> {
  parser: MultilineParser;
  state: string;
  first: T;
  lines: string[];
  lastAt: number;
}

/**
 * Joins lines the way Fluent Bit's multiline filter applies regex parsers: a line matching a
 * parser's `start_state` rule opens a group; while each next line matches a rule of the current
 * state it is appended; any other line, or `flushTimeoutMs` without a line, closes the group.
 * Lines no parser starts pass through alone.
 */
export class MultilineJoiner<T> {
  private group: Group<T> | undefined;

  constructor(
    private readonly parsers: readonly MultilineParser[],
    private readonly emit: (joined: JoinedLine<T>) => void,
  ) {}

  push(text: string, data: T, now = Date.now()): void {
    const group = this.group;
    if (group) {
      const next = group.state === 'start_state' ? undefined : this.match(group.parser, group.state, text);
      if (next !== undefined) {
        group.lines.push(text);
        group.state = next;
        group.lastAt = now;
        return;
      }
      this.flush();
    }
    for (const parser of this.parsers) {
      const next = this.match(parser, 'start_state', text);
      if (next !== undefined) {
        this.group = { parser, state: next, first: data, lines: [text], lastAt: now };
        return;
      }
    }
    this.emit({ first: data, text, lines: 1 });
  }

  /** Closes the open group when its parser's flush timeout passed without a new line. */
  tick(now = Date.now()): void {
    if (this.group && now - this.group.lastAt >= this.group.parser.flushTimeoutMs) this.flush();
  }

  flush(): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    this.emit({ first: group.first, text: group.lines.join('\n'), lines: group.lines.length });
  }

  private match(parser: MultilineParser, state: string, text: string): string | undefined {
    return parser.rules.find((r) => r.states.includes(state) && r.regex.test(text))?.next;
  }
}
