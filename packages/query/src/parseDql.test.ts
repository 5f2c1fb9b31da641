import { describe, expect, it } from 'vitest';
import { compileDql } from './compileDql.js';
import { DqlFieldError, DqlLuceneSyntaxError, DqlSyntaxError } from './dqlErrors.js';
import { FieldCatalog } from './fieldCatalog.js';
import { parseDql } from './parseDql.js';

const catalog = FieldCatalog.fromContract();

function syntaxError(query: string): DqlSyntaxError {
  try {
    parseDql(query);
  } catch (error) {
    if (error instanceof DqlSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

function fieldError(query: string): DqlFieldError {
  try {
    compileDql(query, { catalog });
  } catch (error) {
    if (error instanceof DqlFieldError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

describe('DQL syntax errors', () => {
  it.each([
    ['app.level:', 10, 'a value'],
    ['(app.level:error', 16, '")"'],
    ['app.level:error)', 15, 'end of input'],
    ['a:b c:d', 5, '"and"'],
    ['app.level:error and (', 21, 'a field name'],
    ['a:1 or (', 8, 'a field name'],
    ['a:(b or c', 9, '")"'],
    ['a:{b:c', 6, '"}"'],
    ['a >= ', 5, 'a value'],
    [':value', 0, 'a field name'],
  ])('%j fails at offset %i expecting %s', (query, position, expected) => {
    const error = syntaxError(query);
    expect(error).not.toBeInstanceOf(DqlLuceneSyntaxError);
    expect(error.position).toBe(position);
    expect(error.expected).toContain(expected);
    expect(error.message).toContain(`position ${position + 1}`);
  });

  it('reports an unterminated quote at the opening quote', () => {
    const error = syntaxError('app.message:"never closed');
    expect(error.position).toBe(12);
    expect(error.message).toMatch(/unterminated quoted string/);
  });

  it('rejects unknown escapes', () => {
    const error = syntaxError('app.message:a\\qb');
    expect(error.position).toBe(13);
    expect(error.message).toMatch(/invalid escape/);
  });

  it('points a caret at the error', () => {
    const lines = syntaxError('a:b c:d').message.split('\n');
    expect(lines[1]).toBe('  a:b c:d');
    expect(lines[2]).toBe('       ^');
  });
});

describe('Lucene-only syntax', () => {
  it.each([
    ['status:[200 TO 299]', 7, 'status >= 200 and status <= 299'],
    ['status:{200 TO 299}', 7, 'status >= 200'],
    ['status:[200 TO *]', 7, 'write "status >= 200" ('],
    ['-app.level:error', 0, 'not field:value'],
    ['app.level:error and -app.level:warn', 20, 'not field:value'],
    ['+app.level:error', 0, '"and"'],
    ['!app.level:error', 0, 'not field:value'],
    ['a:b && c:d', 4, '"and"'],
    ['a:b || c:d', 4, '"or"'],
    ['app.message:conect~', 18, 'wildcard'],
    ['app.message:"disk full"~3', 23, 'quoted phrase'],
    ['app.message:error^2', 17, 'remove it'],
    ['app.url.path:/api/v[0-9]+/', 13, 'wildcards'],
    ['_exists_:app.error.type', 0, 'app.error.type:*'],
  ])('%j is rejected at offset %i with a DQL suggestion', (query, position, suggestion) => {
    const error = syntaxError(query);
    expect(error).toBeInstanceOf(DqlLuceneSyntaxError);
    expect(error.position).toBe(position);
    expect((error as DqlLuceneSyntaxError).suggestion).toContain(suggestion);
  });

  it('accepts upper-case AND/OR/NOT, which DQL treats like lower case', () => {
    expect(parseDql('NOT a:1 AND b:2 OR c:3')).toMatchObject({ type: 'or' });
  });

  it('accepts plain paths that only look like regular expressions', () => {
    expect(parseDql('app.url.path:/api/tasks/')).toMatchObject({ type: 'is' });
  });
});

describe('DQL field errors', () => {
  it('rejects {...} on a field that is not nested', () => {
    const error = fieldError('nothing.here:{ route:x }');
    expect(error.field).toBe('nothing.here');
    expect(error.message).toMatch(/not in the mapping/);
    expect(fieldError('level:{ x:y }').message).toMatch(/is of type keyword/);
    expect(fieldError('app.order:{ id:x }').message).toMatch(/is of type keyword/);
  });

  it('rejects values that do not fit a number or boolean field', () => {
    expect(fieldError('http.response.status_code:abc').position).toBe(26);
    expect(fieldError('loglift.truncated:yes').message).toMatch(/true or false/);
  });

  it('rejects a wildcard field name that matches nothing', () => {
    expect(fieldError('nope.*:x').field).toBe('nope.*');
  });
});
