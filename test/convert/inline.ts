/**
 * For tests of how one request converts: `convertJson` with the named components put back
 * where they are used, so a test reads a body's schema at its place, as a user of the SDK sees
 * its type. What naming does is tested on the named document (components*.test.ts).
 */
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { convertJson as convertNamed } from "../helpers.js";

const KINDS = ["schemas", "responses", "parameters"] as const;

/**
 * Converts a collection and inlines every `#/components/{schemas,responses,parameters}/…` reference;
 * a recursive component's reference to itself stays a `$ref` (inlined once, not forever).
 */
export function convertJson(...args: Parameters<typeof convertNamed>): ReturnType<typeof convertNamed> {
  const result = convertNamed(...args);
  return { ...result, document: inlineComponents(result.document) };
}

/**
 * The document with each schema, response and parameter component copied into its places, and
 * those components gone. A `$ref` met again inside its own component (a cycle) is left as it is.
 */
export function inlineComponents(document: OpenApiDocument): OpenApiDocument {
  const all = (document.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const target = (ref: string): unknown => {
    for (const kind of KINDS) {
      const prefix = `#/components/${kind}/`;
      const name = ref.slice(prefix.length);
      if (ref.startsWith(prefix) && all[kind] && Object.hasOwn(all[kind], name)) return all[kind][name];
    }
    return undefined;
  };
  // `within`: the references being inlined around this node.
  const inline = (node: unknown, within: ReadonlySet<string> = new Set()): unknown => {
    if (Array.isArray(node)) return node.map((v) => inline(v, within));
    if (typeof node !== "object" || node === null) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    const found = typeof ref === "string" ? target(ref) : undefined;
    if (found !== undefined) return within.has(ref as string) ? { ...node } : inline(found, new Set([...within, ref as string]));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) Object.defineProperty(out, key, { value: inline(value, within), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const { components, ...rest } = document;
  const { schemas: _s, responses: _r, parameters: _p, ...otherComponents } = (components ?? {}) as Record<string, unknown>;
  const copy = inline(rest) as OpenApiDocument;
  return Object.keys(otherComponents).length > 0 ? { ...copy, components: otherComponents } : copy;
}
