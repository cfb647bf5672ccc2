// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Query parameter names as they go on the wire: openapi-fetch percent-encodes values but writes
 * names and deepObject keys as they are (`filter[a&b=c]` would add a parameter `b`), so these are
 * encoded first and no key can add a parameter either. Its own module, imported by the
 * operations that have query parameters: an app that calls none bundles none of it.
 */

/** The query with its names (and deepObject keys, one level down) percent-encoded; its values as they are. */
export function encodeQuery(query: object | undefined, nested?: boolean): Record<string, unknown> | undefined {
  if (!query) return query;
  // No prototype: a key `__proto__` stays a key.
  const encoded: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(query)) {
    encoded[encodeURIComponent(name)] = !nested && value && typeof value === "object" && !Array.isArray(value) ? encodeQuery(value, true) : value;
  }
  return encoded;
}
