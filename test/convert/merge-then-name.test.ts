/**
 * Issue 10: merge first, then name. openapi-to-postmanv2 puts an operation with two tags in
 * both folders; the two copies are one operation with both tags and the plain name, not two
 * folder-qualified names (`adminAdminConversationsArchive`). And parameters of one name across
 * the API get one type when their samples allow it.
 */
import { describe, expect, it } from "vitest";
import { collection, convertJson, item } from "../helpers.js";

const archive = () => item("admin.conversations.archive", { method: "POST", url: "{{baseUrl}}/admin.conversations.archive" });

describe("duplicates: merged, then named", () => {
  it("an operation in two folders is one operation with both tags and its plain name", () => {
    const { document, diagnostics } = convertJson(
      collection([
        { name: "admin", item: [archive(), item("admin.users.list", { url: "{{baseUrl}}/admin.users.list" })] },
        { name: "admin.conversations", item: [archive()] },
      ]),
    );
    const op = document.paths["/admin.conversations.archive"]!.post!;
    expect(op.operationId).toBe("adminConversationsArchive");
    expect(op.tags).toEqual(["admin", "admin.conversations"]);
    expect(document.paths["/admin.users.list"]!.get!.operationId).toBe("adminUsersList");
    expect(diagnostics.map((d) => [d.code, d.message, d.at.pointer, d.at.item])).toEqual([
      [
        "duplicate-operation",
        'POST /admin.conversations.archive is defined by both "admin › admin.conversations.archive" and this request; they were merged into one operation (adminConversationsArchive): parameters, body fields and responses united',
        "#/item/1/item/0",
        "admin.conversations › admin.conversations.archive",
      ],
    ]);
  });

  it("different operations of one name are still told apart by folder, whatever the order", () => {
    const items = [
      { name: "Users", item: [item("List", { url: "{{baseUrl}}/users" })] },
      { name: "Teams", item: [item("List", { url: "{{baseUrl}}/teams" }), item("List", { url: "{{baseUrl}}/teams" })] },
    ];
    const ids = (doc: ReturnType<typeof convertJson>["document"]) => ({ users: doc.paths["/users"]!.get!.operationId, teams: doc.paths["/teams"]!.get!.operationId });
    expect(ids(convertJson(collection(items)).document)).toEqual({ users: "usersList", teams: "teamsList" });
    expect(ids(convertJson(collection([...items].reverse())).document)).toEqual({ users: "usersList", teams: "teamsList" });
  });

  it("a merged operation takes the plainest of its names (the shortest), not the first", () => {
    const { document } = convertJson(collection([item("List things (filtered by owner)", {}), item("List things", {})]));
    expect(document.paths["/things"]!.get!.operationId).toBe("listThings");
  });
});

describe("one type per parameter name", () => {
  it("meetingId sampled as a number in one request and a word in another is a string in both, its examples text", () => {
    const { document } = convertJson(
      collection([
        item("Update registrants", { method: "PUT", url: { raw: "{{baseUrl}}/meetings/:meetingId/registrants", host: ["{{baseUrl}}"], path: ["meetings", ":meetingId", "registrants"], variable: [{ key: "meetingId", value: "85746065432" }] } }),
        item("Batch registration", { method: "POST", url: { raw: "{{baseUrl}}/meetings/:meetingId/batch", host: ["{{baseUrl}}"], path: ["meetings", ":meetingId", "batch"], variable: [{ key: "meetingId", value: "quis officia" }] } }),
        item("Get meeting", { url: { raw: "{{baseUrl}}/meetings/:meetingId", host: ["{{baseUrl}}"], path: ["meetings", ":meetingId"], variable: [{ key: "meetingId", value: "42" }] } }),
      ]),
    );
    const meetingId = (path: string, method: "get" | "put" | "post") => document.paths[path]![method]!.parameters!.find((p) => p.name === "meetingId");
    expect(meetingId("/meetings/{meetingId}/registrants", "put")).toEqual({ name: "meetingId", in: "path", required: true, schema: { type: "string" }, example: "85746065432" });
    expect(meetingId("/meetings/{meetingId}/batch", "post")).toEqual({ name: "meetingId", in: "path", required: true, schema: { type: "string" }, example: "quis officia" });
    expect(meetingId("/meetings/{meetingId}", "get")).toEqual({ name: "meetingId", in: "path", required: true, schema: { type: "string" }, example: "42" });
  });

  it("a path parameter whose sample says nothing (none, empty, a {{variable}} without a value) does not vote: it takes the type the others give", () => {
    const at = (path: string, value?: string) => ({ raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/"), variable: [{ key: "id", ...(value === undefined ? {} : { value }) }] });
    const { document } = convertJson(
      collection([
        item("Get", { url: at("servers/:id", "42") }),
        item("Delete", { method: "DELETE", url: at("servers/:id", "") }),
        item("Actions", { url: at("servers/:id/actions", "{{serverId}}") }),
        item("Metrics", { url: at("servers/:id/metrics") }),
        item("Get a volume", { url: at("volumes/:volumeId/x") }),
      ]),
    );
    const id = (path: string, method: "get" | "delete" = "get") => document.paths[path]![method]!.parameters!.find((p) => p.name === "id");
    expect(id("/servers/{id}")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" }, example: 42 });
    expect(id("/servers/{id}", "delete")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" } });
    expect(id("/servers/{id}/actions")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" } });
    expect(id("/servers/{id}/metrics")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" } });
  });

  it("a clear majority (more than two thirds) keeps its type; a sample that cannot be it keeps its own, one that says nothing takes it", () => {
    const at = (path: string, value?: string) => ({ raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/"), variable: [{ key: "id", ...(value === undefined ? {} : { value }) }] });
    const { document } = convertJson(
      collection([
        item("Get a server", { url: at("servers/:id", "42") }),
        item("Get an action", { url: at("actions/:id", "-10527879") }),
        item("Get an image", { url: at("images/:id", "7") }),
        item("Delete a key", { method: "DELETE", url: at("ssh_keys/:id", "aute ipsum") }),
        item("Get its metrics", { url: at("servers/:id/metrics") }),
      ]),
    );
    const id = (path: string, method: "get" | "delete" = "get") => document.paths[path]![method]!.parameters!.find((p) => p.name === "id");
    expect(id("/servers/{id}")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" }, example: 42 });
    expect(id("/actions/{id}")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" }, example: -10527879 });
    expect(id("/images/{id}")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" }, example: 7 });
    expect(id("/ssh_keys/{id}", "delete")).toEqual({ name: "id", in: "path", required: true, schema: { type: "string" }, example: "aute ipsum" });
    expect(id("/servers/{id}/metrics")).toEqual({ name: "id", in: "path", required: true, schema: { type: "integer" } });
  });

  it("the two-thirds boundary: 2 numbers and a word are strings everywhere; 3 numbers and a word are 3 integers and a string", () => {
    const at = (path: string, value: string) => ({ raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/"), variable: [{ key: "id", value }] });
    const types = (values: string[]) => {
      const { document } = convertJson(collection(values.map((v, i) => item(`Get ${i}`, { url: at(`r${i}/:id`, v) }))));
      return values.map((_, i) => document.paths[`/r${i}/{id}`]!.get!.parameters![0]!.schema);
    };
    expect(types(["1", "2", "word"])).toEqual([{ type: "string" }, { type: "string" }, { type: "string" }]);
    expect(types(["1", "2", "3", "word"])).toEqual([{ type: "integer" }, { type: "integer" }, { type: "integer" }, { type: "string" }]);
  });

  it("a clear majority that agrees on a format gives it to the parameters that said nothing: three `<long>`s, a word and no sample", () => {
    const at = (path: string, value?: string) => ({ raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/"), variable: [{ key: "id", ...(value === undefined ? {} : { value }) }] });
    const { document } = convertJson(
      collection([
        item("A", { url: at("a/:id", "<long>") }),
        item("B", { url: at("b/:id", "<long>") }),
        item("C", { url: at("c/:id", "<long>") }),
        item("D", { url: at("d/:id", "abc") }),
        item("E", { url: at("e/:id") }),
      ]),
    );
    const id = (path: string) => document.paths[path]!.get!.parameters![0];
    expect(["/a/{id}", "/b/{id}", "/c/{id}", "/d/{id}", "/e/{id}"].map(id)).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "integer", format: "int64" } },
      { name: "id", in: "path", required: true, schema: { type: "integer", format: "int64" } },
      { name: "id", in: "path", required: true, schema: { type: "integer", format: "int64" } },
      { name: "id", in: "path", required: true, schema: { type: "string" }, example: "abc" },
      { name: "id", in: "path", required: true, schema: { type: "integer", format: "int64" } },
    ]);
  });

  it("a majority that does not agree on a format gives the silent ones the type alone", () => {
    const at = (path: string, value?: string) => ({ raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/"), variable: [{ key: "id", ...(value === undefined ? {} : { value }) }] });
    const { document } = convertJson(
      collection([item("A", { url: at("a/:id", "<long>") }), item("B", { url: at("b/:id", "<integer>") }), item("C", { url: at("c/:id", "<long>") }), item("D", { url: at("d/:id", "abc") }), item("E", { url: at("e/:id") })]),
    );
    expect(document.paths["/e/{id}"]!.get!.parameters![0]!.schema).toEqual({ type: "integer" });
  });

  it("a typed placeholder states its type: `<string>` votes (and keeps it) beside four `<number>`s", () => {
    const at = (path: string, value: string) => ({ raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/"), variable: [{ key: "id", value }] });
    const { document } = convertJson(
      collection([
        item("Get", { url: at("anything/:id", "<number>") }),
        item("Post", { method: "POST", url: at("anything/:id", "<number>") }),
        item("Action", { url: at("anything/:id/action", "<number>") }),
        item("Other", { url: at("anything/:id/other", "<number>") }),
        item("Override", { url: at("anything/:id/override", "<string>") }),
      ]),
    );
    const id = (path: string, method: "get" | "post" = "get") => document.paths[path]![method]!.parameters!.find((p) => p.name === "id")!.schema;
    expect(id("/anything/{id}")).toEqual({ type: "number" });
    expect(id("/anything/{id}", "post")).toEqual({ type: "number" });
    expect(id("/anything/{id}/action")).toEqual({ type: "number" });
    expect(id("/anything/{id}/override")).toEqual({ type: "string" });
  });

  it("integers and decimals of one path parameter are numbers; query parameters, one type alone and enums are left as they are", () => {
    const q = (key: string, value: string, description?: string) => ({ key, value, ...(description ? { description } : {}) });
    const url = (path: string, ratio: string, query: object[]) => ({ raw: `{{baseUrl}}/${path}/:ratio`, host: ["{{baseUrl}}"], path: [path, ":ratio"], variable: [{ key: "ratio", value: ratio }], query });
    const { document } = convertJson(
      collection([
        item("A", { url: url("a", "1", [q("count", "1"), q("page", "1"), q("sort", "asc", "Order. (This can only be one of asc,desc)")]) }),
        item("B", { url: url("b", "0.5", [q("count", "lorem"), q("page", "2"), q("sort", "up")]) }),
      ]),
    );
    const schemas = (path: string) => Object.fromEntries(document.paths[path]!.get!.parameters!.map((p) => [`${p.in} ${p.name}`, p.schema]));
    // Slack's `count` is a string in files.list and an integer in search.messages: query parameters keep their own.
    expect(schemas("/a/{ratio}")).toEqual({ "path ratio": { type: "number" }, "query count": { type: "integer" }, "query page": { type: "integer" }, "query sort": { type: "string", enum: ["asc", "desc"] } });
    expect(schemas("/b/{ratio}")).toEqual({ "path ratio": { type: "number" }, "query count": { type: "string" }, "query page": { type: "integer" }, "query sort": { type: "string" } });
  });

  it("a type a typed collection declares is left as declared; the inferred ones of that name are unified among themselves", () => {
    const path = (p: string, value: string) => ({ raw: `{{baseUrl}}/pets/:petId${p}`, host: ["{{baseUrl}}"], path: ["pets", ":petId", ...(p ? [p.slice(1)] : [])], variable: [{ key: "petId", value }] });
    const data = collection([item("Get a pet", { url: path("", "42") }), item("Get its tags", { url: path("/tags", "7") }), item("Get its toys", { url: path("/toys", "rex") })]);
    const declared = JSON.stringify([{ keyName: "petId", properties: { type: "integer", format: "int64" } }]);
    const types = { "get/pets/{petId}": { request: { headers: "[]", pathParam: declared, queryParam: "[]" }, response: {} } };
    const { document } = convertJson({ result: true, output: [{ type: "collection", data }], extractedTypes: types });
    const petId = (p: string) => document.paths[p]!.get!.parameters![0]!.schema;
    expect(petId("/pets/{petId}")).toEqual({ type: "integer", format: "int64" });
    expect(petId("/pets/{petId}/tags")).toEqual({ type: "string" });
    expect(petId("/pets/{petId}/toys")).toEqual({ type: "string" });
  });
});
