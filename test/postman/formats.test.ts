/** The shapes a Postman collection file comes in, all read into one model. */
import { describe, expect, it } from "vitest";
import { convert } from "../../codegen/index.js";
import { collection, convertJson, item } from "../helpers.js";

describe("collection formats", () => {
  it("reads a v2.0 collection: auth as an object, a string URL, string headers and descriptions", () => {
    const v20 = {
      info: { name: "Old", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" },
      auth: { type: "apikey", apikey: { key: "X-Token", value: "{{token}}", in: "header" } },
      item: [{ name: "Ping", request: { method: "GET", url: "https://api.example.com/ping?verbose=true", header: "X-Trace: 1\nAccept: */*", description: "Checks the API." } }],
    };
    const { document } = convertJson(v20);
    expect(document.components!.securitySchemes).toEqual({ apiKeyAuth: { type: "apiKey", name: "X-Token", in: "header" } });
    expect(document.paths["/ping"]!.get).toMatchObject({
      description: "Checks the API.",
      parameters: [
        { name: "verbose", in: "query", schema: { type: "boolean" }, example: true },
        { name: "X-Trace", in: "header", schema: { type: "integer" }, example: 1 },
      ],
    });
  });

  it("reads the Postman API's { collection: … } wrapper", () => {
    const { document } = convertJson({ collection: collection([item("List")]) });
    expect(Object.keys(document.paths)).toEqual(["/things"]);
  });

  it("reads a bare item, as the seeds give them", () => {
    const { document } = convertJson({ name: "Get thing", request: { method: "GET", url: "https://api.example.com/things/:id" } });
    expect(document.paths["/things/{id}"]!.get!.operationId).toBe("getThing");
  });

  it("descriptions may be { content, type } objects", () => {
    const { document } = convertJson(collection([item("List", { description: { content: "Lists <b>things</b>.", type: "text/html" } })]));
    expect(document.paths["/things"]!.get!.description).toBe("Lists **things**.");
  });

  it("a request without a URL is named in a warning and left out; the rest still converts (issue 10)", () => {
    const result = convert(JSON.stringify(collection([item("Broken", { url: undefined }), item("Fine")])), "c.json");
    expect(Object.keys(result.document!.paths)).toEqual(["/things"]);
    expect(result.document!.paths["/things"]!.get!.operationId).toBe("fine");
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.at.pointer, d.at.item])).toEqual([["warning", "missing-url", "#/item/0/request/url", "Broken"]]);
  });
});
