/** Every body mode, read into request bodies. */
import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";

const bodyOf = (request: Record<string, unknown>) => onlyOperation(convertJson(collection([item("Send", { method: "POST", ...request })])).document).operation.requestBody;

describe("body modes", () => {
  it.each([
    ["xml", "<a>1</a>", "application/xml"],
    ["text", "hello", "text/plain"],
    ["html", "<p>hi</p>", "text/html"],
    ["javascript", "let a = 1", "application/javascript"],
  ])("raw %s → %s", (language, raw, media) => {
    expect(bodyOf({ body: { mode: "raw", raw, options: { raw: { language } } } })).toEqual({
      required: true,
      content: { [media]: { schema: { type: "string" }, example: raw } },
    });
  });

  it("urlencoded: fields with their types; disabled ones are left out", () => {
    const body = { mode: "urlencoded", urlencoded: [{ key: "grant_type", value: "client_credentials" }, { key: "debug", value: "true", disabled: true }] };
    expect(bodyOf({ body })).toEqual({
      required: true,
      content: {
        "application/x-www-form-urlencoded": {
          schema: { type: "object", properties: { grant_type: { type: "string" } } },
          example: { grant_type: "client_credentials" },
        },
      },
    });
  });

  it("formdata: file fields are binary, a field's own contentType is its encoding, repeated keys are arrays", () => {
    const body = {
      mode: "formdata",
      formdata: [
        { key: "file", type: "file", src: "a.png" },
        { key: "meta", type: "text", value: "<x/>", contentType: "application/xml" },
        { key: "tag", type: "text", value: "a" },
        { key: "tag", type: "text", value: "b" },
      ],
    };
    expect(bodyOf({ body })!.content["multipart/form-data"]).toEqual({
      schema: {
        type: "object",
        properties: { file: { type: "string", format: "binary" }, meta: { type: "string" }, tag: { type: "array", items: { type: "string" } } },
      },
      encoding: { meta: { contentType: "application/xml" } },
      example: { meta: "<x/>", tag: ["a", "b"] },
    });
  });

  it("file: a binary body of the declared type", () => {
    expect(bodyOf({ header: [{ key: "Content-Type", value: "image/png" }], body: { mode: "file", file: { src: "a.png" } } })).toEqual({
      required: true,
      content: { "image/png": { schema: { type: "string", format: "binary" } } },
    });
  });

  it("graphql: JSON with query and variables", () => {
    const body = { mode: "graphql", graphql: { query: "query { me { id } }", variables: '{"first": 10}' } };
    expect(bodyOf({ body })!.content["application/json"]).toEqual({
      schema: { type: "object", properties: { query: { type: "string" }, variables: { type: "object", properties: { first: { type: "integer" } } } } },
      example: { query: "query { me { id } }", variables: { first: 10 } },
    });
  });

  it("a GET with a body keeps it", () => {
    const op = onlyOperation(convertJson(collection([item("Search", { method: "GET", body: { mode: "raw", raw: '{"q":"x"}', options: { raw: { language: "json" } } } })])).document);
    expect(op.method).toBe("get");
    expect(op.operation.requestBody!.content["application/json"]!.example).toEqual({ q: "x" });
  });

  it("a disabled body and an empty raw body are no body", () => {
    expect(bodyOf({ body: { mode: "raw", raw: "" } })).toBeUndefined();
    expect(bodyOf({ body: { mode: "raw", raw: "{}", disabled: true } })).toBeUndefined();
  });
});

describe("samples and variables in raw bodies", () => {
  it("the bodies of the requests saved with examples are more samples: a field in some is there, conflicting types a union", () => {
    const raw = (value: object) => ({ mode: "raw", raw: JSON.stringify(value), options: { raw: { language: "json" } } });
    const saved = (value: object) => ({ name: "Saved", code: 201, header: [], body: "", originalRequest: { method: "POST", url: "{{baseUrl}}/things", body: raw(value) } });
    const { document } = convertJson(collection([item("Create", { method: "POST", body: raw({ name: "a" }) }, [saved({ name: "b", tags: ["x"] }), saved({ name: 3 })])]));
    expect(onlyOperation(document).operation.requestBody!.content["application/json"]).toEqual({
      schema: { type: "object", properties: { name: { anyOf: [{ type: "string" }, { type: "integer" }] }, tags: { type: "array", items: { type: "string" } } } },
      example: { name: "a" },
    });
  });

  it("{{variables}} in a raw JSON body take their values; one without a value reads as null", () => {
    const body = { mode: "raw", raw: '{"user":"{{user}}","count":{{count}},"page":{{page}}}', options: { raw: { language: "json" } } };
    const { document, diagnostics } = convertJson(collection([item("Create", { method: "POST", body })], { variable: [{ key: "baseUrl", value: "https://x.io" }, { key: "user", value: "ada" }, { key: "count", value: "5" }] }));
    expect(diagnostics).toEqual([]);
    expect(onlyOperation(document).operation.requestBody!.content["application/json"]).toEqual({
      schema: { type: "object", properties: { user: { type: "string" }, count: { type: "integer" }, page: {} } },
      example: { user: "ada", count: 5, page: null },
    });
  });
});
