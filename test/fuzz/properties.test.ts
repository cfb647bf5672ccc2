/**
 * The fuzzer's detectors can fail: a clean SDK passes import and wire, and an SDK changed by
 * hand to run injected code, send an extra field, go to another path or not type-check is caught,
 * by the right property and in the right SDK of a batch.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../codegen/index.js";
import { checkGenerate, checkImport, checkTypes, checkWire, startWireServer, type Sdk, type WireServer } from "./properties.js";

const DOC = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/users/{id}": {
      post: {
        operationId: "upload",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "X-Trace", in: "header", schema: { type: "string" } },
        ],
        requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", properties: { name: { type: "string" }, age: { type: "integer" } } } } } },
        responses: { "204": { description: "ok" } },
      },
    },
  },
} as unknown as OpenApiDocument;

let server: WireServer;
let sdk: Sdk;
beforeAll(async () => {
  server = await startWireServer();
  const g = await checkGenerate(DOC);
  expect(g.failures).toEqual([]);
  sdk = g.sdk!;
});
afterAll(() => server.close());

/** The SDK with one file's text replaced (the replaced text must be there). */
function tampered(path: string, from: string, to: string): Sdk {
  const file = sdk.files.find((f) => f.path === path)!;
  expect(file.content).toContain(from);
  return { ...sdk, files: sdk.files.map((f) => (f === file ? { path, content: f.content.replace(from, to) } : f)) };
}

const wireKinds = async (s: Sdk) => {
  const { module, failures } = await checkImport(s);
  expect(failures).toEqual([]);
  return (await checkWire(s, module!, server)).map((f) => f.kind);
};

describe("the fuzzer's detectors", () => {
  it("pass a clean SDK: it imports, and the call sends its method, path, header and fields", async () => {
    const before = server.requests.length;
    expect(await wireKinds(sdk)).toEqual([]);
    // "." is refused by the runtime, then the call is made again with a plain value.
    expect(server.requests.slice(before).map((r) => [r.method, r.url, r.headers.get("x-trace")])).toEqual([["POST", "/users/plain", "café"]]);
  });

  it("catch code that runs on import", async () => {
    const { failures } = await checkImport(tampered("index.ts", 'export * from "./client.gen.js";', 'export * from "./client.gen.js";\nglobalThis.__fuzzInjected = 1;'));
    expect(failures.map((f) => f.message)).toEqual(["importing the SDK ran injected code"]);
    expect((globalThis as Record<string, unknown>).__fuzzInjected).toBeUndefined();
  });

  it("catch a body field that was not given", async () => {
    expect(await wireKinds(tampered("default.gen.ts", "body: args.body,", 'body: { ...args.body, extra: "x" },'))).toEqual(["wire: multipart body differs (multipart/form-data)"]);
  });

  it("catch a path that is not the one given", async () => {
    expect(await wireKinds(tampered("default.gen.ts", "path: args.path", 'path: { id: "other" }'))).toEqual(["wire: a path parameter value changed the path"]);
  });

  it("attribute a type error to its SDK in a batch", () => {
    const broken = tampered("index.ts", 'export * from "./client.gen.js";', 'export * from "./client.gen.js";\nexport const n: number = "one";');
    const [clean, bad] = checkTypes([sdk, broken]);
    expect(clean).toEqual([]);
    expect(bad!.map((f) => f.message)).toEqual([expect.stringMatching(/^index\.ts:\d+: TS2322: Type 'string' is not assignable to type 'number'\.$/)]);
  }, 60_000);
});
