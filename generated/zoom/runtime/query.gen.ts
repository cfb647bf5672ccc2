// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * The query as it goes on the wire: the transport's serializer (openapi-fetch's) percent-encodes
 * values but writes names and deepObject keys as they are (`filter[a&b=c]` would add a parameter
 * `b`), so these are encoded first and no key can add a parameter either. Its own module,
 * imported by the operations that have query parameters: an app that calls none bundles none of
 * it, nor the serializer.
 */
import { serializeQuery } from "./transport.gen.js";

/** The query with its names (and deepObject keys, one level down) percent-encoded; its values as they are. */
export function encodeNames(query: object, nested?: boolean): Record<string, unknown> {
  // No prototype: a key `__proto__` stays a key.
  const encoded: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(query)) {
    encoded[encodeURIComponent(name)] = !nested && value && typeof value === "object" && !Array.isArray(value) ? encodeNames(value, true) : value;
  }
  return encoded;
}

/** The query string an operation sends (`a=1&b%5Bc%5D=2`), or nothing without a query. */
export const encodeQuery = (query: object | undefined): string | undefined => query && serializeQuery(encodeNames(query));
