/** Rules for what the caller reads back: responses, their media types and fields. The mirror of the request rules. */
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../codegen/diff/diff-documents.js";
import { at, object, ok, thing, updateThing, type Json } from "./documents.js";

const rows = (a: Parameters<typeof diffDocuments>[0], b: Parameters<typeof diffDocuments>[1]) =>
  diffDocuments(a, b).map((c) => {
    expect(c.operation).toEqual(updateThing);
    return [c.kind, c.severity, c.pointer, c.document, c.message];
  });
const returning = (schema: Json) => thing({ responses: ok(schema) });
const user = object({ id: { type: "string" }, name: { type: "string" } }, ["id"]);

describe("responses", () => {
  it("a removed response is breaking, an added one compatible", () => {
    const two = { ...ok(user), "404": { description: "Not found" } };
    expect(rows(thing({ responses: two }), returning(user))).toEqual([
      ["response-removed", "breaking", `${at.op}/responses/404`, "old", "`updateThing` no longer has a `404` response; code that handles it should be revisited."],
    ]);
    expect(rows(returning(user), thing({ responses: two }))).toEqual([
      ["response-added", "compatible", `${at.op}/responses/404`, "new", "`updateThing` has a new `404` response."],
    ]);
  });

  it("a removed response media type is breaking, an added one compatible", () => {
    const text = { "200": { description: "OK", content: { "application/json": { schema: user }, "text/csv": { schema: { type: "string" } } } } };
    expect(rows(thing({ responses: text }), returning(user))).toEqual([
      ["media-type-removed", "breaking", `${at.op}/responses/200/content/text~1csv`, "old", "`updateThing` no longer returns `text/csv` in its `200` response."],
    ]);
    expect(rows(returning(user), thing({ responses: text }))).toEqual([
      ["media-type-added", "compatible", `${at.op}/responses/200/content/text~1csv`, "new", "`updateThing` may now return `text/csv` in its `200` response."],
    ]);
  });

  it("a removed field is breaking; a new one compatible, required or not", () => {
    expect(rows(returning(user), returning(object({ id: { type: "string" } }, ["id"])))).toEqual([
      ["field-removed", "breaking", `${at.ok}/properties/name`, "old", "`updateThing` no longer returns the response field `name` (`200`); code that reads it no longer type-checks."],
    ]);
    expect(rows(returning(user), returning(object({ id: { type: "string" }, name: { type: "string" }, created: { type: "string" }, etag: { type: "string" } }, ["id", "created"])))).toEqual([
      ["field-added-required", "compatible", `${at.ok}/properties/created`, "new", "The response field `created` (`200`) of `updateThing` is new and always present."],
      ["field-added-optional", "compatible", `${at.ok}/properties/etag`, "new", "`updateThing` returns a new optional response field `etag` (`200`)."],
    ]);
  });

  it("a retyped field is breaking; a widened one breaking; a narrowed one compatible", () => {
    const count = (schema: Json) => returning(object({ count: schema }));
    expect(rows(count({ type: "integer" }), count({ type: "string" }))).toEqual([
      ["type-changed", "breaking", `${at.ok}/properties/count`, "new", "The response field `count` (`200`) of `updateThing` changed from integer to string."],
    ]);
    expect(rows(count({ type: "integer" }), count({ type: "number" }))).toEqual([
      ["type-widened", "breaking", `${at.ok}/properties/count`, "new", "The response field `count` (`200`) of `updateThing` may now be number (was integer); code that reads it must handle the new values."],
    ]);
    expect(rows(count({ type: "integer" }), count({ type: "integer", nullable: true }))).toEqual([
      ["type-widened", "breaking", `${at.ok}/properties/count`, "new", "The response field `count` (`200`) of `updateThing` may now be integer or null (was integer); code that reads it must handle the new values."],
    ]);
    expect(rows(count({ type: "number" }), count({ type: "integer" }))).toEqual([
      ["type-narrowed", "compatible", `${at.ok}/properties/count`, "new", "The response field `count` (`200`) of `updateThing` is now integer only (was number)."],
    ]);
  });

  it("a field that may now be missing is breaking; one now always present compatible", () => {
    expect(rows(returning(user), returning(object({ id: { type: "string" }, name: { type: "string" } })))).toEqual([
      ["field-became-optional", "breaking", `${at.ok}/properties/id`, "new", "The response field `id` (`200`) of `updateThing` may now be missing; code that reads it must handle undefined."],
    ]);
    expect(rows(returning(user), returning(object({ id: { type: "string" }, name: { type: "string" } }, ["id", "name"])))).toEqual([
      ["field-became-required", "compatible", `${at.ok}/properties/name`, "new", "The response field `name` (`200`) of `updateThing` is now always present."],
    ]);
  });

  it("a new enum value in a response is breaking (exhaustive switches), a removed one compatible", () => {
    const state = (values: string[]) => returning(object({ state: { type: "string", enum: values } }));
    expect(rows(state(["on", "off"]), state(["on", "paused"]))).toEqual([
      ["enum-value-removed", "compatible", `${at.ok}/properties/state/enum/1`, "old", 'The response field `state` (`200`) of `updateThing` no longer returns `"off"`.'],
      ["enum-value-added", "breaking", `${at.ok}/properties/state/enum/1`, "new", 'The response field `state` (`200`) of `updateThing` may now be `"paused"`; exhaustive switches over its values need a case for it.'],
    ]);
  });

  it("the whole body changing type is named as the body", () => {
    expect(rows(returning({ type: "array", items: user }), returning(user))).toEqual([
      ["type-changed", "breaking", at.ok, "new", "The `200` response body of `updateThing` changed from array to object."],
    ]);
  });

  it("anyOf members are compared as the union of their types", () => {
    const id = (anyOf: Json[]) => returning(object({ id: { anyOf } }));
    expect(rows(id([{ type: "string" }, { type: "integer" }]), id([{ type: "integer" }, { type: "string" }]))).toEqual([]);
    const pet = (variants: string[]) => returning(object({ pet: { oneOf: variants.map((kind) => object({ kind: { type: "string", enum: [kind] } })) } }));
    expect(rows(pet(["cat", "dog"]), pet(["cat", "dog", "bird"]))).toEqual([
      ["type-widened", "breaking", `${at.ok}/properties/pet`, "new", "The response field `pet` (`200`) of `updateThing` may now be any of 3 alternatives (was 2); code that handles each one needs a case for the new ones."],
    ]);
    expect(rows(id([{ type: "string" }]), id([{ type: "string" }, { type: "integer" }]))).toEqual([
      ["type-widened", "breaking", `${at.ok}/properties/id`, "new", "The response field `id` (`200`) of `updateThing` may now be integer or string (was string); code that reads it must handle the new values."],
    ]);
  });
});
