import { describe, expect, it } from 'vitest';
import { parseNdjson } from './parseNdjson.js';

const line = (value: unknown) => JSON.stringify(value);
const object = { id: 'a', type: 'search', attributes: { title: 'A' } };

describe('parseNdjson', () => {
  it('reads saved objects and skips the export summary line and blank lines', () => {
    const text = `${line(object)}\n\n${line({ exportedCount: 1, missingRefCount: 0, missingReferences: [] })}\n`;
    expect(parseNdjson(text, 'x.ndjson')).toEqual([object]);
  });

  it.each([
    ['{not json', /^cm\/x\.ndjson line 2 is not JSON: /],
    ['[1]', /^cm\/x\.ndjson line 2 is not a JSON object$/],
    [
      line({ type: 'search', attributes: {} }),
      /^cm\/x\.ndjson line 2 has no string "id" and "type": not a saved object$/,
    ],
    [line({ id: 'b', type: 'search' }), /^cm\/x\.ndjson line 2 \(search\/b\) has no "attributes" object$/],
    [line({ ...object, references: {} }), /^cm\/x\.ndjson line 2 \(search\/a\): "references" must be an array$/],
    [line(object), /^cm\/x\.ndjson line 2 repeats search\/a from line 1$/],
  ])('names the file and line of a bad line: %s', (bad, message) => {
    expect(() => parseNdjson(`${line(object)}\n${bad}\n`, 'cm/x.ndjson')).toThrow(message);
  });
});
