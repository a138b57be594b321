const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Merges `source` into `target` (and returns `target`): @apollo/gateway's
 * `deepMerge`, step for step (objects merge key by key, arrays of equal
 * length element by element, anything else replaces; `undefined` values are
 * skipped; a key inherited from a prototype is shadowed, never followed).
 */
export function deepMerge<T>(target: T, source: unknown): T {
  if (source === undefined || source === null) return target;
  const into = target as Record<string, unknown>;
  const from = source as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const value = from[key];
    if (value === undefined) continue;
    if (!hasOwn(into, key) && key in into) {
      Object.defineProperty(into, key, { configurable: true, enumerable: true, value: undefined, writable: true });
    }
    const existing = into[key];
    if (existing && isObject(value)) {
      deepMerge(existing, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i], value[i]);
        else existing[i] = value[i];
      }
    } else {
      into[key] = value;
    }
  }
  return target;
}
