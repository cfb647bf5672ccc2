/**
 * Named schemas are exported by name from index.ts (`Meeting`), so a caller writes
 * `Meeting` rather than `components["schemas"]["Meeting"]`; a key that is no identifier, is
 * one of TypeScript's own types or is already an export of the SDK stays under `components`.
 */
import { describe, expect, it } from "vitest";
import { convert, generate } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";

const object = { type: "object", properties: { id: { type: "string" } } } as const;

const DOCUMENT = {
  openapi: "3.0.3",
  info: { title: "Models", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/meetings/{id}": {
      get: {
        operationId: "getMeeting",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Meeting" } } } } },
      },
    },
  },
  components: {
    schemas: {
      Meeting: object,
      "meeting-list": object,
      string: object,
      createClient: object,
      getMeeting: object,
      GetMeetingArgs: object,
      ApiError: object,
      Registrant: object,
    },
  },
} as unknown as OpenApiDocument;

describe("named schema exports", () => {
  it("index.ts exports each schema whose key is a free identifier, by that name", async () => {
    const files = await generate(DOCUMENT, "spec/models.openapi.json");
    const index = files.find((f) => f.path === "index.ts")!.content;
    expect(index).toContain('import type { components } from "./schema.gen.js";\n');
    expect(index.split("\n").filter((line) => line.startsWith("export type ") && line.includes('components["schemas"]'))).toEqual([
      'export type Meeting = components["schemas"]["Meeting"];',
      'export type Registrant = components["schemas"]["Registrant"];',
    ]);
  });

  it("from a collection: a nested object of two properties is an exported type, a map whose keys the exporter made up a record", async () => {
    const hook = { id: "h1", labels: { key_0: "a", key_1: "b" }, target: { url: "https://hooks.example.com/in", secret: "s" }, flags: { paused: false } };
    const collection = {
      info: { name: "Hooks", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      item: [{ name: "Get a hook", request: { method: "GET", url: "{{baseUrl}}/hooks/:id" }, response: [{ name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(hook) }] }],
    };
    const { document } = convert(JSON.stringify(collection), "hooks.postman_collection.json");
    const files = await generate(document!, "spec/hooks.openapi.json");
    const index = files.find((f) => f.path === "index.ts")!.content;
    expect(index.split("\n").filter((line) => line.startsWith("export type ") && line.includes('components["schemas"]'))).toEqual([
      'export type Hook = components["schemas"]["Hook"];',
      'export type Target = components["schemas"]["Target"];',
    ]);
    const types = files.find((f) => f.path === "schema.gen.ts")!.content;
    const hookType = types.slice(types.indexOf("        Hook: {"), types.indexOf("        Target: {"));
    expect(hookType.split("\n").map((line) => line.trim())).toEqual([
      "Hook: {",
      // One property, written once: inline.
      "flags?: {",
      "paused?: boolean;",
      "};",
      "id?: string;",
      "labels?: {",
      "[key: string]: string;",
      "};",
      "target?: components[\"schemas\"][\"Target\"];",
      "};",
      "",
    ]);
  });

  it("from a collection: a short shape written under unrelated names is a type per name, never another name's", async () => {
    const ok = (body: unknown) => [{ name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) }];
    const collection = {
      info: { name: "Shop", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      item: [
        { name: "Get an order", request: { method: "GET", url: "{{baseUrl}}/orders/:id" }, response: ok({ id: "o1", customer: { id: "c1" } }) },
        { name: "Get an invoice", request: { method: "GET", url: "{{baseUrl}}/invoices/:id" }, response: ok({ id: "i1", order: { id: "o1" } }) },
      ],
    };
    const { document } = convert(JSON.stringify(collection), "shop.postman_collection.json");
    const types = (await generate(document!, "spec/shop.openapi.json")).find((f) => f.path === "schema.gen.ts")!.content;
    const invoice = types.slice(types.indexOf("        Invoice: {"), types.indexOf("        InvoiceOrder: {"));
    // The invoice's order is an order stub, not a `Customer` because a customer's stub looks the same.
    expect(invoice.split("\n").map((line) => line.trim())).toEqual(["Invoice: {", "id?: string;", 'order?: components["schemas"]["InvoiceOrder"];', "};", ""]);
  });

  it("an SDK without schemas imports nothing for them", async () => {
    const paths = { "/ping": { get: { operationId: "ping", responses: { "204": { description: "No content" } } } } };
    const files = await generate({ ...DOCUMENT, paths, components: {} } as unknown as OpenApiDocument, "spec/models.openapi.json");
    expect(files.find((f) => f.path === "index.ts")!.content).not.toContain("import type");
  });
});
