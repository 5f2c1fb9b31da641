import { type DqlLiteral, type DqlNode, literalText, type RangeOperator } from './dqlAst.js';
import { DqlSyntaxError, describeExpected } from './dqlErrors.js';
import { checkLuceneAfterQuote, checkLuceneAtExpression, checkLuceneInWord } from './luceneSyntax.js';
import { scanLiteral } from './scanLiteral.js';

const RANGE_OPERATORS: readonly [string, RangeOperator][] = [
  ['<=', 'lte'],
  ['>=', 'gte'],
  ['<', 'lt'],
  ['>', 'gt'],
];
const EXPRESSION_START = ['a field name', 'a value', '"("', '"not"'];

/**
 * Parses DQL (the OpenSearch Dashboards query language) into a tree. Precedence and syntax follow
 * Dashboards' grammar: `or` < `and` < `not`, keywords are case-insensitive and need spaces
 * around them, `field:(a or b)` applies the field to each value, `field:{...}` is a nested query.
 */
export function parseDql(query: string): DqlNode {
  return new DqlParser(query).parse();
}

class DqlParser {
  private pos = 0;

  constructor(private readonly query: string) {}

  parse(): DqlNode {
    this.skipSpace();
    if (this.pos === this.query.length) return { type: 'matchAll' };
    const node = this.parseOr(() => this.parseNot());
    this.skipSpace();
    if (this.pos < this.query.length) this.fail(['"and"', '"or"', 'end of input']);
    return node;
  }

  /** Generic `x (or x)*` then `x (and x)*`, shared by queries and value lists. */
  private parseOr(operand: () => DqlNode): DqlNode {
    const children = [this.parseAnd(operand)];
    while (this.keyword('or')) children.push(this.parseAnd(operand));
    return children.length === 1 ? (children[0] as DqlNode) : { type: 'or', children };
  }

  private parseAnd(operand: () => DqlNode): DqlNode {
    const children = [operand()];
    while (this.keyword('and')) children.push(operand());
    return children.length === 1 ? (children[0] as DqlNode) : { type: 'and', children };
  }

  private parseNot(): DqlNode {
    if (this.notKeyword()) return { type: 'not', child: this.parseNot() };
    return this.parseSubQuery();
  }

  private parseSubQuery(): DqlNode {
    if (this.query[this.pos] !== '(') return this.parseExpression();
    this.pos += 1;
    this.skipSpace();
    const node = this.parseOr(() => this.parseNot());
    this.expectClosing(')');
    return node;
  }

  private parseExpression(): DqlNode {
    checkLuceneAtExpression(this.query, this.pos);
    const field = this.literal(EXPRESSION_START);
    const afterLiteral = this.pos;
    this.skipSpace();
    const operator = RANGE_OPERATORS.find(([symbol]) => this.query.startsWith(symbol, this.pos));
    if (operator) {
      this.pos += operator[0].length;
      this.skipSpace();
      return { type: 'range', field, operator: operator[1], value: this.literal(['a value']) };
    }
    if (this.query[this.pos] !== ':') {
      this.pos = afterLiteral;
      return { type: 'is', field: null, value: field };
    }
    this.pos += 1;
    this.skipSpace();
    if (this.query[this.pos] === '{') return this.parseNested(field);
    return this.parseValues(field);
  }

  private parseNested(path: DqlLiteral): DqlNode {
    const close = this.query.indexOf('}', this.pos);
    const text = this.query.slice(this.pos, close === -1 ? undefined : close + 1);
    checkLuceneInWord(this.query, this.pos, text, literalText(path));
    this.pos += 1;
    this.skipSpace();
    const child = this.parseOr(() => this.parseNot());
    this.expectClosing('}');
    return { type: 'nested', path, child };
  }

  /** `value` or `(a or not b and c)` after `field:`. */
  private parseValues(field: DqlLiteral): DqlNode {
    if (this.query[this.pos] !== '(') return { type: 'is', field, value: this.literal(['a value', '"("'], field) };
    this.pos += 1;
    this.skipSpace();
    const node = this.parseOr(() => this.parseNotValue(field));
    this.expectClosing(')');
    return node;
  }

  private parseNotValue(field: DqlLiteral): DqlNode {
    if (this.notKeyword()) return { type: 'not', child: this.parseValues(field) };
    return this.parseValues(field);
  }

  private literal(expected: readonly string[], field?: DqlLiteral): DqlLiteral {
    const scanned = scanLiteral(this.query, this.pos, field && literalText(field));
    if (!scanned) this.fail(expected);
    this.pos = scanned.end;
    if (scanned.literal.quoted) checkLuceneAfterQuote(this.query, this.pos);
    return scanned.literal;
  }

  /** Matches whitespace, `word`, whitespace (Dashboards requires spaces around and/or). */
  private keyword(word: 'or' | 'and'): boolean {
    const match = new RegExp(`^\\s+${word}\\s+`, 'i').exec(this.query.slice(this.pos));
    if (!match) return false;
    this.pos += match[0].length;
    return true;
  }

  private notKeyword(): boolean {
    const match = /^not\s+/i.exec(this.query.slice(this.pos));
    if (!match) return false;
    this.pos += match[0].length;
    return true;
  }

  private expectClosing(char: ')' | '}'): void {
    this.skipSpace();
    if (this.query[this.pos] !== char) this.fail(['"and"', '"or"', `"${char}"`]);
    this.pos += 1;
  }

  private skipSpace(): void {
    while (this.pos < this.query.length && /\s/.test(this.query[this.pos] as string)) this.pos += 1;
  }

  private fail(expected: readonly string[]): never {
    const found = this.pos >= this.query.length ? 'end of input' : `"${this.query[this.pos]}"`;
    let detail = `${describeExpected(expected)} but found ${found}`;
    if (this.query[this.pos] === ':' && expected.includes('"and"')) {
      detail += ' (join conditions with "and"/"or", or quote a value that contains ":")';
    }
    throw new DqlSyntaxError(this.query, this.pos, detail, expected);
  }
}
