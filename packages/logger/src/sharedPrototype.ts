/**
 * The prototype just above base in obj's chain: for Express requests and responses, Express's
 * own request/response object, shared by every app and mounted sub-app of that Express copy
 * (each app's prototype sits below it). Undefined for a plain node:http object (whose prototype
 * is base itself) and for anything not built on base.
 */
function sharedPrototype(obj: object, base: object): object | undefined {
  let proto = Object.getPrototypeOf(obj) as object | null;
  if (proto === base) return undefined;
  while (proto !== null) {
    const next = Object.getPrototypeOf(proto) as object | null;
    if (next === base) return proto;
    proto = next;
  }
  return undefined;
}

/**
 * A check that puts something on the shared prototype of the objects it is given, once per
 * prototype (install returns false where it may not), and remembers the last object's own
 * prototype, so the next request of the same app costs one comparison. The check tells whether
 * the object's chain has it.
 */
export function onSharedPrototype(base: object, install: (proto: object) => boolean): (obj: object) => boolean {
  const installed = new WeakSet<object>();
  let last: object | undefined;
  return (obj) => {
    const first = Object.getPrototypeOf(obj) as object;
    if (first === last) return true;
    const proto = sharedPrototype(obj, base);
    if (proto === undefined) return false;
    if (!installed.has(proto)) {
      if (!install(proto)) return false;
      installed.add(proto);
    }
    last = first;
    return true;
  };
}
