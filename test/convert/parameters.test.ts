import { describe, expect, it } from "vitest";
import { collection, convertJson, item, onlyOperation } from "../helpers.js";

const url = (path: string[], variable: unknown[] = [], query: unknown[] = []) => ({
  raw: `{{baseUrl}}/${path.join("/")}`,
  host: ["{{baseUrl}}"],
  path,
  variable,
  query,
});

describe("parameters", () => {
  it(":id becomes a required path parameter {id} with its description, and its example typed", () => {
    const { document } = convertJson(
      collection([item("Get", { url: url(["meetings", ":meetingId"], [{ key: "meetingId", value: "68423085", description: "(Required) The meeting's ID." }]) })]),
    );
    const { path, operation } = onlyOperation(document);
    expect(path).toBe("/meetings/{meetingId}");
    expect(operation.parameters).toEqual([
      { name: "meetingId", in: "path", description: "The meeting's ID.", required: true, schema: { type: "integer" }, example: 68423085 },
    ]);
  });

  it("a path parameter without a declaration is still required, typed string", () => {
    const { document } = convertJson(collection([item("Get", { url: url(["users", ":userId"], [{ key: "userId" }]) })]));
    expect(onlyOperation(document).operation.parameters).toEqual([{ name: "userId", in: "path", required: true, schema: { type: "string" } }]);
  });

  it("query parameters keep their descriptions; (Required) and [required] make them required and leave the text", () => {
    const query = [
      { key: "occurrence_id", value: "abc", description: "The meeting or webinar occurrence ID." },
      { key: "page_size", value: "30", description: "(Required) Records per page." },
      { key: "type", value: "live", description: "[required] Meeting type." },
    ];
    const { document } = convertJson(collection([item("List", { url: url(["meetings"], [], query) })]));
    expect(onlyOperation(document).operation.parameters).toEqual([
      { name: "occurrence_id", in: "query", description: "The meeting or webinar occurrence ID.", schema: { type: "string" }, example: "abc" },
      { name: "page_size", in: "query", description: "Records per page.", required: true, schema: { type: "integer" }, example: 30 },
      { name: "type", in: "query", description: "Meeting type.", required: true, schema: { type: "string" }, example: "live" },
    ]);
  });

  it("(This can only be one of a,b,c) becomes an enum and leaves the description", () => {
    const query = [{ key: "type", value: "live", description: "The meeting type. (This can only be one of scheduled,live,upcoming)" }];
    const { document } = convertJson(collection([item("List", { url: url(["meetings"], [], query) })]));
    expect(onlyOperation(document).operation.parameters![0]).toEqual({
      name: "type",
      in: "query",
      description: "The meeting type.",
      schema: { type: "string", enum: ["scheduled", "live", "upcoming"] },
      example: "live",
    });
  });

  it("the request's description states a parameter's values in a line that starts with its name; its own text wins", () => {
    const description = "Lists tickets.\n\n- `status`: one of `open`, `pending` or `closed`.\n- **sort**: Can be: `asc` or `desc`.\n\nThe `owner` is one of `me` or `team`.";
    const query = [
      { key: "status", value: "closed", description: "Which tickets." },
      { key: "sort", value: "up", description: "Order. Can be: `up` or `down`." },
      { key: "owner", value: "me" },
    ];
    const { document } = convertJson(collection([item("List", { description, url: url(["tickets"], [], query) })]));
    expect(onlyOperation(document).operation.parameters).toEqual([
      { name: "status", in: "query", description: "Which tickets.", schema: { type: "string", enum: ["open", "pending", "closed"] }, example: "closed" },
      { name: "sort", in: "query", description: "Order. Can be: `up` or `down`.", schema: { type: "string", enum: ["up", "down"] }, example: "up" },
      // Named inside a sentence only: tied to the values by nearness, so not read.
      { name: "owner", in: "query", schema: { type: "string" }, example: "me" },
    ]);
  });

  it("a query key given several times is an array; placeholders and decimals are typed", () => {
    const query = [
      { key: "status", value: "available", description: "(Required) Status values." },
      { key: "status", value: "sold" },
      { key: "since", value: "<dateTime>" },
      { key: "ratio", value: "0.75" },
    ];
    const { document } = convertJson(collection([item("Find", { url: url(["pets"], [], query) })]));
    expect(onlyOperation(document).operation.parameters).toEqual([
      { name: "status", in: "query", description: "Status values.", required: true, schema: { type: "array", items: { type: "string" } }, example: ["available", "sold"] },
      { name: "since", in: "query", schema: { type: "string", format: "date-time" } },
      { name: "ratio", in: "query", schema: { type: "number" }, example: 0.75 },
    ]);
  });

  it("Content-Type, Accept and Authorization headers are not parameters; other headers are", () => {
    const header = [
      { key: "Content-Type", value: "application/json" },
      { key: "Accept", value: "application/json" },
      { key: "Authorization", value: "Bearer x" },
      { key: "X-Request-Id", value: "r-1", description: "Tracing id." },
    ];
    const { document } = convertJson(collection([item("Get", { header })]));
    expect(onlyOperation(document).operation.parameters).toEqual([
      { name: "X-Request-Id", in: "header", description: "Tracing id.", schema: { type: "string" }, example: "r-1" },
    ]);
  });
});
