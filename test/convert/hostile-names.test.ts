/** Names from items that have none to give (fuzzer F5, issue 9's non-Latin names) and nullable unions (F7). */
import { describe, expect, it } from "vitest";
import { collection, item } from "../helpers.js";
import { convertJson } from "./inline.js";
import { redoclyErrors } from "./redocly.js";

describe("names an item cannot give, and nullable unions", () => {
  it("an item named in another script is named by its method and path; its name stays the summary", async () => {
    const { document } = convertJson(collection([item("日本語", { url: "{{baseUrl}}/users/:id" }), item("ユーザー作成", { method: "POST", url: "{{baseUrl}}/users" }), item("Список", { url: "{{baseUrl}}/users" })]));
    expect([document.paths["/users/{id}"]!.get, document.paths["/users"]!.post, document.paths["/users"]!.get].map((o) => [o!.operationId, o!.summary])).toEqual([
      ["getUsersId", "日本語"],
      ["postUsers", "ユーザー作成"],
      ["getUsers", "Список"],
    ]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("an item named \"\" has no empty summary: its method and path are (F5)", async () => {
    const { document } = convertJson(collection([item("", { url: "{{baseUrl}}/" })]));
    expect(document.paths["/"]!.get).toEqual({ operationId: "get", summary: "GET /", responses: { default: { description: "The collection documents no response." } } });
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a mixed array with nulls: each branch of the union is nullable, none without a type (F7)", async () => {
    const { document } = convertJson(collection([item("x", { method: "POST", body: { mode: "graphql", graphql: { query: "q", variables: '[[], "x", null]' } } })]));
    const schema = document.paths["/things"]!.post!.requestBody!.content["application/json"]!.schema!;
    expect(schema.properties!.variables).toEqual({ type: "array", items: { anyOf: [{ type: "array", items: {}, nullable: true }, { type: "string", nullable: true }] } });
    expect(await redoclyErrors(document)).toEqual([]);
  });
});
