import { parser } from '@prometheus-io/lezer-promql';

/** A spot of a PromQL expression the grammar could not parse, with the text around it. */
export interface PromqlSyntaxError {
  at: number;
  near: string;
}

/**
 * Parses a PromQL expression with Prometheus' own grammar (the one its UI uses) and returns
 * where it does not parse; empty means the expression is well-formed. The parser recovers
 * from errors by inserting error nodes, so every one of them is a syntax error.
 */
export function promqlSyntaxErrors(expr: string): PromqlSyntaxError[] {
  const errors: PromqlSyntaxError[] = [];
  if (expr.trim() === '') return [{ at: 0, near: '(empty expression)' }];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError)
        errors.push({ at: node.from, near: expr.slice(Math.max(0, node.from - 10), node.from + 10) });
    },
  });
  return errors;
}
