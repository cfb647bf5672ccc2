/**
 * An OpenAPI document of names and text nobody here would write (see hostile-names.test.ts):
 * tags named after the SDK's own files, runtime names and Object.prototype members as
 * operationIds and keys, other scripts, and text that tries to end comments and literals.
 */
import type { OpenApiDocument, Operation } from "../../codegen/openapi.js";

const BREAKOUT = "*/ globalThis.__pwned = 1; /* `${(globalThis.__pwned = 2)}` \" ' \\ \u2028 \u2029 /*";

const op = (operationId: string | undefined, tag: string, extra: Partial<Omit<Operation, "operationId">> = {}): Operation => ({
  ...(operationId === undefined ? {} : { operationId }),
  tags: [tag],
  summary: BREAKOUT,
  description: `- /* Add any attachments and S/MIME properties\n@param client ${BREAKOUT}\n{@link x}`,
  responses: { "200": { description: BREAKOUT, content: { "application/json": { schema: { type: "object", properties: { [BREAKOUT]: { type: "string", enum: [BREAKOUT, "*/"] } } } } } } },
  ...extra,
}) as Operation;

const form = (names: string[]): Operation["requestBody"] => ({
  required: true,
  content: { "multipart/form-data": { schema: { type: "object", properties: Object.fromEntries(names.map((n) => [n, { type: "string", description: BREAKOUT }])) } } },
});

export const HOSTILE: OpenApiDocument = {
  openapi: "3.0.3",
  info: { title: BREAKOUT, version: "1" },
  servers: [{ url: "https://api.example.com/v1/" }],
  paths: {
    "/client": { get: op("listClients", "Client") },
    "/schema": { get: op("getSchema", "Schema") },
    "/index": { get: op("getIndex", "index") },
    "/runtime": { get: op("getRuntime", "Runtime") },
    "/con": { get: op("getCon", "CON") },
    "/proto": { get: op("__proto__", "__proto__") },
    "/users-a": { get: op("listUsersA", "Users") },
    "/users-b": { get: op("listUsersB", "users") },
    "/long": { get: op("getLong", "a".repeat(255)) },
    "/nihongo": { get: op("日本語", "日本語") },
    "/sip": { get: op("updateAH323SipDevice", "Devices") },
    "/cafe": { get: op("Ünïcödé naïve café", "Devices") },
    "/call": { post: op("call", "Runtime names", { requestBody: form(["__proto__", "toString", "hasOwnProperty", 'a"b', "*/", BREAKOUT]) }) },
    "/multipart": { get: op("multipart", "Runtime names") },
    "/create-client": { get: op("createClient", "Runtime names") },
    "/to-string": { get: op("toString", "Runtime names") },
    "/constructor": { get: op("constructor", "Runtime names") },
    "/client-name": { get: op("client", "Runtime names") },
    "/logging": { get: op("logging", "Runtime names") },
    "/with-hooks": { get: op("withHooks", "Runtime names") },
    "/encode-query": { get: op("encodeQuery", "Runtime names", { parameters: [{ name: "q", in: "query", schema: { type: "string" } }] }) },
    "/idempotent": { post: op("idempotent", "Runtime names") },
    "/user/{id}": {
      get: op("getUser", "Users", { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] }),
      put: op("GetUser", "Users", { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] }),
      delete: op("getUser", "Users", { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] }),
    },
    '/odd/"quoted"/100%/`tick`/*/': { get: op(undefined, "Odd") },
    "/empty-id": { get: op("", "Odd") },
    "/percent-id": { get: op("100%", "Odd") },
    "/hash-id": { get: op("a#b", "Odd") },
    "/files": { servers: [{ url: "https://files.example.com/v2/" }], get: op("listFiles", "Files") },
  },
  components: {
    securitySchemes: {
      "my-key": { type: "apiKey", in: "header", name: 'X-"Key"*/' },
      ["__proto__"]: { type: "http", scheme: "bearer" },
    },
  },
};

