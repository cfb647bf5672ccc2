/**
 * Issue 10's "Also seen" list, item by item, where no other test already shows it (the others:
 * servers.test.ts, url.test.ts, example-hazards.test.ts, diagnostic-groups.test.ts and
 * cli-output/report-output.test.ts; the README's table of conversion rules names each).
 */
import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";
import { redoclyErrors } from "./redocly.js";

describe("issue 10, also seen", () => {
  it("`https://{{host}}` keeps its scheme, also when {{host}} has a value", async () => {
    const { document, diagnostics } = convertJson(collection([item("Get", { url: "https://{{host}}/things" })], { variable: [{ key: "host", value: "api.example.net" }] }));
    expect(document.servers).toEqual([{ url: "https://api.example.net" }]);
    expect(Object.keys(document.paths)).toEqual(["/things"]);
    expect(diagnostics).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("`{{scheme}}://{{host}}:{{port}}` with every value set is the server, nothing of it in the path", async () => {
    const { document, diagnostics } = convertJson(
      collection([item("Get", { url: "{{scheme}}://{{host}}:{{port}}/v1/things" })], {
        variable: [{ key: "scheme", value: "http" }, { key: "host", value: "localhost" }, { key: "port", value: "8080" }],
      }),
    );
    expect(document.servers).toEqual([{ url: "http://localhost:8080" }]);
    expect(Object.keys(document.paths)).toEqual(["/v1/things"]);
    expect(diagnostics).toEqual([]);
  });

  it("a query key with a space (`site id`) is a parameter of that name, and Redocly finds no error", async () => {
    const { document, diagnostics } = convertJson(collection([item("List sites", { url: "{{baseUrl}}/sites?site id=7&page=2" })]));
    expect(document.paths["/sites"]!.get!.parameters).toEqual([
      { name: "site id", in: "query", schema: { type: "integer" }, example: 7 },
      { name: "page", in: "query", schema: { type: "integer" }, example: 2 },
    ]);
    expect(diagnostics).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a `{{search}}` left in a path fragment is literal, encoded text: no template Redocly would reject", async () => {
    const { document } = convertJson(collection([item("Search", { url: "{{baseUrl}}/docs#{{search}}" })]));
    expect(Object.keys(document.paths)).toEqual(["/docs#%7B%7Bsearch%7D%7D"]);
    expect(onlyOperation(document).operation.parameters).toBeUndefined();
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a literal `$ref` key inside a saved response's JSON is no example and no property (either would read as a broken reference)", async () => {
    const saved = { name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify({ schema: { $ref: "#/definitions/Pet" }, id: 1 }) };
    const { document } = convertJson(collection([item("Get", {}, [saved])]));
    const media = onlyOperation(document).operation.responses["200"]!.content!["application/json"]!;
    expect(media).toEqual({
      schema: {
        type: "object",
        // A `$ref` property would read as a reference in the schema too: it is left out there as well.
        properties: { schema: { type: "object" }, id: { type: "integer" } },
      },
    });
    expect(await redoclyErrors(document)).toEqual([]);
  });
});
