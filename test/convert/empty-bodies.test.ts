/** Issue 10's "requests as written": an empty body mode is no body; GET, HEAD and DELETE bodies are optional unless a field must be sent. */
import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";

const bodyOf = (method: string, body: unknown) => onlyOperation(convertJson(collection([item("x", { method, body })])).document).operation.requestBody;

describe("empty bodies and bodies on GET, HEAD and DELETE", () => {
  it.each([
    ["urlencoded with no fields", { mode: "urlencoded", urlencoded: [] }],
    ["formdata whose fields are all disabled", { mode: "formdata", formdata: [{ key: "a", value: "1", type: "text", disabled: true }] }],
    ["file without a file", { mode: "file", file: {} }],
    ["graphql without query or variables", { mode: "graphql", graphql: { query: "", variables: "" } }],
    ["raw whitespace", { mode: "raw", raw: " \n" }],
  ])("%s is no body, on POST too", (_, body) => {
    expect(bodyOf("POST", body)).toBeUndefined();
    expect(bodyOf("GET", body)).toBeUndefined();
  });

  it.each(["GET", "HEAD", "DELETE"])("a body on %s is optional", (method) => {
    expect(bodyOf(method, { mode: "raw", raw: '{"a":1}', options: { raw: { language: "json" } } })).toEqual({
      content: { "application/json": { schema: { type: "object", properties: { a: { type: "integer" } } }, example: { a: 1 } } },
    });
  });

  it("… unless a field is marked required", () => {
    const body = { mode: "urlencoded", urlencoded: [{ key: "id", value: "1", type: "text", description: "(Required) The id." }] };
    expect(bodyOf("DELETE", body)).toMatchObject({ required: true });
  });

  it("a body on POST is required", () => {
    expect(bodyOf("POST", { mode: "urlencoded", urlencoded: [{ key: "id", value: "1", type: "text" }] })).toMatchObject({ required: true });
  });
});
