/**
 * A document with parts of the wrong JSON type still gives an SDK of everything else: each
 * malformed part is left out with a warning at its place, never a stack trace.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Diagnostics, generate } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { writeAndTypeCheck } from "../typecheck.js";

const DIR = join("test", ".sdk-shape");
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const ok = { "200": { description: "ok" } };

const MALFORMED = {
  openapi: "3.0.3",
  info: { title: "Shapes", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/null-item": null,
    "/string-item": "GET me",
    "/things": {
      parameters: "not a list",
      get: { operationId: "listThings", tags: "Things", responses: ok },
      post: "nope",
      put: { operationId: "putThings", parameters: [{ name: "q", in: "query", schema: { type: "string" } }, 5, { in: "nowhere", name: "x" }], responses: null },
      patch: { operationId: "patchThings", requestBody: "text", responses: { "200": 7, "204": { description: "done" } } },
    },
  },
} as unknown as OpenApiDocument;

describe("malformed parts of a document", () => {
  it("are left out with a warning each; the rest is an SDK that compiles", async () => {
    const diagnostics = new Diagnostics("spec/shapes.openapi.json");
    const files = await generate(MALFORMED, "spec/shapes.openapi.json", { diagnostics });
    expect(diagnostics.list.map((d) => `${d.severity} ${d.code} ${d.at.pointer}`)).toEqual([
      "warning invalid-shape #/paths/~1null-item",
      "warning invalid-shape #/paths/~1string-item",
      "warning invalid-shape #/paths/~1things/parameters",
      "warning invalid-shape #/paths/~1things/get/tags",
      "warning invalid-shape #/paths/~1things/put/parameters/1",
      "warning invalid-shape #/paths/~1things/put/parameters/2",
      "warning invalid-shape #/paths/~1things/put/responses",
      "warning invalid-shape #/paths/~1things/post",
      "warning invalid-shape #/paths/~1things/patch/requestBody",
      "warning invalid-shape #/paths/~1things/patch/responses/200",
    ]);
    expect(diagnostics.list[0]!.message).toBe("the path item /null-item is not of the shape OpenAPI gives it; it was left out of the SDK");
    const code = files.find((f) => f.path === "default.gen.ts")!.content;
    expect([...code.matchAll(/^export function (\w+)/gm)].map((m) => m[1])).toEqual(["listThings", "putThings", "patchThings"]);
    expect(writeAndTypeCheck(DIR, files)).toEqual([]);
  }, 60_000);
});

describe("documents past the limits", () => {
  it("a schema nested 2,000 deep and an example array of 300,000 items give an SDK, the deep part cut with a warning", async () => {
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 2000; i++) deep = { type: "object", properties: { a: deep } };
    const document = {
      openapi: "3.0.3",
      info: { title: "Deep", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      paths: {
        "/deep": {
          get: {
            operationId: "getDeep",
            responses: { "200": { description: "ok", content: { "application/json": { schema: deep, example: new Array(300_000).fill(1) } } } },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const diagnostics = new Diagnostics("spec/deep.openapi.json");
    const files = await generate(document, "spec/deep.openapi.json", { diagnostics });
    expect(diagnostics.list.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning too-deep"]);
    expect(diagnostics.list[0]!.at.pointer).toMatch(/^#\/paths\/~1deep\/get\/responses\/200\/content\/application~1json\/schema(\/properties\/a){126,128}/);
    expect(files.map((f) => f.path)).toContain("default.gen.ts");
  }, 60_000);
});
