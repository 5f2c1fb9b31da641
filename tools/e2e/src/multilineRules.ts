/** One rule of a Fluent Bit regex multiline parser: from any of `states`, a matching line moves to `next`. */
export interface MultilineRule {
  readonly states: readonly string[];
  readonly regex: RegExp;
  readonly next: string;
}

export interface MultilineParser {
  readonly name: string;
  readonly rules: readonly MultilineRule[];
  readonly flushTimeoutMs: number;
}

const BUILT_IN_FLUSH_MS = 4000;

const rule = (states: string, regex: RegExp, next: string): MultilineRule => ({
  states: states.split(',').map((state) => state.trim()),
  regex,
  next,
});

/**
 * Fluent Bit's built-in `java`, `python` and `go` parsers, as state machines over the same
 * line shapes (exception line, indented `at` frames, `Caused by:`, `... n more`; traceback
 * header, `File` lines with their code, the final `Type: message`; panic, goroutine, frames).
 */
export const builtInParsers: Readonly<Record<string, MultilineParser>> = {
  java: {
    name: 'java',
    flushTimeoutMs: BUILT_IN_FLUSH_MS,
    rules: [
      rule(
        'start_state, java_start_exception',
        /(.)(?:Exception|Error|Throwable|V8 errors stack trace)[:\r\n]/,
        'java_after_exception',
      ),
      rule('java_after_exception', /^[\t ]*nested exception is:[\t ]*/, 'java_start_exception'),
      rule('java_after_exception', /^[\r\n]*$/, 'java_after_exception'),
      rule('java_after_exception, java', /^[\t ]+(?:eval )?at /, 'java'),
      rule('java_after_exception, java', /^[\t ]+--- End of inner exception stack trace ---$/, 'java'),
      rule(
        'java_after_exception, java',
        /^--- End of stack trace from previous location where exception was thrown ---$/,
        'java',
      ),
      rule('java_after_exception, java', /^[\t ]*(?:Caused by|Suppressed):/, 'java_after_exception'),
      rule('java_after_exception, java', /^[\t ]*... \d+ (?:more|common frames omitted)/, 'java'),
    ],
  },
  python: {
    name: 'python',
    flushTimeoutMs: BUILT_IN_FLUSH_MS,
    rules: [
      rule('start_state', /^Traceback \(most recent call last\):$/, 'python'),
      rule('python', /^[\t ]+File /, 'python_code'),
      rule('python_code', /[^\t ]/, 'python'),
      rule('python', /^(?:[^\s.():]+\.)*[^\s.():]+:/, 'start_state'),
    ],
  },
  go: {
    name: 'go',
    flushTimeoutMs: BUILT_IN_FLUSH_MS,
    rules: [
      rule('start_state', /\bpanic: /, 'go_after_panic'),
      rule('start_state', /http: panic serving/, 'go_goroutine'),
      rule('go_after_panic', /^$/, 'go_goroutine'),
      rule('go_after_panic, go_after_signal, go_frame_1', /^$/, 'go_goroutine'),
      rule('go_after_panic', /^\[signal /, 'go_after_signal'),
      rule('go_goroutine', /^goroutine \d+ \[[^\]]+\]:$/, 'go_frame_1'),
      rule('go_frame_1', /^(?:[^\s.:]+\.)*[^\s.():]+\(|^created by /, 'go_frame_2'),
      rule('go_frame_2', /^\s/, 'go_frame_1'),
    ],
  },
};

interface RenderedRule {
  state?: unknown;
  regex?: unknown;
  next_state?: unknown;
}

interface RenderedParser {
  name?: unknown;
  type?: unknown;
  flush_timeout?: unknown;
  rules?: RenderedRule[];
}

/** A `/.../` regex of a Fluent Bit config as a JavaScript RegExp. */
export function fluentBitRegex(text: string): RegExp {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(text);
  return new RegExp(match ? (match[1] as string) : text, match?.[2]?.includes('i') ? 'i' : undefined);
}

/** A `multiline_parsers` entry of the rendered YAML configuration (type regex only). */
export function parserFromConfig(entry: RenderedParser): MultilineParser {
  if (typeof entry.name !== 'string') throw new Error('a multiline parser has no name');
  if (entry.type !== 'regex')
    throw new Error(`multiline parser ${entry.name}: only type regex is emulated, got ${String(entry.type)}`);
  const rules = (entry.rules ?? []).map((r, i) => {
    if (typeof r.state !== 'string' || typeof r.regex !== 'string' || typeof r.next_state !== 'string') {
      throw new Error(`multiline parser ${entry.name}: rule ${i} needs state, regex and next_state strings`);
    }
    return rule(r.state, fluentBitRegex(r.regex), r.next_state);
  });
  return { name: entry.name, rules, flushTimeoutMs: Number(entry.flush_timeout ?? BUILT_IN_FLUSH_MS) };
}

/** The parsers a `multiline.parser` list names, from the built-ins and the config's own. */
export function resolveParsers(names: string, custom: readonly MultilineParser[]): MultilineParser[] {
  return names
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const parser = custom.find((p) => p.name === name) ?? builtInParsers[name];
      if (!parser) throw new Error(`multiline parser "${name}" is neither built in here nor defined in the config`);
      return parser;
    });
}
