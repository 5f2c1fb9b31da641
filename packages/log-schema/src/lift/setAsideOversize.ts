import { MERGE_KEY } from '../mergeKey.js';

/**
 * Longest `app.<path>=<value>` term the lift leaves in the index, in UTF-8 bytes. OpenSearch
 * rejects the whole document when one flat_object term passes Lucene's 32766-byte limit; the
 * margin keeps clear of it.
 */
export const APP_TERM_MAX_BYTES = 32000;

const PREFIX_BYTES = Buffer.byteLength(`${MERGE_KEY}.`) + 1;

export interface SetAside {
  /** The app record without the set-aside values (the input when nothing was too long). */
  readonly app: Record<string, unknown>;
  /** Set-aside values by their app path (array items as `path.index`), kept unindexed. */
  readonly oversize: Record<string, unknown>;
}

function scalarBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  return typeof value === 'number' || typeof value === 'boolean' ? 24 : 0;
}

/**
 * Moves every leaf whose index term would be too long (a long value, a long key, or both) out of
 * the app record into `oversize`, so the document is still accepted and nothing is lost.
 */
export function setAsideOversize(app: Record<string, unknown>): SetAside {
  // No prototype, so a path such as `__proto__` is kept like any other.
  const oversize: Record<string, unknown> = Object.create(null);
  const walk = (node: unknown, path: string, pathBytes: number, indexPath: string): unknown => {
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      node.forEach((item, index) => {
        const kept = walk(item, path, pathBytes, `${indexPath}.${index}`);
        if (kept === item) return;
        copy ??= [...node];
        copy[index] = kept;
      });
      return copy === undefined ? node : copy.filter((item) => item !== SET_ASIDE);
    }
    if (node !== null && typeof node === 'object') {
      let copy: Record<string, unknown> | undefined;
      for (const [key, value] of Object.entries(node)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        const childBytes = pathBytes + Buffer.byteLength(key) + (path === '' ? 0 : 1);
        const kept = walk(value, childPath, childBytes, indexPath === '' ? key : `${indexPath}.${key}`);
        if (kept === value) continue;
        copy ??= { ...(node as Record<string, unknown>) };
        if (kept === SET_ASIDE) delete copy[key];
        else Object.defineProperty(copy, key, { value: kept, enumerable: true, writable: true, configurable: true });
      }
      return copy ?? node;
    }
    if (PREFIX_BYTES + pathBytes + scalarBytes(node) <= APP_TERM_MAX_BYTES) return node;
    oversize[indexPath] = node;
    return SET_ASIDE;
  };
  const kept = walk(app, '', 0, '') as Record<string, unknown>;
  return { app: kept, oversize };
}

const SET_ASIDE = Symbol('set aside');
