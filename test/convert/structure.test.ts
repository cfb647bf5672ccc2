import { describe, expect, it } from "vitest";
import { collection, item } from "../helpers.js";
import { convertJson } from "./inline.js";

describe("folders, duplicates and saved responses", () => {
  it("nested folders: each request is tagged with its own folder", () => {
    const { document } = convertJson(
      collection([{ name: "Meetings", item: [{ name: "Registrants", description: "People who registered.", item: [item("List registrants", { url: "{{baseUrl}}/r" })] }, item("List meetings", { url: "{{baseUrl}}/m" })] }]),
    );
    expect(document.tags).toEqual([{ name: "Registrants", description: "People who registered." }, { name: "Meetings" }]);
    expect(document.paths["/r"]!.get!.tags).toEqual(["Registrants"]);
  });

  it("the same method and path twice are merged, with a diagnostic naming both items", () => {
    const a = item("List (paged)", { url: { raw: "{{baseUrl}}/things?page=1", host: ["{{baseUrl}}"], path: ["things"], query: [{ key: "page", value: "1" }] } }, [
      { name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: '{"items":[]}' },
    ]);
    const b = item("List (filtered)", { url: { raw: "{{baseUrl}}/things?q=x", host: ["{{baseUrl}}"], path: ["things"], query: [{ key: "q", value: "x" }] } }, [{ name: "Bad", code: 400, header: [], body: "" }]);
    const { document, diagnostics } = convertJson(collection([a, b]));
    const op = document.paths["/things"]!.get!;
    expect(op.parameters!.map((p) => p.name)).toEqual(["page", "q"]);
    expect(Object.keys(op.responses)).toEqual(["200", "400"]);
    expect(diagnostics.map((d) => [d.code, d.message, d.at.item])).toEqual([
      ["duplicate-operation", 'GET /things is defined by both "List (paged)" and this request; they were merged into one operation (listPaged): parameters, body fields and responses united', "List (filtered)"],
    ]);
  });

  it("paths that differ only in parameter names are one path; the later request's parameters take the first names", () => {
    const { document } = convertJson(
      collection([item("Get version", { url: "{{baseUrl}}/bots/:name/versions/:version" }), item("Delete version", { method: "DELETE", url: "{{baseUrl}}/bots/:name/versions/:alias" })]),
    );
    expect(Object.keys(document.paths)).toEqual(["/bots/{name}/versions/{version}"]);
    expect(document.paths["/bots/{name}/versions/{version}"]!.delete!.parameters!.map((p) => p.name)).toEqual(["name", "version"]);
  });

  it("saved responses keep their headers (but Content-Type) and their names", () => {
    const responses = [
      { name: "Rate limited", code: 429, header: [{ key: "Content-Type", value: "application/json" }, { key: "Retry-After", value: "1" }], body: '{"code":429}' },
      { name: "Rate limited again", code: 429, header: [{ key: "Content-Type", value: "application/json" }, { key: "X-RateLimit-Reset", value: "60" }], body: '{"code":429,"message":"slow"}' },
    ];
    const { document } = convertJson(collection([item("A", {}, responses)]));
    expect(document.paths["/things"]!.get!.responses["429"]).toEqual({
      description: "Rate limited\n\nRate limited again",
      headers: { "Retry-After": { schema: { type: "string" }, example: "1" }, "X-RateLimit-Reset": { schema: { type: "string" }, example: "60" } },
      content: {
        "application/json": {
          schema: { type: "object", properties: { code: { type: "integer" }, message: { type: "string" } }, required: ["code"] },
          examples: {
            rateLimited: { summary: "Rate limited", value: { code: 429 } },
            rateLimitedAgain: { summary: "Rate limited again", value: { code: 429, message: "slow" } },
          },
        },
      },
    });
  });
});
