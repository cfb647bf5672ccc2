/**
 * Issue 10, named components: an object whose keys are ids (Slack's users by id, UUIDs, digits)
 * is a map (`additionalProperties`), never an object of properties named after the ids, and no
 * component is named after an id. Property names that hold digits (`ISO3166`, `X509`, `P50`) and
 * small numbers (`0`, `16`, years) stay properties. Fixtures are written here.
 */
import { describe, expect, it } from "vitest";
import { inferSchema, isIdKeyedMap } from "../../codegen/convert/schema-from-example.js";
import { collection, convertJson, item } from "../helpers.js";

const json = (code: number, body: unknown, name = "OK") => ({ name, code, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) });

describe("objects keyed by ids are maps", () => {
  it("a response keyed by user ids gives a map of one value type, and no component named after an id", () => {
    const body = {
      ok: true,
      billable_info: {
        U02UCPE1R: { billing_active: true },
        U02UEBSD2: { billing_active: true },
        W0632EWRW: { billing_active: false },
      },
    };
    const doc = convertJson(collection([item("team.billableInfo", { url: "{{baseUrl}}/team.billableInfo" }, [json(200, body)])])).document;
    const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
    expect(Object.keys(schemas).sort()).toEqual(["TeamBillableInfoResponse"]);
    expect(schemas.TeamBillableInfoResponse).toEqual({
      type: "object",
      properties: {
        ok: { type: "boolean" },
        billable_info: { type: "object", additionalProperties: { type: "object", properties: { billing_active: { type: "boolean" } } } },
      },
    });
    // The example keeps the ids: they are the sample's data.
    expect(JSON.stringify(doc)).toContain("U02UCPE1R");
    expect(Object.keys(schemas).some((name) => /U02|W06/.test(name))).toBe(false);
  });

  it("a body that is a map by id names its values as a list's items are: GET /users → User (never the fallback Schema)", () => {
    const body = { U02UCPE1R: { name: "ada", real_name: "Ada Lovelace" }, U0632EWRW: { name: "alan", real_name: "Alan Turing" } };
    const doc = convertJson(collection([item("List users by id", { url: "{{baseUrl}}/users" }, [json(200, body)])])).document;
    expect(doc.components?.schemas).toEqual({ User: { type: "object", properties: { name: { type: "string" }, real_name: { type: "string" } } } });
    expect(doc.paths["/users"]!.get!.responses["200"]!.content!["application/json"]!.schema).toEqual({ type: "object", additionalProperties: { $ref: "#/components/schemas/User" } });
  });

  it("a map's values from two saved responses are one value schema", () => {
    expect(
      inferSchema([{ users: { U023BECGF: { dnd_enabled: true, next_dnd_end_ts: 1450423800 } } }, { users: { W058CJVAA: { dnd_enabled: false } } }]),
    ).toEqual({
      type: "object",
      properties: {
        users: {
          type: "object",
          additionalProperties: { type: "object", properties: { dnd_enabled: { type: "boolean" }, next_dnd_end_ts: { type: "integer" } }, required: ["dnd_enabled"] },
        },
      },
      required: ["users"],
    });
  });

  it.each([
    ["capital ids of one length (Slack users, a channel)", ["U02UCPE1R", "U02UEBSD2", "U0632EWRW", "W058CJVAA"], true],
    ["one channel id", ["C0T8SE4AU"], true],
    ["UUIDs, any case", ["3bf35491-99b8-41f2-86d5-c1200a7df658", "0EA21509-1141-57BD-B679-371BC98B2ADA"], true],
    ["numeric ids of five digits or more", ["4578152156", "5678904321", "10001"], true],
    ["small numbers: an API's fixed keys (levels, sizes)", ["0", "1", "2"], false],
    ["icon sizes", ["16", "32", "64"], false],
    ["years", ["2019", "2020"], false],
    ["ids of different lengths", ["U02UCPE1R", "U02UCPE1RXY"], false],
    ["short codes: names, not ids", ["ISO3166", "X509"], false],
    ["percentiles", ["P50", "P90", "P95"], false],
    ["numbered names", ["UDF1", "UDF2"], false],
    ["a word and digits, 8 long", ["ISO31661", "ISO31662"], false],
    ["an id beside a name", ["U02UCPE1R", "ok"], false],
    ["lower-case words", ["billing", "active"], false],
    ["no keys", [], false],
  ])("%s → %s", (_, keys, map) => {
    expect(isIdKeyedMap(keys, [Object.fromEntries(keys.map((k) => [k, { a: 1 }]))])).toBe(map);
  });

  it("id keys whose values differ in type are properties: a map's values are one kind of thing", () => {
    expect(isIdKeyedMap(["10001", "10002"], [{ "10001": "a", "10002": 5 }])).toBe(false);
    expect(isIdKeyedMap(["10001", "10002"], [{ "10001": "a", "10002": null }])).toBe(true);
  });

  it("names with digits stay properties, and their object may be named", () => {
    expect(inferSchema([{ codes: { ISO3166: "FR", X509: "cert" } }], { required: false })).toEqual({
      type: "object",
      properties: { codes: { type: "object", properties: { ISO3166: { type: "string" }, X509: { type: "string" } } } },
    });
  });
});
