import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids are echoed in a response header and used as a search term: accept the usual formats
// (UUIDs, ULIDs, hex, base64) and nothing that could smuggle structure or grow without bound.
const SANE_ID = /^[\w.~:/+=@-]{1,128}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_ID.test(value);
}

/** The incoming x-request-id when it is sane, else a generated one (a UUID by default). */
export function chooseRequestId(req: IncomingMessage, generate?: (req: IncomingMessage) => string): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  if (isSaneRequestId(incoming)) return incoming;
  if (generate !== undefined) {
    const generated = generate(req);
    if (isSaneRequestId(generated)) return generated;
  }
  return randomUUID();
}
