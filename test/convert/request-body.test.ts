import { describe, expect, it } from "vitest";
import { collection, form, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";

const multipart = [{ key: "Content-Type", value: "multipart/form-data" }];

describe("request bodies", () => {
  it("the Content-Type header chooses the media type; a body makes requestBody required", () => {
    const { document } = convertJson(collection([item("Set", { method: "PUT", header: multipart, body: form(["action", "deny"]) })]));
    const body = onlyOperation(document).operation.requestBody!;
    expect(body.required).toBe(true);
    expect(Object.keys(body.content)).toEqual(["multipart/form-data"]);
  });

  it("a (Required) form field written `[object Object]` is not required: openapi-to-postmanv2 6 marks an object field by the keys its object requires", () => {
    // As openapi-to-postmanv2 6 writes an optional object property whose schema has `required: [updateAt]`.
    const { document } = convertJson(
      collection([item("Import", { method: "POST", header: multipart, body: form(["name", "<string>", "(Required) Video name"], ["scheduleUpdate", "[object Object]", "(Required) "]) })]),
    );
    expect(onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!.schema!.required).toEqual(["name"]);
  });

  it("form fields: true/false → boolean, digits → integer, text → string; examples typed like the schema", () => {
    const { document } = convertJson(
      collection([item("Set", { method: "PUT", header: multipart, body: form(["auto_approve", "true"], ["duration", "1221"], ["status", "Available"]) })]),
    );
    const media = onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!;
    expect(media.schema).toEqual({
      type: "object",
      properties: { auto_approve: { type: "boolean" }, duration: { type: "integer" }, status: { type: "string" } },
    });
    expect(media.example).toEqual({ auto_approve: true, duration: 1221, status: "Available" });
    expect(media.encoding).toBeUndefined();
  });

  it("a form field holding JSON text gets the JSON's schema and an application/json encoding", () => {
    const registrants = JSON.stringify([{ id: "a1", email: "x@example.com" }, { id: "b2", email: "y@example.com" }]);
    const params = JSON.stringify({ event_id: "e1", change_key: "k" });
    const { document } = convertJson(
      collection([item("Set", { method: "PUT", header: multipart, body: form(["registrants", registrants, "List of registrants."], ["params", params]) })]),
    );
    const media = onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!;
    expect(media.schema!.properties).toEqual({
      registrants: {
        description: "List of registrants.",
        type: "array",
        items: {
          type: "object",
          properties: { id: { type: "string" }, email: { type: "string", format: "email" } },
        },
      },
      // A request example shows what was sent, not what must be: no property is made required.
      params: { type: "object", properties: { event_id: { type: "string" }, change_key: { type: "string" } } },
    });
    expect(media.encoding).toEqual({ registrants: { contentType: "application/json" }, params: { contentType: "application/json" } });
    // A request's example is kept whole: it is what a user copies (spec-size.test.ts).
    expect(media.example).toEqual({ registrants: [{ id: "a1", email: "x@example.com" }, { id: "b2", email: "y@example.com" }], params: { event_id: "e1", change_key: "k" } });
  });

  it("(Required) form fields are required, enums come from the note, and an example outside the enum is dropped with a warning", () => {
    const { document, diagnostics } = convertJson(
      collection([
        item("Set", {
          method: "PUT",
          header: multipart,
          body: form(["action", "deny", "(Required) What to do. (This can only be one of approve,deny)"], ["method", "nope", "One of the following:\n* a.b\n* c.d"]),
        }),
      ]),
    );
    const media = onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!;
    expect(media.schema).toEqual({
      type: "object",
      properties: {
        action: { description: "What to do.", type: "string", enum: ["approve", "deny"] },
        method: { description: "One of the following:\n* a.b\n* c.d", type: "string", enum: ["a.b", "c.d"] },
      },
      required: ["action"],
    });
    expect(media.example).toEqual({ action: "deny" });
    expect(diagnostics).toEqual([
      {
        code: "example-not-in-enum",
        severity: "warning",
        message: 'the example "nope" of `method` is not one of a.b, c.d; it was left out of the examples',
        at: { file: "test.postman_collection.json", pointer: "#/item/0/request/body/formdata/1", item: "Set" },
      },
    ]);
  });

  it("openapi-to-postmanv2 placeholders are types, not examples; JSON with comments is read", () => {
    const raw = '{\n  // the id\n  "id": "<long>",\n  "at": "<dateTime>",\n  "ratio": "<number>",\n  "ok": "<boolean>",\n  "url": "http://x/*y*/"\n}';
    const { document } = convertJson(collection([item("Create", { method: "POST", body: { mode: "raw", raw, options: { raw: { language: "json" } } } })]));
    expect(onlyOperation(document).operation.requestBody!.content["application/json"]).toEqual({
      schema: {
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          at: { type: "string", format: "date-time" },
          ratio: { type: "number" },
          ok: { type: "boolean" },
          url: { type: "string", format: "uri" },
        },
      },
    });
  });

  it("a raw JSON body gets an inferred schema and its example", () => {
    const body = { mode: "raw", raw: '{"topic":"Demo","duration":30,"settings":{"mute":false}}', options: { raw: { language: "json" } } };
    const { document } = convertJson(collection([item("Create", { method: "POST", body })]));
    expect(onlyOperation(document).operation.requestBody).toEqual({
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            properties: { topic: { type: "string" }, duration: { type: "integer" }, settings: { type: "object", properties: { mute: { type: "boolean" } } } },
          },
          example: { topic: "Demo", duration: 30, settings: { mute: false } },
        },
      },
    });
  });
});


describe("a body's fields take the values a section of the request's description states by name", () => {
  const description = "Creates a ticket.\n\n- `status`: one of `open` or `closed`.\n- **kind**: Can be: `bug` or `task`.";
  it("form fields (their own text states none)", () => {
    const body = form(["status", "open", "The state."], ["kind", "bug"], ["title", "Hi"]);
    const { document } = convertJson(collection([item("Create", { method: "POST", description, body })]));
    expect(onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!.schema!.properties).toEqual({
      status: { description: "The state.", type: "string", enum: ["open", "closed"] },
      kind: { type: "string", enum: ["bug", "task"] },
      title: { type: "string" },
    });
  });
  it("a raw JSON body's scalar top-level fields", () => {
    const body = { mode: "raw", raw: JSON.stringify({ status: "closed", kind: "story", title: "Hi" }), options: { raw: { language: "json" } } };
    const { document } = convertJson(collection([item("Create", { method: "POST", description, body })]));
    expect(onlyOperation(document).operation.requestBody!.content["application/json"]!.schema!.properties).toEqual({
      status: { type: "string", enum: ["open", "closed"] },
      // The sample "story" is neither value: the line is not the set.
      kind: { type: "string" },
      title: { type: "string" },
    });
  });
});
