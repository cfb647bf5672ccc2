/**
 * Issue 10, size: parameters and error responses an API repeats word for word are written once
 * under `components/parameters` and `components/responses` and referenced (Asana's export: 3.3×
 * its spec's size before, 1.0× after). Fixtures are small collections written here.
 */
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { collection, convertJson, item, type Json } from "../helpers.js";
import { redoclyErrors } from "./redocly.js";

const LIMIT = "The number of objects to return, between 1 and 100. Pages after the first are fetched with a cursor.";
const notFound = { name: "Either the request method and path supplied do not specify a known action in the API, or the object does not exist.", code: 404, header: [{ key: "Content-Type", value: "application/json" }], body: '{"errors":[{"message":"Not found"}]}' };
const ok = { name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: '{"data":[{"gid":"1","name":"A task, with a long enough name to be worth sharing"}]}' };

/** GET /{resource}?limit=10 with the shared error and success response. */
const list = (name: string, resource: string, limit = LIMIT, responses: Json[] = [ok, notFound]) =>
  item(name, { url: { raw: `{{baseUrl}}/${resource}?limit=10`, host: ["{{baseUrl}}"], path: [resource], query: [{ key: "limit", value: "10", description: limit }] } }, responses);

const refsOf = (document: OpenApiDocument, path: string) => {
  const op = document.paths[path]!.get!;
  return { parameters: op.parameters, responses: op.responses };
};

describe("shared parameters and error responses", () => {
  it("a shared parameter named after an Object.prototype member takes its qualified name (Redocly, like other tools, reads components/parameters/valueOf as the inherited function)", async () => {
    const valueOf = (name: string, resource: string) =>
      item(name, { url: { raw: `{{baseUrl}}/${resource}?valueOf=10`, host: ["{{baseUrl}}"], path: [resource], query: [{ key: "valueOf", value: "10", description: LIMIT }] } }, [ok, notFound]);
    const { document } = convertJson(collection([valueOf("List tasks", "tasks"), valueOf("List projects", "projects")]));
    expect(Object.keys((document.components as Json).parameters as Json)).toEqual(["valueOf_query"]);
    expect(refsOf(document, "/tasks").parameters).toEqual([{ $ref: "#/components/parameters/valueOf_query" }]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a parameter and an error response given word for word by two operations are one component each, referenced", async () => {
    const { document, diagnostics } = convertJson(collection([list("List tasks", "tasks"), list("List projects", "projects")]));
    expect(diagnostics).toEqual([]);
    const components = document.components as Json;
    expect(Object.keys(components)).toEqual(["schemas", "responses", "parameters", "securitySchemes"].filter((k) => k in components));
    expect(components.parameters).toEqual({ limit: { name: "limit", in: "query", description: LIMIT, schema: { type: "integer", minimum: 1, maximum: 100 }, example: 10 } });
    expect(Object.keys(components.responses as Json)).toEqual(["NotFound"]);
    for (const path of ["/tasks", "/projects"]) {
      const { parameters, responses } = refsOf(document, path);
      expect(parameters).toEqual([{ $ref: "#/components/parameters/limit" }]);
      expect(responses["404"]).toEqual({ $ref: "#/components/responses/NotFound" });
      // A success response stays on its operation, with its example, where an overlay finds it.
      expect(responses["200"]!.content!["application/json"]!.example).toEqual(JSON.parse(ok.body));
    }
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("objects given once, or too short to be worth a $ref, stay inline; a second `limit` unlike the first gets its own name, a third stays inline", () => {
    const third = "How many teams to return on one page of results, counted after filters apply.";
    const { document } = convertJson(
      collection([
        list("List tasks", "tasks"),
        list("List projects", "projects"),
        list("List tags", "tags", "How many tags, at most 50 (the default) per page of the results returned."),
        list("List users", "users", "How many tags, at most 50 (the default) per page of the results returned."),
        list("List people", "people", "How many tags, at most 50 (the default) per page of the results returned."),
        list("List sections", "sections"),
        list("List stories", "stories"),
        // Used twice, like `limit` and `limit_query`, but less than they are: no name is left for it.
        list("List teams", "teams", third),
        list("List groups", "groups", third),
        item("Get task", { url: "{{baseUrl}}/tasks/:id" }),
        item("Get project", { url: "{{baseUrl}}/projects/:id" }),
      ]),
    );
    const components = document.components as Json;
    expect(Object.keys(components.parameters as Json)).toEqual(["limit", "limit_query"]);
    expect(document.paths["/teams"]!.get!.parameters).toEqual([{ name: "limit", in: "query", description: third, schema: { type: "integer" }, example: 10 }]);
    // `{ name: "id", in: "path", required: true, schema: { type: "string" } }` twice: shorter than two refs' worth.
    expect(document.paths["/tasks/{id}"]!.get!.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }]);
  });

  it("names do not depend on item order: the most used object of a name gets the plain one", () => {
    const other = "How many tags, at most 50 (the default) per page of the results returned.";
    const items = () => [list("List tasks", "tasks"), list("List tags", "tags", other), list("List users", "users", other), list("List projects", "projects"), list("List teams", "teams", other)];
    const forward = convertJson(collection(items())).document;
    const backward = convertJson(collection(items().reverse())).document;
    expect(backward.components).toEqual(forward.components);
    expect(((forward.components as Json).parameters as Record<string, { description: string }>).limit!.description).toBe(other);
  });
});
