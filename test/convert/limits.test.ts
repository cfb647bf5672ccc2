/**
 * Limits, not stack overflows (issue 9): folders of any depth convert, examples deeper than
 * EXAMPLE_DEPTH_LIMIT are typed `{}` below it with a warning naming the place, and documents
 * of any depth or size end in text or a diagnostic, never a RangeError. Deep inputs are built
 * as text, since JSON.stringify itself overflows on them.
 */
import { describe, expect, it } from "vitest";
import { convert, parseDocument, serializeDocument } from "../../codegen/index.js";
import { DocumentTextError, stringifyDocument, stringifyJsonChunks } from "../../codegen/convert/serialize.js";
import type { OpenApiDocument, Schema } from "../../codegen/openapi.js";
import { item, onlyOperation } from "../helpers.js";
import { inlineComponents } from "./inline.js";

const INFO = '"info":{"name":"Deep","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}';
const VARIABLES = '"variable":[{"key":"baseUrl","value":"https://api.example.com"}]';

/** A collection whose one request sits `depth` folders down (folder i is named `f<i>`). */
function nestedFolders(depth: number, request: object): string {
  return `{${INFO},${VARIABLES},"item":${'[{"name":"f","item":'.repeat(depth)}[${JSON.stringify(request)}]${"}]".repeat(depth)}}`;
}

/** `{"a":{"a":…1…}}`, `depth` objects deep. */
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

/** How many schemas deep a schema goes (its properties and items one level below it). */
function schemaDepth(schema: Schema): number {
  let depth = 0;
  for (let s: Schema | undefined = schema; s && (s.type || s.anyOf); s = s.properties?.a ?? s.items) depth++;
  return depth;
}

function convertText(text: string) {
  const result = convert(text, "deep.postman_collection.json");
  return { document: inlineComponents(result.document!), diagnostics: result.diagnostics };
}

describe("folders", () => {
  it("nested 5,000 deep convert: the request is an operation tagged with its folder", () => {
    const { document, diagnostics } = convertText(nestedFolders(5000, item("Get thing", { url: "{{baseUrl}}/things/:id" })));
    expect(diagnostics).toEqual([]);
    expect(Object.keys(document.paths)).toEqual(["/things/{id}"]);
    expect(onlyOperation(document).operation).toMatchObject({ operationId: "getThing", tags: ["f"] });
  });

  it("nested 5,000 deep name the item and its place in a diagnostic", () => {
    const { diagnostics } = convertText(nestedFolders(5000, { name: "No URL", request: { method: "GET" } }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe("missing-url");
    expect(diagnostics[0]!.at.pointer).toBe(`#${"/item/0".repeat(5001)}/request/url`);
    expect(diagnostics[0]!.at.item).toBe([...Array(5000).fill("f"), "No URL"].join(" › "));
  });

  it("with a request at each of 2,000 levels convert every one, innermost folder as tag", () => {
    let text = "";
    for (let i = 0; i < 2000; i++) text += `{"name":"f${i}","item":[${JSON.stringify(item(`Op ${i}`, { url: `{{baseUrl}}/op${i}` }))},`;
    text = `{${INFO},${VARIABLES},"item":[${text.slice(0, -1)}${"]}".repeat(2000)}]}`;
    const { document, diagnostics } = convertText(text);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(document.paths)).toHaveLength(2000);
    expect(document.paths["/op1999"]!.get).toMatchObject({ operationId: "op1999", tags: ["f1999"] });
  });
});

describe("variables", () => {
  it("a value nested 100,000 deep, in the collection or the environment, counts as no value", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const text = `{${INFO},"variable":[{"key":"host","value":${deep}}],"item":[${JSON.stringify(item("Get", { url: "https://{{host}}/a/{{env}}" }))}]}`;
    const environment = { file: "env.json", text: `{"values":[{"key":"env","value":${deep}}]}` };
    const result = convert(text, "deep.postman_collection.json", { environment });
    expect(Object.keys(result.document!.paths)).toEqual(["/a/{env}"]);
    expect(result.diagnostics.map((d) => [d.code, d.message.slice(0, 44)])).toEqual([["unresolved-variable", "the variable {{host}} in the request's host "]]);
  });
});

describe("JSON examples deeper than 64 levels", () => {
  it("a 2,000-deep request body is typed 64 levels down, then {}, and left out of the examples", () => {
    const body = { mode: "raw", raw: nestedObject(2000), options: { raw: { language: "json" } } };
    const { document, diagnostics } = convertText(nestedFolders(1, item("Deep", { method: "POST", url: "{{baseUrl}}/deep", body })));
    const media = onlyOperation(document).operation.requestBody!.content["application/json"]!;
    expect(schemaDepth(media.schema!)).toBe(64);
    let innermost = media.schema!;
    for (let i = 1; i < 64; i++) innermost = innermost.properties!.a!;
    expect(innermost).toEqual({ type: "object", properties: { a: {} } });
    expect(media).not.toHaveProperty("example");
    expect(diagnostics).toEqual([
      {
        code: "too-deep",
        severity: "warning",
        message:
          "the application/json body is nested more than 64 levels deep (at /a/a/a/a/…/a/a/a); below that level its schema allows any value, and it was left out of the examples",
        at: { file: "deep.postman_collection.json", pointer: "#/item/0/item/0/request/body", item: "f › Deep" },
      },
    ]);
  });

  it("a 100,000-deep response example converts with one warning at its body", () => {
    const response = { name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: `${"[".repeat(100000)}${"]".repeat(100000)}` };
    const { document, diagnostics } = convertText(nestedFolders(0, item("Deep", { url: "{{baseUrl}}/deep" }, [response])));
    const media = onlyOperation(document).operation.responses["200"]!.content!["application/json"]!;
    expect(schemaDepth(media.schema!)).toBe(64);
    expect(media).not.toHaveProperty("example");
    expect(diagnostics.map((d) => [d.code, d.at.pointer, d.message.slice(0, 70)])).toEqual([
      ["too-deep", "#/item/0/response/0/body", "the 200 example's application/json body is nested more than 64 levels "],
    ]);
  });

  it("exactly 64 levels (63 objects and their value) are kept whole, example included, with no warning", () => {
    const body = { mode: "raw", raw: nestedObject(63), options: { raw: { language: "json" } } };
    const { document, diagnostics } = convertText(nestedFolders(0, item("Deep", { method: "POST", url: "{{baseUrl}}/deep", body })));
    const media = onlyOperation(document).operation.requestBody!.content["application/json"]!;
    expect(diagnostics).toEqual([]);
    expect(schemaDepth(media.schema!)).toBe(64);
    expect(media.example).toEqual(JSON.parse(body.raw));
  });

  it("a form field holding deep JSON text is named in the warning", () => {
    const body = { mode: "formdata", formdata: [{ key: "settings", type: "text", value: nestedObject(100) }] };
    const { document, diagnostics } = convertText(nestedFolders(0, item("Form", { method: "POST", url: "{{baseUrl}}/form", body })));
    const media = onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!;
    expect(media.encoding).toEqual({ settings: { contentType: "application/json" } });
    expect(media).not.toHaveProperty("example");
    expect(diagnostics.map((d) => [d.code, d.at.pointer, d.message.split(" (")[0]])).toEqual([
      ["too-deep", "#/item/0/request/body/formdata/0", "the JSON value of `settings` is nested more than 64 levels deep"],
    ]);
  });
});

describe("large bodies", () => {
  it("a JSON body holding a 10 MB string (a base64 file) converts, its variables and comments read", () => {
    const data = "QUJD".repeat(2_500_000);
    const raw = `{"file": "${data}", // the upload\n "name": "{{name}}", "size": {{size}}}`;
    const body = { mode: "raw", raw, options: { raw: { language: "json" } } };
    const { document, diagnostics } = convertText(nestedFolders(0, item("Upload", { method: "POST", url: "{{baseUrl}}/files", body })));
    const media = onlyOperation(document).operation.requestBody!.content["application/json"]!;
    expect(diagnostics).toEqual([]);
    expect(media.schema).toEqual({ type: "object", properties: { file: { type: "string" }, name: { type: "string" }, size: {} } });
    expect((media.example as { file: string }).file.length).toBe(10_000_000);
  });
});

describe("long white space in descriptions", () => {
  it("a million spaces before a list item or an enum note cost linear time", { timeout: 5_000 }, () => {
    const spaces = " ".repeat(1_000_000);
    const body = { mode: "formdata", formdata: [{ key: "kind", type: "text", value: "x", description: `The kind${spaces}(This can only be one of x,y)` }] };
    const request = { method: "POST", url: "{{baseUrl}}/kinds", body, description: `Kinds${spaces}<ul><li>one${spaces}</li></ul>` };
    const { document, diagnostics } = convertText(nestedFolders(0, item("Kinds", request)));
    const { operation } = onlyOperation(document);
    expect(diagnostics).toEqual([]);
    expect(operation.description).toBe("Kinds\n\n* one");
    expect(operation.requestBody!.content["multipart/form-data"]!.schema!.properties!.kind).toEqual({ description: "The kind", type: "string", enum: ["x", "y"] });
  });
});

describe("unclosed HTML in descriptions", () => {
  it("200,000 unclosed tags of each kind cost linear time; closed ones still become Markdown", { timeout: 5_000 }, () => {
    const unclosed = ["<b>", "<i>", "<code>", '<a href="u">', "<h2>", "<a "].map((tag) => tag.repeat(200_000)).join("");
    const description = `<b>Bold</b> and <a href="https://example.com">a link</a>${unclosed}`;
    const { document } = convertText(nestedFolders(0, item("Tags", { description })));
    expect(onlyOperation(document).operation.description!.slice(0, 49)).toBe("**Bold** and [a link](https://example.com)<b><b><");
  });
});

describe("serializing", () => {
  it("a document deeper than JSON.stringify reaches is written, and reads back the same", () => {
    let value: unknown = "leaf";
    for (let i = 0; i < 3000; i++) value = { a: [value] };
    const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, "x-deep": value } as unknown as OpenApiDocument;
    expect(() => JSON.stringify(document, null, 2)).toThrow(RangeError);
    const text = serializeDocument(document, "json");
    let back = (JSON.parse(text) as { "x-deep": unknown })["x-deep"];
    let depth = 0;
    while (typeof back === "object") {
      back = (back as { a: unknown[] }).a[0];
      depth++;
    }
    expect([depth, back, text.length]).toEqual([3000, "leaf", 72_063_114]);
  });

  it("the chunk writer gives JSON.stringify's bytes", () => {
    const value = { a: [1, "two", null, true, [], {}, { b: undefined, c: () => 0 }, [undefined]], n: -0, x: Number.NaN, d: new Date(0), "\u2028": "\ud800" };
    const withProto = JSON.parse('{"__proto__":{"constructor":1},"k":[{"l":[[]]}]}') as unknown;
    for (const v of [value, withProto, [], {}, "s", 1]) expect(stringifyJsonChunks(v).join("")).toBe(JSON.stringify(v, null, 2));
  });

  it("a text longer than a string can be is a too-large error naming the size", () => {
    const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/x": {} } };
    expect(stringifyDocument(document, 200)).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(() => stringifyDocument(document, 100)).toThrow(
      new DocumentTextError("too-large", "the converted document is 110 characters of JSON, more than the 100 a text can hold: split the collection, or leave large examples out of it"),
    );
  });

  it("YAML nested deeper than the YAML reader follows is a too-deep diagnostic", () => {
    const { document, diagnostics } = parseDocument(`${"[".repeat(3000)}${"]".repeat(3000)}`, "deep.yaml");
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.message.replace(/\(at line \d+, column \d+\)/, "(at line L, column C)")])).toEqual([
      ["too-deep", "deep.yaml is nested deeper than the YAML reader can follow (at line L, column C); give it as JSON, which has no depth limit"],
    ]);
  });
});
