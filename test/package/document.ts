/**
 * A small API with every case the package's README has to get right: examples given three
 * ways (a parameter's `example`, its `examples` map, a schema's `example`), placeholders from
 * schemas (enum, formats, a file), a deprecated untagged operation, two kinds of credentials,
 * and text that Markdown would read as markup (`|`, `<…>`, backticks, `*`, a leading `-`).
 */
import type { OpenApiDocument } from "../../codegen/openapi.js";

export const petsDocument = {
  openapi: "3.0.3",
  info: { title: "Pëts | <Store> API", version: "2.1", description: "Pets and *their* owners.\n\nNot this second paragraph." },
  servers: [{ url: "https://pets.example.com/v1/" }],
  tags: [
    { name: "Pets", description: "- Every pet, <b>all</b> of them." },
    { name: "Owners" },
  ],
  security: [{ key: [] }],
  components: {
    securitySchemes: {
      key: { type: "apiKey", in: "header", name: "X-Api-Key", description: "Ask `support` for one." },
      basicAuth: { type: "http", scheme: "basic" },
    },
    schemas: {
      Owner: {
        type: "object",
        required: ["name", "email", "born"],
        properties: {
          name: { type: "string", example: "Ada" },
          email: { type: "string", format: "email" },
          born: { type: "string", format: "date" },
          nickname: { type: "string" },
        },
      },
    },
  },
  paths: {
    "/pets/{petId}": {
      parameters: [{ name: "petId", in: "path", required: true, schema: { type: "integer" }, example: 7 }],
      get: {
        operationId: "getPet",
        summary: "Get a pet",
        tags: ["Pets"],
        parameters: [
          { name: "fields", in: "query", schema: { type: "string" }, examples: { second: { value: "name" }, first: { value: "name,tag" } } },
          { name: "limit", in: "query", schema: { type: "integer" } },
        ],
        responses: { "200": { description: "The pet" } },
      },
      put: {
        operationId: "uploadPhoto",
        summary: "Upload a `photo` | fast",
        tags: ["Pets"],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["photo", "kind"],
                properties: {
                  photo: { type: "string", format: "binary" },
                  kind: { type: "string", enum: ["jpeg", "png"] },
                  caption: { type: "string" },
                },
              },
            },
          },
        },
        responses: { "204": { description: "Stored" } },
      },
    },
    "/owners": {
      get: { operationId: "listOwners", summary: "List owners", deprecated: true, security: [], responses: { "200": { description: "Owners" } } },
      post: {
        operationId: "createOwner",
        tags: ["Owners"],
        description: "Creates an owner.\nSecond line.",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Owner" } } } },
        responses: { "201": { description: "Created" } },
      },
    },
  },
} as unknown as OpenApiDocument;
