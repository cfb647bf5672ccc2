/**
 * Issue 10, named components: a list response's items held under a word that names no type
 * (`{ value: [ … ], nextLink }`, Azure's lists; `{ data: [ … ] }`) are named after the resource
 * the path names, not `Value` or `Data`. Fixtures are written here.
 */
import { describe, expect, it } from "vitest";
import { collection, convertJson, item } from "../helpers.js";

const json = (code: number, body: unknown, name = "OK") => ({ name, code, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) });
const template = { id: "t1", description: "Build a Node app", inputs: [] };

const names = (items: ReturnType<typeof item>[]) => Object.keys(convertJson(collection(items)).document.components?.schemas ?? {}).sort();

describe("list items under value or data are named after the resource", () => {
  it("Azure's { value: [ … ], nextLink } list: the items are PipelineTemplate", () => {
    const doc = convertJson(collection([item("List pipeline templates", { url: "{{baseUrl}}/pipelineTemplates" }, [json(200, { value: [template], nextLink: "https://x/next" })])])).document;
    expect(Object.keys(doc.components?.schemas ?? {}).sort()).toEqual(["PipelineTemplate", "PipelineTemplateList"]);
    expect(doc.components!.schemas!.PipelineTemplateList).toEqual({
      type: "object",
      properties: { value: { type: "array", items: { $ref: "#/components/schemas/PipelineTemplate" } }, nextLink: { type: "string", format: "uri" } },
    });
  });

  it("{ data: [ … ] } under a nested path: the items are named by the path's last two resources", () => {
    expect(names([item("List a station's trips", { url: "{{baseUrl}}/stations/:id/trips" }, [json(200, { data: [{ id: "t1", origin: "Berlin" }], links: { next: "x" } })])])).toEqual(["StationTrip", "StationTripList"]);
  });

  it("a GET of one resource keeps the resource's name; its list's items of another shape fall back to the property's word", () => {
    expect(
      names([
        item("Get a pipeline template", { url: "{{baseUrl}}/pipelineTemplates/:id" }, [json(200, { ...template, owner: "ada" })]),
        item("List pipeline templates", { url: "{{baseUrl}}/pipelineTemplates" }, [json(200, { value: [template] })]),
      ]),
    ).toEqual(["PipelineTemplate", "PipelineTemplateList", "Value"]);
  });

  it("items, results and records name what a list holds, and keep their own word", () => {
    expect(names([item("Search commits", { url: "{{baseUrl}}/search/commits" }, [json(200, { total_count: 1, items: [{ sha: "abc", url: "x" }] })])])).toEqual(["Item", "SearchCommitList"]);
  });

  it("a request's or a single resource's { data: { … } } is not a list: unchanged", () => {
    expect(names([item("Get a station", { url: "{{baseUrl}}/stations/:id" }, [json(200, { data: { id: "s1", name: "Berlin Hbf" } })])])).toEqual(["Data", "Station"]);
  });
});
