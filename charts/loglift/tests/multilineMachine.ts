/**
 * Fluent Bit's regex multiline state machine (src/multiline/flb_ml.c, flb_ml_rule.c in 5.1.1),
 * small enough to run the chart's rendered parsers over sample traces. JavaScript regexes stand in
 * for Onigmo's Ruby syntax: they agree on everything these rules use (anchors on a single line,
 * classes, lookahead, `(?!)`), except that Onigmo's `\w` and `\s` also match non-ASCII letters and
 * spaces, which only makes Fluent Bit join a little more.
 */
export interface MultilineRule {
  readonly state: string;
  readonly regex: string;
  readonly next_state: string;
}

export interface MultilineParserConfig {
  readonly name: string;
  readonly rules: readonly MultilineRule[];
}

interface Rule {
  readonly state: string;
  readonly next: string;
  readonly regex: RegExp;
}

interface Parser {
  readonly name: string;
  readonly rules: readonly Rule[];
  /** The rule that matched last; like Fluent Bit, it is not reset when a record is flushed. */
  current: Rule | undefined;
  buffer: string[];
}

function compile(rule: MultilineRule, parser: string): Rule {
  const match = /^\/(.*)\/$/s.exec(rule.regex);
  if (!match) throw new Error(`${parser}: regex ${rule.regex} is not written as /.../`);
  return { state: rule.state, next: rule.next_state, regex: new RegExp(match[1] as string) };
}

/** Joins `lines` (the `log` values of one container, in order) into records as Fluent Bit would. */
export function joinLines(configs: readonly MultilineParserConfig[], lines: readonly string[]): string[] {
  const parsers: Parser[] = configs.map((c) => ({
    name: c.name,
    rules: c.rules.map((r) => compile(r, c.name)),
    current: undefined,
    buffer: [],
  }));
  const records: string[] = [];
  const flush = (parser: Parser) => {
    if (parser.buffer.length > 0) records.push(parser.buffer.join('\n'));
    parser.buffer = [];
  };
  // flb_ml_rule_process: continue from the last rule, else start; false when neither matches.
  const process = (parser: Parser, line: string): boolean => {
    let rule = parser.current
      ? parser.rules.find((r) => r.state !== 'start_state' && r.state === parser.current?.next && r.regex.test(line))
      : undefined;
    if (rule) parser.buffer.push(line);
    else {
      rule = parser.rules.find((r) => r.state === 'start_state' && r.regex.test(line));
      if (!rule) return false;
      flush(parser);
      parser.buffer = [line];
    }
    parser.current = rule;
    // try_flushing_buffer: a rule leading back to start_state ends the record at once.
    if (rule.next === 'start_state') flush(parser);
    return true;
  };
  let lru: Parser | undefined;
  for (const line of lines) {
    // flb_ml_append_object: the parser that took the last line first, then the others in order.
    const taker = [lru, ...parsers.filter((p) => p !== lru)].find((p) => p !== undefined && process(p, line));
    if (taker) {
      lru = taker;
      continue;
    }
    for (const parser of parsers) flush(parser);
    records.push(line);
  }
  // What Fluent Bit sends when flush_timeout passes without another line.
  for (const parser of parsers) flush(parser);
  return records;
}
