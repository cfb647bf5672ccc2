/**
 * Shapes found in the wild that openapi-typescript prints as types tsc refuses, or that make it
 * throw: each becomes an SDK that compiles (with a warning where a type had to be widened).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Diagnostics, generate } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { writeAndTypeCheck } from "../typecheck.js";

const DIR = join("test", ".sdk-types-repair");
const KEEP = process.env.KEEP_SDK;
afterAll(() => KEEP || rmSync(DIR, { recursive: true, force: true }));

const json = (schema: object) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const DOCUMENT = {
  openapi: "3.0.3",
  info: { title: "Repairs", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/values": {
      get: {
        operationId: "getValues",
        // A query parameter whose name holds a % and whose schema is an object (fuzzer F8b).
        parameters: [
          { name: "100%", in: "query", schema: { type: "object", properties: { id: { type: "string" } } } },
          { $ref: "#/components/parameters/Missing" },
          // enode's shape: a schema whose items are a ref to a parameter (not to a schema).
          { name: "fields", in: "query", schema: { type: "array", items: { $ref: "#/paths/~1values/get/parameters/0" } } },
        ],
        responses: {
          "200": { description: "ok", content: json({ type: "object", properties: { value: ref("JsonValue"), edge: ref("EdgeValue"), cause: ref("Cause"), tree: ref("Tree"), status: { type: "string" } } }) },
          // A ref into another response's schema (surevoip's shape), and one to another file.
          "201": { description: "made", content: json({ $ref: "#/paths/~1values/get/responses/200/content/application~1json/schema/properties/status" }) },
          "202": { description: "later", content: { "application/json": { schema: { $ref: "models/later.yml" }, examples: { nightly: { externalValue: "https://example.com/nightly.json" } } } } },
        },
      },
    },
    "/values/{id}": {
      get: {
        operationId: "getValue",
        // enode's shape: a parameter borrowed from another path, where its group is optional.
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { $ref: "#/paths/~1values/get/parameters/0" }],
        responses: { "204": { description: "none" } },
      },
    },
    "/media": {
      get: { operationId: "getMedia", responses: { "200": { description: "ok", content: json(ref("AddMediaResult")) } } },
    },
  },
  components: {
    schemas: {
      // A JSON value: itself in an array, not through properties (fuzzer F15).
      JsonValue: { oneOf: [{ type: "string" }, { type: "number" }, { type: "array", items: ref("JsonValue") }] },
      // Vercel's shape: `type: "null"` beside a recursive oneOf (corpus C5).
      EdgeValue: { oneOf: [{ type: "string" }, { type: "array", items: ref("EdgeValue") }], type: "null" },
      // Plaid's shape: a nullable object whose required fields an allOf repeats (corpus C4).
      PlaidError: { type: "object", nullable: true, properties: { error_code: { type: "string" } }, required: ["error_code"] },
      Cause: { required: ["error_code"], allOf: [ref("PlaidError"), { type: "object", properties: { item_id: { type: "string" } }, required: ["item_id"] }] },
      // Recursion through properties is fine as it is.
      Tree: { type: "object", properties: { children: { type: "array", items: ref("Tree") } } },
      // Mercedes-Benz's shape: a string where a schema goes in a oneOf.
      Group: { oneOf: ["OTHER", { type: "string" }] },
      // Apple's shape: a child of a discriminated parent that declares the discriminator itself (corpus C10).
      Result: { type: "object", discriminator: { propertyName: "class" }, properties: { class: { type: "string" } }, required: ["class"] },
      AddMediaResult: { allOf: [ref("Result")], properties: { class: { type: "string", enum: ["AddMediaResult"] }, id: { type: "string" } } },
      // Mercedes-Benz's shape: an object schema whose enum lists names (corpus C8).
      ProductGroup: { type: "object", enum: ["PKW", "VAN"], properties: { name: { type: "string" } } },
      // DigitalOcean's shape: a discriminator mapping to another file (C9).
      Action: { oneOf: [ref("Result")], discriminator: { propertyName: "class", mapping: { attach: "models/attach.yml", result: "Result" } } },
    },
  },
} as unknown as OpenApiDocument;

describe("types openapi-typescript would print wrong", () => {
  it("compile, with a warning where a self-reference was cut and where a parameter led nowhere", async () => {
    const diagnostics = new Diagnostics("spec/repairs.openapi.json");
    const files = await generate(DOCUMENT, "spec/repairs.openapi.json", { diagnostics });
    expect(diagnostics.list.map((d) => `${d.severity} ${d.code} ${d.at.pointer}`)).toEqual([
      "warning invalid-shape #/paths/~1values/get/parameters/1",
      "warning external-ref #/paths/~1values/get/responses/202/content/application~1json/schema/$ref",
      "warning invalid-shape #/components/schemas/ProductGroup/enum",
      "warning invalid-shape #/components/schemas/Group/oneOf/0",
      "warning external-ref #/components/schemas/Action/discriminator/mapping/attach",
      "warning recursive-schema #/components/schemas/EdgeValue/oneOf/1/items",
      "warning recursive-schema #/components/schemas/JsonValue/oneOf/2/items",
    ]);
    const types = files.find((f) => f.path === "schema.gen.ts")!.content;
    expect(types).toContain('"100%"?: {');
    expect(types).toContain("type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & {");
    expect(types).toContain('children?: components["schemas"]["Tree"][];');
    expect(types).toContain('"application/json": components["schemas"]["paths__values_get_responses_200_content_application_json_schema_properties_status"];');
    expect(writeAndTypeCheck(DIR, files)).toEqual([]);
  }, 60_000);
});
