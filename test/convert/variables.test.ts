import { describe, expect, it } from "vitest";
import { convert } from "../../codegen/index.js";
import { collection, convertJson, item } from "../helpers.js";

describe("variables", () => {
  it("folder variables shadow collection variables", () => {
    const folder = { name: "EU", variable: [{ key: "baseUrl", value: "https://eu.example.com" }], item: [item("List EU", { url: "{{baseUrl}}/eu" })] };
    const { document } = convertJson(collection([item("List"), folder]));
    expect(document.servers).toEqual([{ url: "https://api.example.com/v2" }]);
    expect(document.paths["/eu"]!.servers).toEqual([{ url: "https://eu.example.com" }]);
  });

  it("an environment file's values override the collection's", () => {
    const env = { text: JSON.stringify({ name: "prod", values: [{ key: "baseUrl", value: "https://prod.example.com", enabled: true }, { key: "x", value: "1", enabled: false }] }), file: "prod.json" };
    const result = convert(JSON.stringify(collection([item("List")])), "c.json", { environment: env });
    expect(result.document!.servers).toEqual([{ url: "https://prod.example.com" }]);
  });

  it("an environment's values set servers but never become examples (they are often secrets)", () => {
    const env = { text: JSON.stringify({ values: [{ key: "apiKey", value: "sk-live-123" }, { key: "baseUrl", value: "https://prod.example.com" }] }), file: "prod.json" };
    const source = collection([item("Get", { header: [{ key: "X-API-Key", value: "{{apiKey}}" }] })], { variable: [{ key: "baseUrl", value: "https://api.example.com" }, { key: "apiKey" }] });
    const result = convert(JSON.stringify(source), "c.json", { environment: env });
    expect(result.document!.servers).toEqual([{ url: "https://prod.example.com" }]);
    expect(JSON.stringify(result.document)).not.toContain("sk-live-123");
  });

  it("a broken environment file is an error naming that file", () => {
    const result = convert(JSON.stringify(collection([item("List")])), "c.json", { environment: { text: "{}", file: "env.json" } });
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.at.file])).toEqual([["invalid-environment", "env.json"]]);
  });

  it("{{var}} in a path segment is a path parameter whose variable value is its example", () => {
    const { document } = convertJson(collection([item("Get", { url: "{{baseUrl}}/users/{{userId}}/posts" })], { variable: [{ key: "baseUrl", value: "https://x.io" }, { key: "userId", value: "42" }] }));
    expect(document.paths["/users/{userId}/posts"]!.get!.parameters).toEqual([{ name: "userId", in: "path", required: true, schema: { type: "integer" }, example: 42 }]);
  });

  it("requests on several hosts: the first is the server, the others are per-path servers", () => {
    const { document } = convertJson(collection([item("A", { url: "https://a.example.com/a" }), item("B", { url: "https://b.example.com/b" })]));
    expect(document.servers).toEqual([{ url: "https://a.example.com" }]);
    expect(document.paths["/b"]!.servers).toEqual([{ url: "https://b.example.com" }]);
  });

  it("a URL fragment stays part of the path (AWS tells operations apart by it)", () => {
    const { document } = convertJson(collection([item("A", { method: "POST", url: "{{baseUrl}}/#X-Amz-Target=Kinesis.CreateStream" }), item("B", { method: "POST", url: "{{baseUrl}}/#X-Amz-Target=Kinesis.DeleteStream" })]));
    expect(Object.keys(document.paths)).toEqual(["/#X-Amz-Target=Kinesis.CreateStream", "/#X-Amz-Target=Kinesis.DeleteStream"]);
  });
});
