/**
 * Objects keyed by names from the input (properties, parameters, encodings, headers, server
 * variables, auth attributes). A plain `obj[key] = value` with the key `__proto__` sets the
 * object's prototype instead of a property, and `obj[key]` with `constructor` or `toString`
 * finds Object.prototype's member where the input has none: every such object is written with
 * `setOwn` and read with `hasOwn`/`getOwn`, so any name is a property like any other.
 */

/** Whether `key` is the object's own property (never an inherited member). */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The own property `key`, or undefined when the object has none of its own. */
export function getOwn<T>(object: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own, enumerable property, `__proto__` included (as JSON.parse does). */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
