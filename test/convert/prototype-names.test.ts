/**
 * Names from the input are properties like any other (issue 9): Object.prototype's member names
 * and `__proto__` as form fields, JSON keys, headers, server variables and auth attributes are
 * kept as own properties, never looked up on or written to a prototype. And a `%` in a path.
 */
import { describe, expect, it } from "vitest";
import { convert } from "../../codegen/index.js";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";

const NAMES = ["hasOwnProperty", "toString", "valueOf", "constructor", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__proto__"];
const JSON_HEADER = { key: "Content-Type", value: "application/json" };

/** An object's own keys and whether its prototype is still Object.prototype. */
const shape = (o: object | undefined) => [Object.keys(o ?? {}), Object.getPrototypeOf(o) === Object.prototype];

describe("Object.prototype names and __proto__", () => {
  it("as form fields are all properties, with their encodings and examples", () => {
    const body = { mode: "formdata", formdata: NAMES.map((key, i) => ({ key, type: "text", value: i % 2 ? '{"x":1}' : String(i) })) };
    const { document, diagnostics } = convertJson(collection([item("Form", { method: "POST", body })]));
    const media = onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!;
    expect(diagnostics).toEqual([]);
    expect(shape(media.schema!.properties)).toEqual([NAMES, true]);
    expect(media.schema!.properties!.__proto__).toEqual({ type: "object", properties: { x: { type: "integer" } } });
    expect(media.schema!.properties!.valueOf).toEqual({ type: "integer" });
    expect(shape(media.encoding)).toEqual([["toString", "constructor", "propertyIsEnumerable", "__proto__"], true]);
    expect(media.example).toEqual(JSON.parse('{"hasOwnProperty":0,"toString":{"x":1},"valueOf":2,"constructor":{"x":1},"isPrototypeOf":4,"propertyIsEnumerable":{"x":1},"toLocaleString":6,"__proto__":{"x":1}}'));
    expect(JSON.stringify(document)).toContain('"__proto__":{"type":"object"');
  });

  it("as urlencoded fields too", () => {
    const body = { mode: "urlencoded", urlencoded: NAMES.map((key) => ({ key, value: "a" })) };
    const { document } = convertJson(collection([item("Form", { method: "POST", body })]));
    expect(shape(onlyOperation(document).operation.requestBody!.content["application/x-www-form-urlencoded"]!.schema!.properties)).toEqual([NAMES, true]);
  });

  it("as JSON keys seen in some samples only: optional, typed by their own values", () => {
    const ok = (body: string) => ({ name: "OK", code: 200, header: [JSON_HEADER], body });
    const { document } = convertJson(collection([item("Get", {}, [ok('{"constructor":"a","__proto__":{"b":1}}'), ok('{"id":1}')])]));
    const schema = onlyOperation(document).operation.responses["200"]!.content!["application/json"]!.schema!;
    expect(schema).toEqual(JSON.parse('{"type":"object","properties":{"constructor":{"type":"string"},"__proto__":{"type":"object","properties":{"b":{"type":"integer"}}},"id":{"type":"integer"}}}'));
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
  });

  it("as response headers are all documented", () => {
    const header = [...NAMES.map((key) => ({ key, value: "v" })), JSON_HEADER];
    const { document } = convertJson(collection([item("Get", {}, [{ name: "OK", code: 200, header, body: "{}" }])]));
    expect(shape(onlyOperation(document).operation.responses["200"]!.headers)).toEqual([NAMES, true]);
  });

  it("as query and header parameters are all parameters", () => {
    const url = `{{baseUrl}}/things?${NAMES.map((n) => `${n}=1`).join("&")}`;
    const { document } = convertJson(collection([item("Get", { url, header: NAMES.map((key) => ({ key, value: "v" })) })]));
    const parameters = onlyOperation(document).operation.parameters!;
    expect(parameters.map((p) => `${p.in}:${p.name}`)).toEqual([...NAMES.map((n) => `query:${n}`), ...NAMES.map((n) => `header:${n}`)]);
  });

  it("as a host variable becomes a server variable named __proto__, keeping the URL's scheme", () => {
    const { document } = convertJson(collection([item("Get", { url: "https://{{__proto__}}.example.com/things" })], { variable: [] }));
    expect(document.servers).toEqual([
      JSON.parse('{"url":"https://{__proto__}.example.com","variables":{"__proto__":{"default":"__proto__","description":"The value of the Postman variable `__proto__`."}}}'),
    ]);
  });

  it("in auth settings and raw languages are text, not prototype members", () => {
    const auth = { type: "oauth2", oauth2: [{ key: "grant_type", value: "constructor" }, { key: "__proto__", value: "x" }, { key: "accessTokenUrl", value: "https://example.com/token" }, { key: "authUrl", value: "https://example.com/authorize" }] };
    const body = { mode: "raw", raw: "<a/>", options: { raw: { language: "toString" } } };
    const result = convert(JSON.stringify(collection([item("Post", { method: "POST", body })], { auth })), "c.json");
    expect(result.diagnostics).toEqual([]);
    expect(result.document!.components!.securitySchemes).toEqual({
      oauth2: { type: "oauth2", flows: { authorizationCode: { authorizationUrl: "https://example.com/authorize", tokenUrl: "https://example.com/token", scopes: {} } } },
    });
    expect(Object.keys(onlyOperation(result.document!).operation.requestBody!.content)).toEqual(["text/plain"]);
  });

  it("as placeholders (`<constructor>`) are plain strings and stay examples", () => {
    const body = { mode: "raw", raw: '{"a":"<constructor>","b":"<toString>"}', options: { raw: { language: "json" } } };
    const { document } = convertJson(collection([item("Post", { method: "POST", body })]));
    expect(onlyOperation(document).operation.requestBody!.content["application/json"]).toEqual({
      schema: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } },
      example: { a: "<constructor>", b: "<toString>" },
    });
  });
});

describe("overlays", () => {
  it("an update holding __proto__ and constructor keys sets them as properties, at any depth", () => {
    const text = ["overlay: 1.0.0", "info: { title: t, version: 1.0.0 }", "actions:", "  - target: $.info", "    update:", "      __proto__: { polluted: true }", "      x-meta: { constructor: 2, __proto__: { deep: 1 } }"].join("\n");
    const result = convert(JSON.stringify(collection([item("Get")])), "c.json", { overlay: { text, file: "o.yaml" } });
    const info = result.document!.info as unknown as Record<string, unknown>;
    expect(result.diagnostics).toEqual([]);
    expect(JSON.stringify(info)).toBe('{"title":"Test API","version":"1.0.0","__proto__":{"polluted":true},"x-meta":{"constructor":2,"__proto__":{"deep":1}}}');
    expect([Object.getPrototypeOf(info), Object.getPrototypeOf(info["x-meta"])]).toEqual([Object.prototype, Object.prototype]);
    expect("polluted" in info).toBe(false);
  });
});

describe("a % in a path", () => {
  it.each([
    ["{{baseUrl}}/discounts/100%", "/discounts/100%25"],
    ["{{baseUrl}}/files/a%20b%", "/files/a%20b%25"],
    ["{{baseUrl}}/rates/:rate/5%zz", "/rates/{rate}/5%25zz"],
    ["{{baseUrl}}/q#50%", "/q#50%25"],
  ])("%s is the path %s: a stray percent sign is a literal one, escaped; escapes stay", (url, path) => {
    const { document, diagnostics } = convertJson(collection([item("Get", { url })]));
    expect(diagnostics).toEqual([]);
    expect(Object.keys(document.paths)).toEqual([path]);
  });
});
