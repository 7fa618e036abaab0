/** A deep copy of JSON data that keeps keys such as `__proto__` as ordinary own keys. */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: clone(v), enumerable: true, writable: true, configurable: true });
  return out as T;
}

/** Sets (or, for `undefined`, deletes) an own key without ever touching a prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete obj[key];
  else Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The own value of a key, or undefined (never an inherited one). */
export function getOwn(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
