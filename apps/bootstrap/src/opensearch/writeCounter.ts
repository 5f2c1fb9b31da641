/** POST endpoints that only read, so they are not counted as writes. */
const READ_ONLY_POST = /\/(_search|_msearch|_count|_mget|_field_caps|_validate\/query|_explain(\/[^/]*)?)$/;

export function isWriteRequest(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  if (upper === 'GET' || upper === 'HEAD') return false;
  return !(upper === 'POST' && READ_ONLY_POST.test(path.split('?')[0] ?? path));
}

export interface RecordedWrite {
  readonly method: string;
  readonly path: string;
}

/** Counts requests that change state, so a converged run can be shown to send none. */
export class WriteCounter {
  readonly writes: RecordedWrite[] = [];
  reads = 0;

  observe(method: string, path: string): void {
    if (isWriteRequest(method, path)) this.writes.push({ method: method.toUpperCase(), path });
    else this.reads += 1;
  }

  get count(): number {
    return this.writes.length;
  }
}
