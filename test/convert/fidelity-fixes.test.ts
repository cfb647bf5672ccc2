/**
 * Facts the collection carries that the converter lost, as `npm run fidelity -- --findings` names
 * them (issue 10); each fixture is written here in the shape the exporter writes.
 */
import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";
import { redoclyErrors } from "./redocly.js";

const json = (name: string, body: unknown, more: Record<string, unknown> = {}) => ({
  name,
  ...more,
  header: [{ key: "Content-Type", value: "application/json" }],
  body: JSON.stringify(body),
});

describe("fidelity findings", () => {
  it("a saved example without a code (openapi-to-postmanv2 6 saves a spec's `default` response so) is the default response, not a 200", async () => {
    const { document } = convertJson(
      collection([item("List domains", {}, [json("OK", [{ enabled: true }], { code: 200, status: "OK" }), json("Error response", { code: "Bad", message: "no" })])]),
    );
    const responses = onlyOperation(document).operation.responses;
    expect(Object.keys(responses)).toEqual(["200", "default"]);
    expect(responses["200"]!.description).toBe("OK");
    expect(responses.default!.description).toBe("Error response");
    expect(responses.default!.content!["application/json"]!.schema).toEqual({
      type: "object",
      properties: { code: { type: "string" }, message: { type: "string" } },
    });
    expect(responses["200"]!.content!["application/json"]!.schema).toEqual({
      type: "array",
      items: { type: "object", properties: { enabled: { type: "boolean" } } },
    });
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("… a status text without a code names its code; an unnamed one with no name is 'Any other status'", () => {
    const { document } = convertJson(collection([item("Get", {}, [{ name: "", status: "Not Found", body: "" }, { name: "Untitled Example", body: "" }])]));
    expect(onlyOperation(document).operation.responses).toEqual({ "404": { description: "Not Found" }, default: { description: "Any other status" } });
  });

  it("openapi-to-postmanv2 6's type-list placeholders (`<string,number>`, `<boolean,null>`, `<null>`) are those types, never examples", async () => {
    const body = { mode: "raw", raw: JSON.stringify({ mixed: "<string,number>", flag: "<boolean,null>", stock: "<null>" }), options: { raw: { language: "json" } } };
    const { document } = convertJson(collection([item("Add", { method: "POST", url: "{{baseUrl}}/things?size=<integer,string>", body })]));
    const operation = onlyOperation(document).operation;
    expect(operation.requestBody!.content["application/json"]).toEqual({
      schema: {
        type: "object",
        properties: { mixed: { anyOf: [{ type: "string" }, { type: "number" }] }, flag: { type: "boolean", nullable: true }, stock: {} },
      },
    });
    expect(operation.parameters).toEqual([{ name: "size", in: "query", schema: { anyOf: [{ type: "integer" }, { type: "string" }] } }]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("'Valid entries are <code>XML</code> or <code>JSON</code>' and 'Valid choices are …' state the whole set: an enum", () => {
    const url = {
      raw: "{{baseUrl}}/:format/DepthCharts?status=active",
      host: ["{{baseUrl}}"],
      path: [":format", "DepthCharts"],
      query: [{ key: "status", value: "active", description: "Valid choices are active, inactive." }],
      variable: [{ key: "format", value: "XML", description: "(Required) Desired response format. Valid entries are <code>XML</code> or <code>JSON</code>." }],
    };
    const { document, diagnostics } = convertJson(collection([item("Depth Charts", { url })]));
    expect(onlyOperation(document).operation.parameters).toEqual([
      { name: "format", in: "path", description: "Desired response format. Valid entries are `XML` or `JSON`.", required: true, schema: { type: "string", enum: ["XML", "JSON"] }, example: "XML" },
      { name: "status", in: "query", description: "Valid choices are active, inactive.", schema: { type: "string", enum: ["active", "inactive"] }, example: "active" },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("a response property is required only when two saved examples, apart, both carry it; one example (or one array's items) invents nothing", () => {
    const ok = (name: string, body: unknown) => json(name, body, { code: 200 });
    const one = convertJson(collection([item("Get", {}, [ok("One", { id: 1, tags: [{ k: "a" }, { k: "b" }] })])])).document;
    expect(onlyOperation(one).operation.responses["200"]!.content!["application/json"]!.schema).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, tags: { type: "array", items: { type: "object", properties: { k: { type: "string" } } } } },
    });
    const two = convertJson(collection([item("Get", {}, [ok("One", { id: 1, tags: [{ k: "a" }] }), ok("Two", { id: 2, name: "x", tags: [{ k: "b" }] })])])).document;
    expect(onlyOperation(two).operation.responses["200"]!.content!["application/json"]!.schema).toEqual({
      type: "object",
      properties: {
        id: { type: "integer" },
        tags: { type: "array", items: { type: "object", properties: { k: { type: "string" } }, required: ["k"] } },
        name: { type: "string" },
      },
      required: ["id", "tags"],
    });
  });

  it.each([
    [
      "defines on which attribute the sorting will be done:\n* analytics.flights.score - sort destinations by flights score (decreasing)\n* analytics.travelers.score - sort destination by traveler's score (decreasing)",
      ["analytics.flights.score", "analytics.travelers.score"],
    ],
    ["Output Format Flag.  Enter one of the following keywords:\n- JSON = Data model as JSON (default).\n- JSONP = Data model as JSONP.\n- XML = Data model as XML.", ["JSON", "JSONP", "XML"]],
    ["The kind of expiry:\n* NeverExpire: the time is ignored\n* Absolute: the time is a date", ["NeverExpire", "Absolute"]],
    ["(Required) The version of the API. This parameter is required and its value must be `2018-09-01-preview`.", ["2018-09-01-preview"]],
    ['(Required) The value must be "account" for all account operations.', ["account"]],
    ["(This can only be one of Bicubic (default),Bilinear,Cubic (Box))", ["Bicubic (default)", "Bilinear", "Cubic (Box)"]],
  ])("prose the fidelity run found: %j is an enum", (description, values) => {
    const url = { raw: "{{baseUrl}}/things?x=", host: ["{{baseUrl}}"], path: ["things"], query: [{ key: "x", description }] };
    const { document } = convertJson(collection([item("Get", { url })]));
    expect(onlyOperation(document).operation.parameters![0]!.schema).toEqual({ type: "string", enum: values });
  });

  it.each([
    ["The fields, for example:\n* name - the name\n* id - the id"],
    ["Sorted as follows\n* name - by name\n* id - by id"],
    ["Two lists:\n* a - first\n* b - second\n\nand:\n* c - third\n* d - fourth"],
    // "The value must be `a` or `b`." is the set {a, b} (annotations-idioms.test.ts); one value then prose is not.
    ["The value must be `a` or any other code."],
    ["It must be `x` or empty."],
  ])("… and %j is none (examples, no lead-in, two lists, or more than one value)", (description) => {
    const url = { raw: "{{baseUrl}}/things?x=", host: ["{{baseUrl}}"], path: ["things"], query: [{ key: "x", description }] };
    const { document } = convertJson(collection([item("Get", { url })]));
    expect(onlyOperation(document).operation.parameters![0]!.schema).toEqual({ type: "string" });
  });

  it("a file body without its file is still a body when the request's Content-Type names it (openapi-to-postmanv2's image/png uploads)", () => {
    const upload = item("Upload", { method: "POST", header: [{ key: "Content-Type", value: "image/png" }], body: { mode: "file" } });
    expect(onlyOperation(convertJson(collection([upload])).document).operation.requestBody).toEqual({
      required: true,
      content: { "image/png": { schema: { type: "string", format: "binary" } } },
    });
  });

  it("the slash before a fragment stays: AWS's `/exports/#name&version` is that path, raw or structured", async () => {
    const raw = item("Get Export", { url: "{{baseUrl}}/exports/#name&version" });
    const structured = item("Get Bot", { url: { raw: "{{baseUrl}}/bots/:name/#versions", host: ["{{baseUrl}}"], path: ["bots", ":name", ""], hash: "versions" } });
    const plain = item("List", { url: "{{baseUrl}}/things/" });
    const { document } = convertJson(collection([raw, structured, plain]));
    expect(Object.keys(document.paths)).toEqual(["/exports/#name&version", "/bots/{name}/#versions", "/things"]);
    expect(await redoclyErrors(document)).toEqual([]);
  });
});
