/** What the planner hands the runtime from a body's `encoding`: each field's part kind, type, style. */
import { describe, expect, it } from "vitest";
import { planSdk } from "../../codegen/emit/plan.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";

const documentWith = (mediaType: string, encoding: object): OpenApiDocument =>
  ({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/form": {
        post: {
          operationId: "send",
          requestBody: {
            content: {
              [mediaType]: {
                schema: {
                  type: "object",
                  properties: {
                    color: { type: "object", properties: { R: { type: "integer" } } },
                    ids: { type: "array", items: { type: "integer" } },
                    patch: { type: "object" },
                    url: { type: "string" },
                  },
                },
                encoding,
              },
            },
          },
          responses: { "204": { description: "ok" } },
        },
      },
    },
  }) as unknown as OpenApiDocument;

describe("form field plans", () => {
  it("multipart: objects are JSON parts; a JSON type other than application/json is kept", () => {
    const plan = planSdk(documentWith("multipart/form-data", { patch: { contentType: "application/merge-patch+json" }, color: { contentType: "application/json" } }));
    expect(plan.operations[0]!.body!.parts).toEqual({ color: "json", ids: "text", patch: { part: "json", contentType: "application/merge-patch+json" }, url: "text" });
  });

  it("urlencoded: objects are text sent by their style (form by default); JSON only when the encoding says so; allowReserved kept", () => {
    const plan = planSdk(documentWith("application/x-www-form-urlencoded", { color: { style: "form", explode: false }, patch: { contentType: "application/json" }, url: { allowReserved: true } }));
    expect(plan.operations[0]!.body!.parts).toEqual({ color: { part: "text", style: "form", explode: false }, ids: "text", patch: "json", url: { part: "text", allowReserved: true } });
  });
});

describe("idempotency keys", () => {
  it("an operation that declares an Idempotency-Key header (any case, X- form too) gets one key per call from the runtime", async () => {
    const document = documentWith("application/json", {}) as unknown as { paths: Record<string, Record<string, { parameters?: object[] }>> };
    document.paths["/form"]!.post!.parameters = [{ name: "x-idempotency-key", in: "header", schema: { type: "string" } }];
    const plan = planSdk(document as unknown as OpenApiDocument);
    expect(plan.operations[0]!.idempotencyKey).toBe("x-idempotency-key");
    const { emitOperations } = await import("../../codegen/emit/operations.js");
    const content = emitOperations(plan)[0]!.content;
    expect(content).toContain('      idempotencyKey: "x-idempotency-key",\n      idempotent,\n');
    expect(content).toContain('import { idempotent } from "./runtime/idempotency.gen.js";\n');
    expect(planSdk(documentWith("application/json", {})).operations[0]!.idempotencyKey).toBeUndefined();
  });
});

describe("documented error bodies", () => {
  it("the error statuses with a JSON body are listed for the runtime: codes, ranges, default", () => {
    const document = documentWith("application/json", {}) as unknown as { paths: Record<string, Record<string, { responses: object }>> };
    const json = { content: { "application/problem+json": { schema: { type: "object" } } }, description: "e" };
    document.paths["/form"]!.post!.responses = { "201": json, "404": { description: "no body" }, "409": json, "4xx": json, default: json, "500": { description: "t", content: { "text/plain": {} } } };
    expect(planSdk(document as unknown as OpenApiDocument).operations[0]!.errors).toEqual([409, "4XX", "default"]);
  });
});

describe("digest schemes", () => {
  it("an http digest scheme is planned and printed with the runtime's digest (not skipped: no silent unauthenticated call)", async () => {
    const document = documentWith("application/json", {}) as unknown as Record<string, unknown>;
    document.components = { securitySchemes: { d: { type: "http", scheme: "Digest" } } };
    document.security = [{ d: [] }];
    const plan = planSdk(document as unknown as OpenApiDocument);
    expect(plan.schemes).toEqual({ d: { type: "digest" } });
    const { emitClient } = await import("../../codegen/emit/operations.js");
    const text = emitClient(plan).content;
    expect(text).toContain('import { digest } from "./runtime/digest.gen.js";');
    expect(text).toContain("  schemes: { d: digest },");
    expect(text).toContain("  d?: BasicCredentials | (() => BasicCredentials | Promise<BasicCredentials>);");
  });
});

describe("pagination plans", () => {
  const get = (parameters: object[], schema: object, extra: object = {}, headers?: object): OpenApiDocument =>
    ({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/list": { get: { operationId: "list", parameters, responses: { "200": { description: "ok", ...(headers ? { headers } : {}), content: { "application/json": { schema } } } }, ...extra } } },
    }) as unknown as OpenApiDocument;
  const q = (name: string, type = "string") => ({ name, in: "query", schema: { type } });
  const pagination = (doc: OpenApiDocument) => {
    const p = planSdk(doc).operations[0]!.pagination;
    return p && { style: p.style, param: p.param, field: p.field, items: p.items, tokenField: p.tokenField };
  };
  const list = { type: "array", items: { type: "object" } };

  it("a cursor at any depth: Slack's response_metadata.next_cursor, Asana's next_page.offset", () => {
    expect(pagination(get([q("cursor"), q("limit", "integer")], { type: "object", properties: { members: list, response_metadata: { type: "object", properties: { next_cursor: { type: "string" } } } } }))).toEqual({
      style: "cursor", param: "cursor", field: ["response_metadata", "next_cursor"], items: ["members"], tokenField: "response_metadata.next_cursor",
    });
    expect(pagination(get([q("offset"), q("limit", "integer")], { type: "object", properties: { data: list, next_page: { type: "object", properties: { offset: { type: "string" }, uri: { type: "string" } } } } }))).toEqual({
      style: "cursor", param: "offset", field: ["next_page", "offset"], items: ["data"], tokenField: "next_page.offset",
    });
  });

  it("offset + limit, page + page size, a Link header; nothing when ambiguous", () => {
    expect(pagination(get([q("offset", "integer"), q("limit", "integer")], { type: "object", properties: { offset: { type: "integer" }, items: list } }))).toMatchObject({ style: "offset", param: "offset", items: ["items"] });
    expect(pagination(get([q("page", "integer"), q("per_page", "integer")], list))).toMatchObject({ style: "page", param: "page", items: [] });
    expect(pagination(get([q("page", "integer"), q("per_page", "integer")], list, {}, { Link: { schema: { type: "string" } } }))).toMatchObject({ style: "link", items: [], tokenField: "Link" });
    expect(pagination(get([q("offset", "integer")], { type: "object", properties: { items: list } }))).toBeUndefined();
  });

  it("x-pagination declares what the spec cannot say", () => {
    const extension = { "x-pagination": { style: "cursor", param: "after", field: "paging.cursors.after", items: "results" } };
    expect(pagination(get([q("after")], { type: "object" }, extension))).toEqual({ style: "cursor", param: "after", field: ["paging", "cursors", "after"], items: ["results"], tokenField: "paging.cursors.after" });
  });
});

describe("files typing (OpenAPI 3.1 content keywords)", () => {
  const upload = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/upload": {
        post: {
          operationId: "upload",
          requestBody: {
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: {
                    file: { type: "string", contentMediaType: "application/octet-stream" },
                    image: { type: "string", contentMediaType: "image/png", contentEncoding: "base64" },
                    note: { type: "string", contentMediaType: "text/plain" },
                    old: { type: "string", format: "binary" },
                  },
                },
              },
            },
          },
          responses: { "204": { description: "ok" } },
        },
      },
    },
  } as unknown as OpenApiDocument;

  it("contentMediaType without contentEncoding is a file (Blob | FileUpload); base64 and text stay strings", async () => {
    expect(planSdk(upload).operations[0]!.body!.parts).toEqual({ image: "text", note: "text", file: "file", old: "file" });
    const { emitTypes } = await import("../../codegen/emit/types.js");
    const types = await emitTypes(structuredClone(upload));
    expect(types.match(/^\s*(file|image|note|old)\?: .*$/gm)!.map((l) => l.trim())).toEqual(["file?: Blob | FileUpload;", "image?: string;", "note?: string;", "old?: Blob | FileUpload;"]);
  });
});

describe("the idempotency code goes only where a key may be sent", () => {
  it("POST and PATCH operations import it and pass it to the call; GET, PUT and DELETE do not", async () => {
    const { emitOperations } = await import("../../codegen/emit/operations.js");
    const document = documentWith("application/json", {}) as unknown as { paths: Record<string, Record<string, object>> };
    const op = document.paths["/form"]!.post!;
    const withMethods = (...methods: string[]) => {
      document.paths["/form"] = Object.fromEntries(methods.map((m) => [m, { ...op, operationId: `send_${m}` }]));
      return emitOperations(planSdk(document as unknown as OpenApiDocument))[0]!.content;
    };
    for (const methods of [["post"], ["patch"]]) {
      const content = withMethods(...methods);
      expect([content.includes('import { idempotent } from "./runtime/idempotency.gen.js";'), content.split("    idempotent,\n").length - 1]).toEqual([true, 1]);
    }
    const content = withMethods("get", "put", "delete");
    expect([content.includes("idempotency.gen.js"), content.includes("idempotent,")]).toEqual([false, false]);
  });
});
