import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { inject } from 'vitest';

export interface TestNode {
  url: string;
  username: string;
  password: string;
  caFile: string;
}

/** The node tools/opensearch's global setup started (see vitest.integration.config.ts). */
export function testNode(): TestNode {
  return inject('opensearch' as never) as TestNode;
}

/** An admin request to the test node, with a JSON body when given; resolves with status and parsed body. */
export function nodeRequest<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const node = testNode();
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, node.url),
      {
        method,
        auth: `${node.username}:${node.password}`,
        headers: { 'content-type': 'application/json' },
        ...(node.caFile ? { ca: readFileSync(node.caFile) } : {}),
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') as T }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
