import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fluentBitConfig, section } from './fluentBitConfig.js';
import { joinLines, type MultilineParserConfig } from './multilineMachine.js';
import { render } from './render.js';

const config = fluentBitConfig(render({ values: ['ci/00-defaults-values.yaml'] }));
const filter = section(config.pipeline.filters, 'multiline');
// The parsers the filter applies, in its order, as rendered.
const parsers = String(filter['multiline.parser'])
  .split(/,\s*/)
  .map((name) => {
    const parser = config.multiline_parsers?.find((p) => p.name === name);
    if (!parser) throw new Error(`the multiline filter names ${name}, which fluent-bit.yaml does not define`);
    return parser as unknown as MultilineParserConfig;
  });

const trace = (file: string) => readFileSync(join(import.meta.dirname, 'traces', file), 'utf8').replace(/\n$/, '');
const json = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ level: 30, time: 1764000000000 + n, msg: `request ${n}`, ...extra });

describe('multiline joining, on by default', () => {
  it('runs before the kubernetes filter and re-emits through the filesystem buffer, so it never pauses', () => {
    expect(config.pipeline.filters.map((f) => f.name).slice(0, 2)).toEqual(['multiline', 'kubernetes']);
    expect(filter).toMatchObject({ 'multiline.key_content': 'log', 'emitter_storage.type': 'filesystem' });
    expect(parsers.map((p) => p.name)).toEqual(['exception-stack', 'python-traceback', 'go-panic']);
  });

  it.each(['java.txt', 'python-chained.txt', 'go-panic.txt', 'nodejs.txt', 'nodejs-uncaught.txt', 'dotnet.txt'])(
    'joins %s into one record between the JSON lines around it',
    (file) => {
      const text = trace(file);
      const lines = [json(1), ...text.split('\n'), json(2)];
      expect(joinLines(parsers, lines)).toEqual([json(1), text, json(2)]);
    },
  );

  it('joins two traces printed back to back into two records', () => {
    const java = trace('java.txt');
    const go = trace('go-panic.txt');
    expect(joinLines(parsers, [...java.split('\n'), ...go.split('\n')])).toEqual([java, go]);
  });

  it('never joins JSON lines, even ones that carry a stack trace or an error word', () => {
    const lines = [
      json(1),
      json(2, { err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at run (/app/a.js:1:1)' } }),
      json(3, { msg: 'Error: upstream refused' }),
      json(4, { msg: 'panic: not really' }),
      json(5, { msg: 'Traceback (most recent call last):' }),
      json(6),
    ];
    expect(joinLines(parsers, lines)).toEqual(lines);
  });

  it('keeps a lone error line and the JSON line after it as two records', () => {
    const lines = ['Error: connection refused', json(1), 'java.lang.IllegalStateException: no frames', json(2)];
    expect(joinLines(parsers, lines)).toEqual(lines);
  });
});
