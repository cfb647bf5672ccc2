/**
 * Media types a collection states (fuzzer F11, F16, F17): only valid ones (RFC 9110
 * `type/subtype`, ASCII tokens) reach the spec; another is a warning naming its place, and the
 * body mode's own media type is used.
 */
import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";

describe("media types", () => {
  it("a Content-Type header that is not a media type: a warning, and the raw body's own type (F16)", () => {
    const { document, diagnostics } = convertJson(
      collection([item("x", { method: "POST", header: [{ key: "Content-Type", value: "😀 a" }], body: { mode: "raw", raw: "<a/>" } })]),
    );
    expect(Object.keys(onlyOperation(document).operation.requestBody!.content)).toEqual(["text/plain"]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.at.pointer, d.message])).toEqual([
      ["warning", "invalid-media-type", "#/item/0/request/header/0/value", 'the Content-Type "😀 a" is not a media type (type/subtype, RFC 9110); the raw body\'s own media type is used'],
    ]);
  });

  it("a saved response's Content-Type that is not a media type: a warning, and its preview language decides", () => {
    const response = { name: "OK", code: 200, status: "OK", header: [{ key: "Content-Type", value: "json please" }], body: '{"a":1}', _postman_previewlanguage: "json" };
    const { document, diagnostics } = convertJson(collection([item("x", {}, [response])]));
    expect(Object.keys(onlyOperation(document).operation.responses["200"]!.content!)).toEqual(["application/json"]);
    expect(diagnostics.map((d) => [d.code, d.at.pointer, d.message])).toEqual([
      ["invalid-media-type", "#/item/0/response/0/header/0/value", 'the Content-Type "json please" of this example is not a media type (type/subtype, RFC 9110); its preview language decides'],
    ]);
  });

  it("a valid Content-Type with parameters still gives its media type", () => {
    const { document, diagnostics } = convertJson(
      collection([item("x", { method: "POST", header: [{ key: "Content-Type", value: "application/vnd.api+json; charset=utf-8" }], body: { mode: "raw", raw: "{}" } })]),
    );
    expect(Object.keys(onlyOperation(document).operation.requestBody!.content)).toEqual(["application/vnd.api+json"]);
    expect(diagnostics).toEqual([]);
  });

  it("a form field's contentType with CR/LF gets no encoding entry, with a warning; a valid one is kept (F11)", () => {
    const body = {
      mode: "formdata",
      formdata: [
        { key: "a", value: "v", type: "text", contentType: "x\r\nInjected: 1" },
        { key: "b", value: "v", type: "text", contentType: "text/csv; charset=utf-8" },
      ],
    };
    const { document, diagnostics } = convertJson(collection([item("x", { method: "PATCH", body })]));
    expect(onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!.encoding).toEqual({ b: { contentType: "text/csv; charset=utf-8" } });
    expect(diagnostics.map((d) => [d.code, d.at.pointer, d.message])).toEqual([
      ["invalid-media-type", "#/item/0/request/body/formdata/0/contentType", 'the contentType "x\\r\\nInjected: 1" of the form field `a` is not a media type (type/subtype, RFC 9110); the field has no encoding entry for it'],
    ]);
  });

  it("a urlencoded field's contentType is not an encoding: Postman sends no per-field type there (F17)", () => {
    const body = { mode: "urlencoded", urlencoded: [{ key: "id", value: "abc", type: "text", contentType: "application/json" }] };
    const { document, diagnostics } = convertJson(collection([item("x", { method: "POST", body })]));
    expect(onlyOperation(document).operation.requestBody).toEqual({
      required: true,
      content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: { id: { type: "string" } } }, example: { id: "abc" } } },
    });
    expect(diagnostics).toEqual([]);
  });
});
