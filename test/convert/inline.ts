/**
 * For tests of how one request converts: `convertJson` with the named components put back
 * where they are used, so a test reads a body's schema at its place, as a user of the SDK sees
 * its type. What naming does is tested on the named document (components*.test.ts).
 */
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { convertJson as convertNamed } from "../helpers.js";

const PREFIX = "#/components/schemas/";

/** Converts a collection and inlines every `#/components/schemas/…` reference (components have no cycles). */
export function convertJson(...args: Parameters<typeof convertNamed>): ReturnType<typeof convertNamed> {
  const result = convertNamed(...args);
  return { ...result, document: inlineComponents(result.document) };
}

/** The document with each schema component copied into its places, and `components.schemas` gone. */
export function inlineComponents(document: OpenApiDocument): OpenApiDocument {
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (typeof node !== "object" || node === null) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith(PREFIX) && Object.hasOwn(schemas, ref.slice(PREFIX.length))) return inline(schemas[ref.slice(PREFIX.length)]);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) Object.defineProperty(out, key, { value: inline(value), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const { components, ...rest } = document;
  const { schemas: _named, ...otherComponents } = components ?? {};
  const copy = inline(rest) as OpenApiDocument;
  return Object.keys(otherComponents).length > 0 ? { ...copy, components: otherComponents } : copy;
}
