/** Rules for operations as a whole: removed, added, renamed, moved, their own server. */
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../codegen/diff/diff-documents.js";
import { at, doc, thing, updateThing } from "./documents.js";

const get = (operationId: string) => ({ operationId, responses: { "204": { description: "No content" } } });

describe("operations", () => {
  it("an identical document, and one that differs only in prose and key order, has no changes", () => {
    const a = thing({ summary: "Update a thing", parameters: [{ name: "q", in: "query", schema: { type: "string" } }] });
    const b = thing({ parameters: [{ schema: { type: "string", description: "The query" }, in: "query", name: "q" }], summary: "Update one thing" });
    expect(diffDocuments(a, a)).toEqual([]);
    expect(diffDocuments(a, b)).toEqual([]);
  });

  it("a removed operation is breaking, with its pointer in the old document", () => {
    const a = doc({ "/things": { put: get("updateThing"), delete: get("deleteThing") } });
    const b = doc({ "/things": { put: get("updateThing") } });
    expect(diffDocuments(a, b)).toEqual([
      {
        kind: "operation-removed",
        severity: "breaking",
        message: "`deleteThing` (`DELETE /things`) was removed; calls to it no longer compile.",
        pointer: "#/paths/~1things/delete",
        document: "old",
        operation: { method: "delete", path: "/things", functionName: "deleteThing" },
      },
    ]);
  });

  it("an added operation is compatible", () => {
    const a = doc({ "/things": { put: get("updateThing") } });
    const b = doc({ "/things": { put: get("updateThing") }, "/things/{id}": { get: get("getThing") } });
    expect(diffDocuments(a, b)).toEqual([
      {
        kind: "operation-added",
        severity: "compatible",
        message: "`getThing` (`GET /things/{id}`) is new.",
        pointer: "#/paths/~1things~1{id}/get",
        document: "new",
        operation: { method: "get", path: "/things/{id}", functionName: "getThing" },
      },
    ]);
  });

  it("a new operationId renames the SDK function: breaking", () => {
    expect(diffDocuments(thing(), thing({ operationId: "putThing" }))).toEqual([
      {
        kind: "operation-renamed",
        severity: "breaking",
        message: "`updateThing` is now `putThing` (`PUT /things`); calls to `updateThing` no longer compile.",
        pointer: `${at.op}/operationId`,
        document: "new",
        operation: { ...updateThing, functionName: "putThing" },
      },
    ]);
  });

  it("operationIds that give the same function name are no change (names as planSdk makes them)", () => {
    expect(diffDocuments(thing({ operationId: "update-thing" }), thing({ operationId: "update thing" }))).toEqual([]);
  });

  it("a function name taken by another operation is reported as the rename the SDK makes", () => {
    // `createClient` is the SDK's own export, so the operation's function becomes createClientOperation.
    expect(diffDocuments(thing(), thing({ operationId: "createClient" }))[0]).toMatchObject({
      kind: "operation-renamed",
      message: "`updateThing` is now `createClientOperation` (`PUT /things`); calls to `updateThing` no longer compile.",
    });
  });

  it("an operation that moved to another path keeps its function: compatible, compared as one operation", () => {
    const a = doc({ "/things": { put: get("updateThing") } });
    const b = doc({ "/v2/things": { put: { ...get("updateThing"), summary: "Moved" } } });
    expect(diffDocuments(a, b)).toEqual([
      {
        kind: "operation-moved",
        severity: "compatible",
        message: "`updateThing` now calls `PUT /v2/things` (was `PUT /things`).",
        pointer: "#/paths/~1v2~1things/put",
        document: "new",
        operation: { method: "put", path: "/v2/things", functionName: "updateThing" },
      },
    ]);
  });

  it("paths that differ only in parameter names are the same operation", () => {
    const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
    const a = doc({ "/things/{id}": { get: { ...get("getThing"), parameters: [param("id")] } } });
    const b = doc({ "/things/{thingId}": { get: { ...get("getThing"), parameters: [param("thingId")] } } });
    expect(diffDocuments(a, b).map((c) => [c.kind, c.severity, c.pointer, c.message])).toEqual([
      ["parameter-renamed", "breaking", "#/paths/~1things~1{thingId}/get/parameters/0", "The path parameter `id` of `getThing` was renamed to `thingId`."],
    ]);
  });

  it("an operation's own server changing is breaking", () => {
    const a = thing({}, { servers: [{ url: "https://api.example.com" }] });
    const b = thing({ servers: [{ url: "https://uploads.example.com" }] }, { servers: [{ url: "https://api.example.com" }] });
    expect(diffDocuments(a, b)).toEqual([
      {
        kind: "operation-server-changed",
        severity: "breaking",
        message: "`updateThing` now calls `https://uploads.example.com` (was the default base URL).",
        pointer: at.op,
        document: "new",
        operation: updateThing,
      },
    ]);
  });
});

describe("deprecation", () => {
  it("an operation newly deprecated is compatible, and said", () => {
    expect(diffDocuments(thing(), thing({ deprecated: true }))).toEqual([
      {
        kind: "operation-deprecated",
        severity: "compatible",
        message: "`updateThing` is now deprecated; callers should plan to move off it.",
        pointer: `${at.op}/deprecated`,
        document: "new",
        operation: updateThing,
      },
    ]);
    expect(diffDocuments(thing({ deprecated: true }), thing())).toEqual([]);
  });
});
