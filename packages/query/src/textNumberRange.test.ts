import { describe, expect, it } from 'vitest';
import { type RangeOperator, textNumberRange } from './textNumberRange.js';

type Clause = Record<string, unknown>;

/** Evaluates the generated clause against one stored string, the way OpenSearch would. */
function matches(clause: Clause, value: string): boolean {
  if ('regexp' in clause) {
    const spec = Object.values(clause.regexp as Record<string, { value: string }>)[0] as { value: string };
    return new RegExp(`^(?:${spec.value})$`).test(value);
  }
  if ('range' in clause) {
    const bounds = Object.values(clause.range as Record<string, Record<string, string>>)[0] as Record<string, string>;
    return Object.entries(bounds).every(([op, bound]) =>
      op === 'gt' ? value > bound : op === 'gte' ? value >= bound : op === 'lt' ? value < bound : value <= bound,
    );
  }
  if ('match_all' in clause) return true;
  const bool = clause.bool as { should?: Clause[]; filter?: Clause[]; must_not?: Clause[] };
  if (bool.should) return bool.should.some((c) => matches(c, value));
  if (bool.filter) return bool.filter.every((c) => matches(c, value));
  if (bool.must_not) return !bool.must_not.some((c) => matches(c, value));
  throw new Error(`unexpected clause ${JSON.stringify(clause)}`);
}

const values = [0, 0.25, 2, 9.5, 12.5, 99, 100, 100.5, 101, 404, 950, 1000, 1000.75, 12345];
const compare: Record<RangeOperator, (a: number, b: number) => boolean> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

describe('textNumberRange', () => {
  for (const operator of ['gt', 'gte', 'lt', 'lte'] as const) {
    for (const bound of [0, 0.25, 5, 100, 100.5, 400, 999, 1000, -1]) {
      it(`selects exactly the numbers ${operator} ${bound}`, () => {
        const clause = textNumberRange('app.http.server.duration_ms', operator, bound);
        const selected = values.filter((value) => matches(clause, String(value)));
        expect(selected).toEqual(values.filter((value) => compare[operator](value, bound)));
      });
    }
  }

  it('refuses a bound it cannot write as plain digits', () => {
    expect(() => textNumberRange('f', 'gt', 1e21)).toThrow(/cannot compare/);
  });
});
