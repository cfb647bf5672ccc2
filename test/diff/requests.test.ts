/** Rules for what the caller sends: parameters, the request body, its media types and fields. */
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../codegen/diff/diff-documents.js";
import { at, body, object, thing, updateThing, type Json } from "./documents.js";

const query = (name: string, schema: Json = { type: "string" }, required = false) => ({ name, in: "query", ...(required ? { required } : {}), schema });
const params = (...list: Json[]) => thing({ parameters: list });
/** [kind, severity, pointer, document, message] of each change: everything but the operation, which is updateThing's. */
const rows = (a: Parameters<typeof diffDocuments>[0], b: Parameters<typeof diffDocuments>[1]) =>
  diffDocuments(a, b).map((c) => {
    expect(c.operation).toEqual(updateThing);
    return [c.kind, c.severity, c.pointer, c.document, c.message];
  });
const p0 = `${at.op}/parameters/0`;
const p1 = `${at.op}/parameters/1`;

describe("parameters", () => {
  it("a new required parameter is breaking, a new optional one compatible", () => {
    expect(rows(params(query("q")), params(query("q"), query("page", { type: "integer" }, true)))).toEqual([
      ["parameter-added-required", "breaking", p1, "new", "`updateThing` now requires the query parameter `page`; existing calls do not pass it."],
    ]);
    expect(rows(params(query("q")), params(query("q"), { name: "X-Trace", in: "header", schema: { type: "boolean" } }))).toEqual([
      ["parameter-added-optional", "compatible", p1, "new", "`updateThing` takes a new optional header parameter `X-Trace`."],
    ]);
  });

  it("a removed parameter is breaking, pointed at in the old document", () => {
    expect(rows(params(query("q"), query("page", { type: "integer" })), params(query("q")))).toEqual([
      ["parameter-removed", "breaking", p1, "old", "`updateThing` no longer takes the query parameter `page`; calls that pass it no longer type-check."],
    ]);
  });

  it("a parameter removed and one added with the same schema is a rename: breaking", () => {
    expect(rows(params(query("q"), query("page", { type: "integer" })), params(query("q"), query("pageNumber", { type: "integer" })))).toEqual([
      ["parameter-renamed", "breaking", p1, "new", "The query parameter `page` of `updateThing` was renamed to `pageNumber`."],
    ]);
  });

  it("two candidates for one rename are a removal and two additions", () => {
    expect(rows(params(query("a")), params(query("b"), query("c"))).map((r) => r[0])).toEqual(["parameter-removed", "parameter-added-optional", "parameter-added-optional"]);
  });

  it("a parameter that becomes required is breaking; one that becomes optional compatible", () => {
    expect(rows(params(query("q")), params(query("q", { type: "string" }, true)))).toEqual([
      ["parameter-became-required", "breaking", p0, "new", "The query parameter `q` of `updateThing` is now required; calls that leave it out no longer type-check."],
    ]);
    expect(rows(params(query("q", { type: "string" }, true)), params(query("q")))).toEqual([
      ["parameter-became-optional", "compatible", p0, "new", "The query parameter `q` of `updateThing` is now optional."],
    ]);
  });

  it("header names are compared without case", () => {
    const header = (name: string) => ({ name, in: "header", schema: { type: "string" } });
    expect(rows(params(header("X-Trace")), params(header("x-trace")))).toEqual([]);
  });

  it("a retyped parameter is breaking; a narrowed one breaking; a widened one compatible", () => {
    expect(rows(params(query("page", { type: "integer" })), params(query("page", { type: "string" })))).toEqual([
      ["type-changed", "breaking", `${p0}/schema`, "new", "The query parameter `page` of `updateThing` changed from integer to string."],
    ]);
    expect(rows(params(query("size", { type: "number" })), params(query("size", { type: "integer" })))).toEqual([
      ["type-narrowed", "breaking", `${p0}/schema`, "new", "The query parameter `size` of `updateThing` now takes integer only (was number); calls passing other values no longer type-check."],
    ]);
    expect(rows(params(query("size", { type: "integer" })), params(query("size", { type: "number" })))).toEqual([
      ["type-widened", "compatible", `${p0}/schema`, "new", "The query parameter `size` of `updateThing` now also takes number (was integer)."],
    ]);
  });

  it("path-level parameters count, and an operation's own parameter overrides one of the path", () => {
    const shared = { name: "q", in: "query", schema: { type: "string" } };
    const a = thing();
    const b = thing({ parameters: [{ ...shared, required: true }] });
    (a.paths["/things"] as Json).parameters = [shared];
    (b.paths["/things"] as Json).parameters = [shared];
    expect(rows(a, b)).toEqual([
      ["parameter-became-required", "breaking", p0, "new", "The query parameter `q` of `updateThing` is now required; calls that leave it out no longer type-check."],
    ]);
  });

  it("parameters given by $ref are compared where they are defined", () => {
    const components = (type: string) => ({ components: { parameters: { Page: { name: "page", in: "query", schema: { type } } } } });
    const ref = [{ $ref: "#/components/parameters/Page" }];
    expect(rows(thing({ parameters: ref }, components("integer")), thing({ parameters: ref }, components("string")))).toEqual([
      ["type-changed", "breaking", "#/components/parameters/Page/schema", "new", "The query parameter `page` of `updateThing` changed from integer to string."],
    ]);
  });
});

describe("request bodies", () => {
  const schema = object({ name: { type: "string" } });
  it("a body that is removed is breaking; a new required one breaking; a new optional one compatible", () => {
    expect(rows(thing({ requestBody: body(schema) }), thing())).toEqual([
      ["request-body-removed", "breaking", `${at.op}/requestBody`, "old", "`updateThing` no longer takes a request body; calls that pass `body` no longer type-check."],
    ]);
    expect(rows(thing(), thing({ requestBody: body(schema) }))).toEqual([
      ["request-body-added-required", "breaking", `${at.op}/requestBody`, "new", "`updateThing` now requires a request body; existing calls do not pass `body`."],
    ]);
    expect(rows(thing(), thing({ requestBody: { ...body(schema), required: false } }))).toEqual([
      ["request-body-added-optional", "compatible", `${at.op}/requestBody`, "new", "`updateThing` takes a new optional request body."],
    ]);
  });

  it("a body that becomes required is breaking; optional, compatible", () => {
    expect(rows(thing({ requestBody: { ...body(schema), required: false } }), thing({ requestBody: body(schema) }))).toEqual([
      ["request-body-became-required", "breaking", `${at.op}/requestBody`, "new", "The request body of `updateThing` is now required; calls that leave out `body` no longer type-check."],
    ]);
    expect(rows(thing({ requestBody: body(schema) }), thing({ requestBody: { ...body(schema), required: false } }))).toEqual([
      ["request-body-became-optional", "compatible", `${at.op}/requestBody`, "new", "The request body of `updateThing` is now optional."],
    ]);
  });

  it("the media type the SDK sends: another kind of body is breaking, another media type of the same kind compatible", () => {
    const form = body(schema, "multipart/form-data");
    const both = { required: true, content: { "multipart/form-data": { schema }, "application/json": { schema } } };
    // The SDK prefers JSON: adding it changes what every call sends.
    expect(rows(thing({ requestBody: form }), thing({ requestBody: both }))).toEqual([
      [
        "request-encoding-changed",
        "breaking",
        `${at.op}/requestBody/content/application~1json`,
        "new",
        "`updateThing` now sends its body as `application/json` (was `multipart/form-data`); the body's type and its form on the wire change.",
      ],
      ["media-type-added", "compatible", `${at.op}/requestBody/content/application~1json`, "new", "`updateThing` now also accepts a request body as `application/json`."],
    ]);
    expect(rows(thing({ requestBody: body(schema) }), thing({ requestBody: body(schema, "application/merge-patch+json") }))).toEqual([
      [
        "request-content-type-changed",
        "compatible",
        `${at.op}/requestBody/content/application~1merge-patch+json`,
        "new",
        "`updateThing` now sends its body as `application/merge-patch+json` (was `application/json`); the body's type and its form on the wire stay the same.",
      ],
      ["media-type-added", "compatible", `${at.op}/requestBody/content/application~1merge-patch+json`, "new", "`updateThing` now also accepts a request body as `application/merge-patch+json`."],
    ]);
  });

  it("a removed media type the SDK does not send is compatible", () => {
    const both = { required: true, content: { "multipart/form-data": { schema }, "application/json": { schema } } };
    expect(rows(thing({ requestBody: both }), thing({ requestBody: body(schema) }))).toEqual([
      [
        "media-type-removed",
        "compatible",
        `${at.op}/requestBody/content/multipart~1form-data`,
        "old",
        "`updateThing` no longer accepts a request body as `multipart/form-data`; the SDK sends `application/json`, so calls do not change.",
      ],
    ]);
  });

  it("a new required field is breaking, a new optional field compatible", () => {
    expect(rows(thing({ requestBody: body(schema) }), thing({ requestBody: body(object({ name: { type: "string" }, email: { type: "string" } }, ["email"])) }))).toEqual([
      ["field-added-required", "breaking", `${at.body}/properties/email`, "new", "`updateThing` now requires the request field `email`; existing calls do not send it."],
    ]);
    expect(rows(thing({ requestBody: body(schema) }), thing({ requestBody: body(object({ name: { type: "string" }, note: { type: "string" } })) }))).toEqual([
      ["field-added-optional", "compatible", `${at.body}/properties/note`, "new", "`updateThing` takes a new optional request field `note`."],
    ]);
  });

  it("a removed field is breaking; a renamed one is breaking and said once", () => {
    const two = object({ name: { type: "string" }, age: { type: "integer" } });
    expect(rows(thing({ requestBody: body(two) }), thing({ requestBody: body(schema) }))).toEqual([
      ["field-removed", "breaking", `${at.body}/properties/age`, "old", "`updateThing` no longer takes the request field `age`; calls that send it no longer type-check."],
    ]);
    expect(rows(thing({ requestBody: body(two) }), thing({ requestBody: body(object({ name: { type: "string" }, years: { type: "integer" } })) }))).toEqual([
      ["field-renamed", "breaking", `${at.body}/properties/years`, "new", "The request field `age` of `updateThing` was renamed to `years`."],
    ]);
  });

  it("a field that becomes required is breaking; optional, compatible", () => {
    expect(rows(thing({ requestBody: body(schema) }), thing({ requestBody: body(object({ name: { type: "string" } }, ["name"])) }))).toEqual([
      ["field-became-required", "breaking", `${at.body}/properties/name`, "new", "The request field `name` of `updateThing` is now required; calls that leave it out no longer type-check."],
    ]);
    expect(rows(thing({ requestBody: body(object({ name: { type: "string" } }, ["name"])) }), thing({ requestBody: body(schema) }))).toEqual([
      ["field-became-optional", "compatible", `${at.body}/properties/name`, "new", "The request field `name` of `updateThing` is now optional."],
    ]);
  });

  it("a removed enum value is breaking, an added one compatible; an enum where there was none narrows", () => {
    const status = (values?: string[]) => thing({ requestBody: body(object({ status: { type: "string", ...(values ? { enum: values } : {}) } })) });
    expect(rows(status(["Away", "Available", "Busy"]), status(["Available", "Busy", "Presenting"]))).toEqual([
      ["enum-value-removed", "breaking", `${at.body}/properties/status/enum/0`, "old", 'The request field `status` of `updateThing` no longer accepts `"Away"`; calls passing it no longer type-check.'],
      ["enum-value-added", "compatible", `${at.body}/properties/status/enum/2`, "new", 'The request field `status` of `updateThing` now also accepts `"Presenting"`.'],
    ]);
    expect(rows(status(), status(["Available", "Busy"]))).toEqual([
      ["type-narrowed", "breaking", `${at.body}/properties/status/enum`, "new", 'The request field `status` of `updateThing` now only takes `"Available"`, `"Busy"`; calls passing other values no longer type-check.'],
    ]);
    expect(rows(status(["Available"]), status())).toEqual([
      ["type-widened", "compatible", `${at.body}/properties/status`, "new", 'The request field `status` of `updateThing` is no longer limited to `"Available"`.'],
    ]);
  });

  it("fields inside arrays are named with [] and compared too", () => {
    const registrants = (item: Json) => thing({ requestBody: body(object({ registrants: { type: "array", items: item } })) });
    expect(rows(registrants(object({ email: { type: "string" } })), registrants(object({ email: { type: "string" }, first_name: { type: "string" } }, ["first_name"])))).toEqual([
      ["field-added-required", "breaking", `${at.body}/properties/registrants/items/properties/first_name`, "new", "`updateThing` now requires the request field `registrants[].first_name`; existing calls do not send it."],
    ]);
  });

  it("a union that loses a variant of the same type narrows: breaking", () => {
    const shape = (kinds: string[]) => thing({ requestBody: body(object({ shape: { oneOf: kinds.map((k) => object({ [k]: { type: "number" } }, [k])) } })) });
    expect(rows(shape(["radius", "side"]), shape(["radius"]))).toEqual([
      ["type-narrowed", "breaking", `${at.body}/properties/shape`, "new", "The request field `shape` of `updateThing` now takes 1 alternative (was 2); calls passing a removed one no longer type-check."],
    ]);
  });

  it("a file field that becomes text changes its type (Blob vs string): breaking", () => {
    const file = (format?: string) => thing({ requestBody: body(object({ file: { type: "string", ...(format ? { format } : {}) } }), "multipart/form-data") });
    expect(rows(file("binary"), file())).toEqual([
      ["type-changed", "breaking", "#/paths/~1things/put/requestBody/content/multipart~1form-data/schema/properties/file", "new", "The request field `file` of `updateThing` changed from binary (a file) to string."],
    ]);
  });

  it("a format that does not change the SDK's type (date-time, uuid) is no change", () => {
    const when = (format: string) => thing({ requestBody: body(object({ when: { type: "string", format } })) });
    expect(rows(when("date-time"), when("date"))).toEqual([]);
  });
});
