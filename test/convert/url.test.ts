import { describe, expect, it } from "vitest";
import { collection, convertJson, item } from "../helpers.js";

describe("servers and paths", () => {
  it("resolves {{baseUrl}} through the collection variables: the server is its value, paths are relative", () => {
    const { document } = convertJson(collection([item("Get events", { url: { raw: "{{baseUrl}}/rooms/:id/events", host: ["{{baseUrl}}"], path: ["rooms", ":id", "events"] } })]));
    expect(document.servers).toEqual([{ url: "https://api.example.com/v2" }]);
    expect(Object.keys(document.paths)).toEqual(["/rooms/{id}/events"]);
  });

  it("turns a host variable without a value into a server variable whose default is its name (never empty), with a warning, never a literal {{…}}", () => {
    const { document, diagnostics } = convertJson(collection([item("Get", { url: "{{host}}/things" })], { variable: [{ key: "host" }] }));
    expect(document.servers).toEqual([{ url: "{host}", variables: { host: { default: "host", description: "The value of the Postman variable `host`." } } }]);
    expect(JSON.stringify(document)).not.toContain("{{");
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([["warning", "unresolved-variable"]]);
    expect(diagnostics[0]!.at).toEqual({ file: "test.postman_collection.json", pointer: "#/item/0/request/url/host", item: "Get" });
  });

  it("splits a literal URL into origin and path", () => {
    const { document } = convertJson(collection([item("Get", { url: "https://api.example.org/v1/users?limit=10" })]));
    expect(document.servers).toEqual([{ url: "https://api.example.org" }]);
    expect(Object.keys(document.paths)).toEqual(["/v1/users"]);
  });

  it("reads a url object that has no `raw` (postman-to-openapi crashes on it)", () => {
    const { document } = convertJson(collection([item("Get", { url: { host: ["{{baseUrl}}"], path: ["users", ":userId"] } })]));
    expect(Object.keys(document.paths)).toEqual(["/users/{userId}"]);
  });
});
