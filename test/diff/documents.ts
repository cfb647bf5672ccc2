/** Small OpenAPI documents for the diff tests: each test states only the part it changes. */
import type { OpenApiDocument } from "../../codegen/openapi.js";

export type Json = Record<string, unknown>;

/** A document around `paths`; `extra` adds or overrides top-level keys (servers, security, components). */
export function doc(paths: Json, extra: Json = {}): OpenApiDocument {
  return { openapi: "3.0.3", info: { title: "Test API", version: "1.0.0" }, paths, ...extra } as unknown as OpenApiDocument;
}

/** The operation `updateThing` (PUT /things, answering 204); `fields` override or add to it. */
export function thing(fields: Json = {}, extra: Json = {}): OpenApiDocument {
  return doc({ "/things": { put: { operationId: "updateThing", responses: { "204": { description: "No content" } }, ...fields } } }, extra);
}

/** A required request body of one media type with this schema. */
export function body(schema: Json, media = "application/json"): Json {
  return { required: true, content: { [media]: { schema } } };
}

/** Responses with one 200 JSON body of this schema. */
export function ok(schema: Json): Json {
  return { "200": { description: "OK", content: { "application/json": { schema } } } };
}

/** An object schema from properties and required names. */
export function object(properties: Json, required: string[] = []): Json {
  return { type: "object", ...(required.length > 0 ? { required } : {}), properties };
}

/** The `operation` every change of updateThing carries. */
export const updateThing = { method: "put", path: "/things", functionName: "updateThing" } as const;

/** Pointers into updateThing. */
export const at = {
  op: "#/paths/~1things/put",
  body: "#/paths/~1things/put/requestBody/content/application~1json/schema",
  ok: "#/paths/~1things/put/responses/200/content/application~1json/schema",
} as const;
