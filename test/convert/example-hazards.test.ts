/** Examples that would mislead a reader or a tool (issue 10): `$ref` keys inside them, GraphQL variables that are not JSON. */
import { describe, expect, it } from "vitest";
import { collection, form, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";

describe("example hazards", () => {
  it("a JSON body with a `$ref` key gives its schema but no example", () => {
    const { document } = convertJson(collection([item("x", { method: "POST", body: { mode: "raw", raw: '{"a":{"$ref":"#/nope"},"b":1}', options: { raw: { language: "json" } } } })]));
    expect(onlyOperation(document).operation.requestBody!.content["application/json"]).toEqual({
      schema: { type: "object", properties: { a: { type: "object" }, b: { type: "integer" } } },
    });
  });

  it("a form field whose JSON holds a `$ref` key keeps its schema and encoding, not the value as example", () => {
    const { document } = convertJson(collection([item("x", { method: "POST", body: form(["meta", '{"$ref":"x","n":1}'], ["name", "Ada"]) })]));
    expect(onlyOperation(document).operation.requestBody!.content["multipart/form-data"]).toEqual({
      schema: { type: "object", properties: { meta: { type: "object", properties: { n: { type: "integer" } } }, name: { type: "string" } } },
      encoding: { meta: { contentType: "application/json" } },
      example: { name: "Ada" },
    });
  });

  it("GraphQL variables that are not JSON are named in a warning, not dropped without a word", () => {
    const { document, diagnostics } = convertJson(collection([item("x", { method: "POST", body: { mode: "graphql", graphql: { query: "{ me }", variables: "{ nope" } } })]));
    expect(onlyOperation(document).operation.requestBody!.content["application/json"]!.example).toEqual({ query: "{ me }" });
    expect(diagnostics.map((d) => [d.code, d.at.pointer])).toEqual([["invalid-json-example", "#/item/0/request/body/graphql/variables"]]);
    expect(diagnostics[0]!.message).toMatch(/^the GraphQL variables are not valid JSON \(.+\); they were left out of the schema and the example$/);
  });
});
