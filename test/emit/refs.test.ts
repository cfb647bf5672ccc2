/**
 * `$ref`s as real documents write them: into a schema's own `definitions`, percent-encoded
 * pointers, and refs that lead nowhere (the last one a diagnostic, never a stack trace).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Diagnostics, generate } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { writeAndTypeCheck } from "../typecheck.js";

const DIR = join("test", ".sdk-refs");
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const json = (schema: object) => ({ "application/json": { schema } });

const DOCUMENT: OpenApiDocument = {
  openapi: "3.0.3",
  info: { title: "Refs", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/addresses": {
      get: {
        operationId: "listAddresses",
        responses: { "200": { description: "ok", content: json({ type: "array", items: { $ref: "#/components/schemas/Address" } }) } },
      },
    },
    "/{id}/status": {
      get: {
        operationId: "getStatus",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "ok", content: json({ type: "object", properties: { up: { type: "boolean" } } }) },
          // RFC 6901 §6: a pointer in a URI fragment may be percent-encoded.
          "501": { $ref: "#/paths/~1%7Bid%7D~1status/get/responses/200" },
        },
      },
    },
  },
  components: {
    schemas: {
      Address: {
        type: "object",
        definitions: { addressType: { type: "string", enum: ["billing", "delivery"] } },
        properties: {
          type: { $ref: "#/components/schemas/Address/definitions/addressType" },
          tags: { type: "array", items: { type: "string" } },
          also: { $ref: "#/components/schemas/Address/properties/tags/items" },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

describe("refs", () => {
  it("a ref into a schema's own definitions, or into items, becomes a component of its own; a percent-encoded pointer is decoded", async () => {
    const diagnostics = new Diagnostics("spec/refs.openapi.json");
    const files = await generate(DOCUMENT, "spec/refs.openapi.json", { diagnostics });
    expect(diagnostics.list).toEqual([]);
    const types = files.find((f) => f.path === "schema.gen.ts")!.content;
    expect(types).toContain('type?: components["schemas"]["Address_definitions_addressType"];');
    expect(types).toContain('also?: components["schemas"]["Address_properties_tags_items"];');
    expect(types).toMatch(/Address_definitions_addressType: "billing" \| "delivery";/);
    expect(writeAndTypeCheck(DIR, files)).toEqual([]);
  }, 60_000);

  it("a $ref inside an example, a default or an extension is data: not hoisted, not followed (shutterstock's example value refers into a schema's example)", async () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "Example ref", version: "1" },
      paths: {
        "/authorize": {
          get: {
            operationId: "authorize",
            responses: {
              "302": {
                description: "Redirect",
                content: {
                  "text/html": {
                    schema: { $ref: "#/components/schemas/AuthorizeResponse" },
                    examples: { response: { value: { $ref: "#/components/schemas/AuthorizeResponse/example" } } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          AuthorizeResponse: { type: "string", example: "https://example.com/?code=abc" },
          Box: {
            type: "object",
            properties: { example: { $ref: "#/components/schemas/Box/x-shape" } },
            default: { $ref: "#/components/schemas/AuthorizeResponse/example" },
            "x-shape": { type: "integer" },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const diagnostics = new Diagnostics("spec/example-ref.openapi.json");
    const files = await generate(document, "spec/example-ref.openapi.json", { diagnostics });
    expect(diagnostics.list).toEqual([]);
    const types = files.find((f) => f.path === "schema.gen.ts")!.content;
    expect(types).toContain("AuthorizeResponse: string;");
    // A property named `example` is a name, not data: its ref is still hoisted.
    expect(types).toContain('example?: components["schemas"]["Box_x-shape"];');
    expect(types).not.toContain("AuthorizeResponse_example");
  });

  it("a ref that leads nowhere is an error diagnostic with its place, and no files", async () => {
    const broken = structuredClone(DOCUMENT);
    broken.paths["/addresses"]!.get!.responses["200"] = { $ref: "#/components/responses/Missing" } as never;
    const diagnostics = new Diagnostics("spec/refs.openapi.json");
    expect(await generate(broken, "spec/refs.openapi.json", { diagnostics })).toEqual([]);
    expect(diagnostics.list.map((d) => [d.severity, d.code, d.at.pointer])).toEqual([["error", "unreadable-document", "#/paths/~1addresses/get/responses/200"]]);
    expect(diagnostics.list[0]!.message).toMatch(/^the types cannot be made from this document: Can't resolve \$ref/);
    await expect(generate(broken, "spec/refs.openapi.json")).rejects.toThrow(/the types cannot be made from this document/);
  });
});
