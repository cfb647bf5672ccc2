/**
 * checkDocumentLimits: the places of a document `generate` cannot type without overflowing
 * the call stack (schemas nested past SCHEMA_DEPTH_LIMIT, values past DOCUMENT_DEPTH_LIMIT),
 * found by an iterative walk, reported by JSON pointer, and cut to `{}` on request.
 */
import { describe, expect, it } from "vitest";
import { checkDocumentLimits, DOCUMENT_DEPTH_LIMIT, SCHEMA_DEPTH_LIMIT } from "../codegen/limits.js";
import type { OpenApiDocument, Schema } from "../codegen/openapi.js";

/** `{ type: object, properties: { a: … } }`, `depth` schemas deep, a string at the bottom. */
function nestedSchema(depth: number): Schema {
  let schema: Schema = { type: "string" };
  for (let i = 1; i < depth; i++) schema = { type: "object", properties: { a: schema } };
  return schema;
}

function documentWith(schema: Schema, extra: Record<string, unknown> = {}): OpenApiDocument {
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: { "/x": { post: { operationId: "x", requestBody: { content: { "application/json": { schema, ...extra } } }, responses: { "200": { description: "ok" } } } } },
  };
}

const BODY = "#/paths/~1x/post/requestBody/content/application~1json";

describe("checkDocumentLimits", () => {
  it("the limits are the documented ones", () => {
    expect([SCHEMA_DEPTH_LIMIT, DOCUMENT_DEPTH_LIMIT]).toEqual([128, 512]);
  });

  it(`a schema ${SCHEMA_DEPTH_LIMIT} levels deep is within the limit`, () => {
    expect(checkDocumentLimits(documentWith(nestedSchema(SCHEMA_DEPTH_LIMIT)))).toEqual([]);
  });

  it("a schema 200 levels deep is an error at the first schema past the limit; the document is left as it is", () => {
    const document = documentWith(nestedSchema(200));
    const before = JSON.stringify(document);
    expect(checkDocumentLimits(document)).toEqual([
      {
        code: "too-deep",
        severity: "error",
        message: "this schema is nested more than 128 levels deep, deeper than the SDK's types can be made (the limit keeps the type printers within the call stack)",
        at: { pointer: `${BODY}/schema${"/properties/a".repeat(128)}` },
      },
    ]);
    expect(JSON.stringify(document)).toBe(before);
  });

  it("with truncate, that schema becomes {} (any value) with a warning, and the document is then within the limits", () => {
    const document = documentWith(nestedSchema(200));
    const findings = checkDocumentLimits(document, { truncate: true });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([["warning", "this schema is nested more than 128 levels deep; below that level it is typed as any value"]]);
    let schema = document.paths["/x"]!.post!.requestBody!.content["application/json"]!.schema!;
    for (let i = 1; i < 128; i++) schema = schema.properties!.a!;
    expect(schema).toEqual({ type: "object", properties: { a: {} } });
    expect(checkDocumentLimits(document)).toEqual([]);
  });

  it("counts items, anyOf members and named component schemas as levels; a $ref is not one", () => {
    let schema: Schema = { type: "string" };
    for (let i = 1; i < 130; i++) schema = i % 2 ? { type: "array", items: schema } : { anyOf: [schema] };
    const document = { ...documentWith({ $ref: "#/components/schemas/Deep" } as unknown as Schema), components: { schemas: { Deep: schema } } };
    expect(checkDocumentLimits(document as OpenApiDocument).map((f) => f.at.pointer)).toEqual([`#/components/schemas/Deep${"/items/anyOf/0".repeat(64)}`]);
  });

  it(`an example more than ${DOCUMENT_DEPTH_LIMIT} levels below the root is found too`, () => {
    let example: unknown = 1;
    for (let i = 0; i < 600; i++) example = [example];
    const findings = checkDocumentLimits(documentWith({ type: "array" }, { example }));
    expect(findings.map((f) => [f.at.pointer, f.message])).toEqual([
      [`${BODY}/example${"/0".repeat(DOCUMENT_DEPTH_LIMIT - 6)}`, "this value is more than 512 levels deep in the document, deeper than the SDK's types can be made (the limit keeps the type printers within the call stack)"],
    ]);
  });

  it("measures a schema 100,000 levels deep without overflowing", () => {
    let schema: Schema = { type: "string" };
    for (let i = 0; i < 100_000; i++) schema = { type: "array", items: schema };
    expect(checkDocumentLimits(documentWith(schema)).map((f) => f.at.pointer.length)).toEqual([`${BODY}/schema`.length + 128 * "/items".length]);
  });
});
