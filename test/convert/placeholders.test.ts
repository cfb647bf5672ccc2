/**
 * Issue 10's "nothing invented": openapi-to-postmanv2's placeholders (`<string>`, `<type-format>`,
 * `<Error: …>`, `<Circular reference to … detected>`) are types, never examples, and never make a
 * response property required; a property is required only when every real sample carries it.
 */
import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { convertJson, inlineComponents } from "./inline.js";

// Each saved example named apart ("OK", "OK 2", …): examples that share a name are one documented response's.
const ok = (body: unknown, i = 0) => ({ name: i === 0 ? "OK" : `OK ${i + 1}`, code: 200, status: "OK", header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) });
const responseOf = (...bodies: unknown[]) => onlyOperation(convertJson(collection([item("x", {}, bodies.map((b, i) => ok(b, i)))])).document).operation.responses["200"]!.content!["application/json"]!;

describe("placeholders", () => {
  it("a response written in placeholders gives types and formats, no example and no required property", () => {
    expect(responseOf({ id: "<long>", name: "<string>", ip: "<string-ipv4>", n: "<integer-int32>", host: "<hostname>", data: { items: ["<uuid>"] } })).toEqual({
      schema: {
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          name: { type: "string" },
          ip: { type: "string", format: "ipv4" },
          n: { type: "integer", format: "int32" },
          host: { type: "string", format: "hostname" },
          data: { type: "object", properties: { items: { type: "array", items: { type: "string", format: "uuid" } } } },
        },
      },
    });
  });

  it("<Error: …> and <Circular reference …> values are any type, not there for required, and no example", () => {
    expect(responseOf({ a: 1, b: "<Error: Not supported in OAS>", c: "<Circular reference to #/components/schemas/Node detected>" })).toEqual({
      // A cycle mark straight in the body's object is that object: the body's component, recursive (its reference
      // left in place where the test inlines components).
      schema: { type: "object", properties: { a: { type: "integer" }, b: {}, c: { $ref: "#/components/schemas/ThingList" } } },
    });
    // Beside a real sample, the template adds types but no votes: the real sample alone is the example, and one
    // sample cannot say what is required (it takes two saved examples that both carry a property).
    expect(responseOf({ a: 1, b: "<Error: Not supported in OAS>" }, { a: 2, b: "x", c: {} })).toEqual({
      schema: { type: "object", properties: { a: { type: "integer" }, b: { type: "string" }, c: { type: "object" } } },
      example: { a: 2, b: "x", c: {} },
    });
  });

  it("inlining components for a test leaves a recursive component's reference to itself in place", () => {
    const node = { type: "object", properties: { id: { type: "string" }, next: { $ref: "#/components/schemas/Node" } } };
    const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/n": { get: { responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } } } } } }, components: { schemas: { Node: node } } };
    expect(inlineComponents(document as unknown as OpenApiDocument).paths["/n"]!.get!.responses["200"]!.content!["application/json"]!.schema).toEqual(node);
  });

  it("real samples decide required: a property missing from one of them is optional", () => {
    expect(responseOf({ id: 1, name: "a" }, { id: 2 }, { name: "<string>", extra: "<string>" }).schema).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, name: { type: "string" }, extra: { type: "string" } },
      required: ["id"],
    });
  });

  it("a query parameter or form field holding <Error: …> has no example and a schema of any type", () => {
    const { document } = convertJson(
      collection([item("x", { method: "POST", url: "{{baseUrl}}/things?q=<Error: Not supported in OAS>", body: { mode: "urlencoded", urlencoded: [{ key: "f", value: "<Error: Too many levels of nesting to fake this schema>", type: "text" }] } })]),
    );
    const operation = onlyOperation(document).operation;
    expect(operation.parameters).toEqual([{ name: "q", in: "query", schema: {} }]);
    expect(operation.requestBody!.content["application/x-www-form-urlencoded"]).toEqual({ schema: { type: "object", properties: { f: {} } } });
  });
});
