/**
 * Path templates from hostile and hand-made URLs (fuzzer F1, F2, F3, F12, F13, F19; issue 10's
 * literal `{name}` segments): every `{name}` is a declared parameter with the same name, and
 * literal text that a template would misread is percent-encoded.
 */
import { describe, expect, it } from "vitest";
import { collection, convertJson, item, type Json } from "../helpers.js";
import { redoclyErrors } from "./redocly.js";

const get = (url: Json | string) => convertJson(collection([item("x", { url })])).document;
const structured = (path: string[], extra: Json = {}) => ({ raw: `{{baseUrl}}/${path.join("/")}`, host: ["{{baseUrl}}"], path, ...extra });

describe("path templates", () => {
  it("a literal {transferId} segment is a path parameter, like :transferId (issue 10)", async () => {
    const document = get("{{baseUrl}}/v1/transfers/{transferId}");
    expect(document.paths).toEqual({
      "/v1/transfers/{transferId}": {
        get: expect.objectContaining({ parameters: [{ name: "transferId", in: "path", required: true, schema: { type: "string" } }] }),
      },
    });
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("{b} inside a segment is a parameter too; braces naming nothing are encoded (F1, F2)", async () => {
    const document = convertJson(
      collection([
        item("a", { url: structured(["a{b}c"]) }),
        item("b", { url: structured(["{}"]) }),
        item("c", { url: structured([], { hash: "{}" }) }),
      ]),
    ).document;
    expect(Object.keys(document.paths)).toEqual(["/a{b}c", "/%7B%7D", "/#%7B%7D"]);
    expect(document.paths["/a{b}c"]!.get!.parameters!.map((p) => p.name)).toEqual(["b"]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("variable names a template cannot hold are sanitized, the same in the template and the parameter (F3)", async () => {
    const document = get(structured(["{{¡}}", "{{?}}", "{{a b}}", ":ID"]));
    expect(Object.keys(document.paths)).toEqual(["/{param}/{param2}/{a_b}/{ID}"]);
    expect(document.paths["/{param}/{param2}/{a_b}/{ID}"]!.get!.parameters!.map((p) => [p.name, p.in])).toEqual([
      ["param", "path"],
      ["param2", "path"],
      ["a_b", "path"],
      ["ID", "path"],
    ]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a `/` inside a segment is %2F: no `//` and no trailing slash from segment text (F12)", async () => {
    const document = get(structured(["a //"]));
    expect(Object.keys(document.paths)).toEqual(["/a %2F%2F"]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("trailing empty segments are dropped, however many (fuzzer: `{{baseUrl}}/:///` gave `/:/`)", async () => {
    const document = get("{{baseUrl}}/:///");
    expect(Object.keys(document.paths)).toEqual(["/:"]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a `#` query key is a query parameter, not a fragment of the path (F13)", async () => {
    const document = get({ raw: "{{baseUrl}}/?#=?x", host: ["{{baseUrl}}"], path: [], query: [{ key: "#", value: "?x" }] });
    expect(Object.keys(document.paths)).toEqual(["/"]);
    expect(document.paths["/"]!.get!.parameters).toEqual([{ name: "#", in: "query", schema: { type: "string" }, example: "?x" }]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a name used twice in one path gets a number, so an operation never has two `id` parameters (F19)", async () => {
    const document = convertJson(
      collection([
        item("a", { url: structured(["{id}", "{id}"], { hash: "X-Amz-Target=Service.Op" }) }),
        item("b", { method: "PATCH", url: structured([":id", ": "], { hash: "X-Amz-Target=Service.Op" }) }),
      ]),
    ).document;
    expect(Object.keys(document.paths)).toEqual(["/{id}/{id2}#X-Amz-Target=Service.Op", "/{id}/: #X-Amz-Target=Service.Op"]);
    expect(await redoclyErrors(document)).toEqual([]);
  });
});
