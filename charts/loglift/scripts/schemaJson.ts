const LINE_WIDTH = 120;

function print(value: unknown, indent: string, prefix: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    // Lists of plain values stay on one line when they fit, as the formatter prints them.
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const flat = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (prefix + flat.length + 1 <= LINE_WIDTH) return flat;
    }
    const inner = `${indent}  `;
    return `[\n${value.map((item) => inner + print(item, inner, inner.length)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(([key, item]) => {
      const head = `${inner}${JSON.stringify(key)}: `;
      return head + print(item, inner, head.length);
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** JSON text with two-space indentation and short lists of plain values inline, ending in a newline. */
export function schemaJson(schema: unknown): string {
  return `${print(schema, '', 0)}\n`;
}
