/**
 * Named schemas are exported by name from index.ts (`Meeting`), so a caller writes
 * `Meeting` rather than `components["schemas"]["Meeting"]`; a key that is no identifier, is
 * one of TypeScript's own types or is already an export of the SDK stays under `components`.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../codegen/index.js";
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

  it("an SDK without schemas imports nothing for them", async () => {
    const paths = { "/ping": { get: { operationId: "ping", responses: { "204": { description: "No content" } } } } };
    const files = await generate({ ...DOCUMENT, paths, components: {} } as unknown as OpenApiDocument, "spec/models.openapi.json");
    expect(files.find((f) => f.path === "index.ts")!.content).not.toContain("import type");
  });
});
