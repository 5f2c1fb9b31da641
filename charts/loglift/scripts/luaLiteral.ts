/**
 * A JSON-like value as a Lua table constructor: objects become `{ key = value }` maps, arrays
 * sequences, strings quoted with every byte that is not printable ASCII escaped as `\ddd`.
 */
export function luaLiteral(value: unknown, indent = ''): string {
  if (typeof value === 'string') return luaString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`luaLiteral: ${value} has no Lua literal`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '{}';
    return `{\n${value.map((item) => `${inner}${luaLiteral(item, inner)},\n`).join('')}${indent}}`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const fields = entries.map(([key, item]) => `${inner}${luaKey(key)} = ${luaLiteral(item, inner)},\n`);
    return `{\n${fields.join('')}${indent}}`;
  }
  throw new Error(`luaLiteral: ${String(value)} has no Lua literal`);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(
  'and break do else elseif end false for function goto if in local nil not or repeat return then true until while'.split(
    ' ',
  ),
);

function luaKey(key: string): string {
  return IDENTIFIER.test(key) && !RESERVED.has(key) ? key : `[${luaString(key)}]`;
}

function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c;
    out += printable ? String.fromCharCode(byte) : `\\${byte.toString().padStart(3, '0')}`;
  }
  return `${out}"`;
}
