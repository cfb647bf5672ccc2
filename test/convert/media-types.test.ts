/**
 * Media types a collection states (fuzzer F11, F16, F17): only valid ones (RFC 9110
 * `type/subtype`, ASCII tokens) reach the spec; another is a warning naming its place, and the
 * body mode's own media type is used. A header's parameters (`; odata=minimalmetadata`) are
 * kept where the SDK sends them as they are.
 */
import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";
import { redoclyErrors } from "./redocly.js";

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

  it("a Content-Type's parameters are kept on a raw or file body: names lower case, values as written, `; ` between", async () => {
    const post = (name: string, value: string, body: object) => item(name, { method: "POST", url: `{{baseUrl}}/${name}`, header: [{ key: "Content-Type", value }], body });
    const { document, diagnostics } = convertJson(
      collection([
        // Azure Batch writes this on every body; the server reads the parameter.
        post("certificates", "application/json; odata=minimalmetadata", { mode: "raw", raw: '{"thumbprint":"0123"}' }),
        post("vnd", "application/vnd.api+json;Charset=utf-8", { mode: "raw", raw: "{}" }),
        post("quoted", 'application/json ;  profile="https://example.com/p; v=1" ;', { mode: "raw", raw: "[1]" }),
        post("text", "Text/CSV; header=present", { mode: "raw", raw: "a,b" }),
        post("file", "image/svg+xml; charset=utf-8", { mode: "file", file: {} }),
      ]),
    );
    const mediaTypes = Object.values(document.paths).map((p) => Object.keys(p.post!.requestBody!.content));
    expect(mediaTypes).toEqual([
      ["application/json; odata=minimalmetadata"],
      ["application/vnd.api+json; charset=utf-8"],
      ['application/json; profile="https://example.com/p; v=1"'],
      ["text/csv; header=present"],
      ["image/svg+xml; charset=utf-8"],
    ]);
    // The JSON body is still read as JSON.
    expect(document.paths["/certificates"]!.post!.requestBody!.content["application/json; odata=minimalmetadata"]).toEqual({
      schema: { type: "object", properties: { thumbprint: { type: "string" } } },
      example: { thumbprint: "0123" },
    });
    expect(diagnostics).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a form keeps no boundary (the SDK makes one per request), and a urlencoded charset only when it is UTF-8 (what the SDK writes)", () => {
    const post = (name: string, value: string, body: object) => item(name, { method: "POST", url: `{{baseUrl}}/${name}`, header: [{ key: "Content-Type", value }], body });
    const fields = [{ key: "q", value: "x", type: "text" }];
    const { document, diagnostics } = convertJson(
      collection([
        post("boundary", "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", { mode: "formdata", formdata: fields }),
        post("utf8", "application/x-www-form-urlencoded; charset=UTF-8", { mode: "urlencoded", urlencoded: fields }),
        post("quoted", 'application/x-www-form-urlencoded;charset="utf-8"', { mode: "urlencoded", urlencoded: fields }),
        post("latin1", "application/x-www-form-urlencoded; charset=ISO-8859-1", { mode: "urlencoded", urlencoded: fields }),
        post("formdata-as-form", "application/x-www-form-urlencoded; charset=utf-8; x=1", { mode: "formdata", formdata: fields }),
      ]),
    );
    const mediaTypes = Object.values(document.paths).map((p) => Object.keys(p.post!.requestBody!.content));
    expect(mediaTypes).toEqual([
      ["multipart/form-data"],
      ["application/x-www-form-urlencoded; charset=UTF-8"],
      ['application/x-www-form-urlencoded; charset="utf-8"'],
      ["application/x-www-form-urlencoded"],
      ["application/x-www-form-urlencoded; charset=utf-8"],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("parameters that are not name=value pairs: a warning naming the header, and the media type without them", () => {
    const { document, diagnostics } = convertJson(
      collection([
        item("x", { method: "PUT", url: "{{baseUrl}}/x", header: [{ key: "Accept", value: "*/*" }, { key: "content-type", value: "application/json; charset" }], body: { mode: "raw", raw: "{}" } }),
        item("y", { method: "PUT", url: "{{baseUrl}}/y", header: [{ key: "Content-Type", value: "application/json; v={{version}}" }], body: { mode: "raw", raw: "{}" } }),
        // A variable the collection defines takes its value.
        item("z", { method: "PUT", url: "{{baseUrl}}/z", header: [{ key: "Content-Type", value: "application/json; v={{apiVersion}}" }], body: { mode: "raw", raw: "{}" } }),
      ], { variable: [{ key: "baseUrl", value: "https://api.example.com" }, { key: "apiVersion", value: "2" }] }),
    );
    expect(Object.values(document.paths).map((p) => Object.keys(p.put!.requestBody!.content))).toEqual([["application/json"], ["application/json"], ["application/json; v=2"]]);
    expect(diagnostics.map((d) => [d.code, d.at.pointer, d.message])).toEqual([
      ["invalid-media-type", "#/item/0/request/header/1/value", 'the parameters of the Content-Type "application/json; charset" are not name=value pairs (RFC 9110); the media type application/json is used without them'],
      ["invalid-media-type", "#/item/1/request/header/0/value", 'the parameters of the Content-Type "application/json; v={{version}}" are not name=value pairs (RFC 9110); the media type application/json is used without them'],
    ]);
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
