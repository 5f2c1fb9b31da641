/**
 * The prototype just above base in obj's chain: for Express requests and responses, Express's
 * own request/response object, shared by every app and mounted sub-app of that Express copy
 * (each app's prototype sits below it). Undefined for a plain node:http object (whose prototype
 * is base itself) and for anything not built on base.
 */
export function sharedPrototype(obj: object, base: object): object | undefined {
  let proto = Object.getPrototypeOf(obj) as object | null;
  if (proto === base) return undefined;
  while (proto !== null) {
    const next = Object.getPrototypeOf(proto) as object | null;
    if (next === base) return proto;
    proto = next;
  }
  return undefined;
}
