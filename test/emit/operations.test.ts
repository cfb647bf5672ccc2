/** What the emitter prints for shapes the Zoom seeds do not have. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";

const doc = (paths: OpenApiDocument["paths"]): OpenApiDocument => ({
  openapi: "3.0.3",
  info: { title: "T", version: "1" },
  servers: [{ url: "https://{region}.example.com/v1/", variables: { region: { default: "eu" } } }],
  paths,
});

async function file(document: OpenApiDocument, path: string) {
  const files = await generate(document, "spec/t.openapi.json");
  return files.find((f) => f.path === path)!.content;
}

describe("emitted operations", () => {
  it("JSDoc carries summary, description, METHOD /path and @deprecated, and no @see or @link (tsc would parse it); comment-ending text is escaped", async () => {
    const text = await file(
      doc({
        "/old/{id}": {
          get: {
            operationId: "getOld",
            summary: "Get an old thing */ and more",
            description: "Uses `a/*` globs.\n@internal is not a tag here.",
            deprecated: true,
            tags: ["Legacy"],
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: { "200": { description: "OK" } },
          },
        },
      }),
      "legacy.gen.ts",
    );
    expect(text).toContain(
      [
        "/**",
        " * Get an old thing *\\/ and more",
        " *",
        " * Uses `a/*` globs.",
        " * \\@internal is not a tag here.",
        " *",
        " * `GET /old/{id}`",
        " * @param client From `createClient`.",
        " * @param args `path`.",
        " * @param init Per call: `signal`, `headers`, `timeoutMs`, `retry`, `throwOnError`, and anything else `fetch` takes.",
        " * @returns openapi-fetch's `{ data, error, response }`; on failure `error` is the documented error body or an `HttpError` (status, status text, body text).",
        " * @deprecated",
        " */",
        'export function getOld(client: ApiClient, args: GetOldArgs, init?: CallOptions): Promise<Result<operations["getOld"]>> {',
      ].join("\n"),
    );
  });

  it("an operation with nothing required takes `args = {}`; JSON bodies use openapi-fetch's own serializer, inside the call loop", async () => {
    const text = await file(
      doc({
        "/things": {
          get: {
            operationId: "list things",
            parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }],
            responses: { "200": { description: "OK" } },
          },
          post: {
            operationId: "createThing",
            requestBody: { required: true, content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } } },
            responses: { "201": { description: "Created" } },
          },
        },
      }),
      "default.gen.ts",
    );
    expect(text).toContain('export function listThings(client: ApiClient, args: ListThingsArgs = {}, init?: CallOptions): Promise<Result<operations["list things"]>> {');
    expect(text).toContain(
      ["  return call(", "    client,", "    {", '      method: "POST",', '      path: "/things",', "      body: args.body,", "      idempotent,", "    },", "    init,", "  );"].join("\n"),
    );
  });

  it("urlencoded bodies are encoded per attempt from their fields; the default base URL fills server variables", async () => {
    const files = await generate(
      doc({
        "/token": {
          post: {
            operationId: "getToken",
            requestBody: {
              required: true,
              content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: { grant_type: { type: "string" }, scope: { type: "array", items: { type: "string" } } } } } },
            },
            responses: { "200": { description: "OK" } },
          },
        },
      }),
      "spec/t.openapi.json",
    );
    const ops = files.find((f) => f.path === "default.gen.ts")!.content;
    expect(ops).toContain('encode: urlencoded({ grant_type: "text", scope: "text" }),');
    expect(files.find((f) => f.path === "client.gen.ts")!.content).toContain('export const defaultBaseUrl = "https://eu.example.com/v1";');
  });

  it("a spec that declares no security scheme still sends a given token, as a bearer token", async () => {
    const files = await generate(
      doc({
        "/repos/{owner}": {
          get: { operationId: "getRepo", parameters: [{ name: "owner", in: "path", required: true, schema: { type: "string" } }], responses: { "204": { description: "No content" } } },
        },
        "/meta": { get: { operationId: "getMeta", security: [], responses: { "204": { description: "No content" } } } },
      }),
      "spec/t.openapi.json",
    );
    // Inside the project, so the SDK finds openapi-fetch.
    const dir = mkdtempSync(join("test", ".sdk-"));
    try {
      for (const f of files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
      const sdk = await import(pathToFileURL(join(process.cwd(), dir, "index.ts")).href);
      const sent: (string | null)[] = [];
      const client = sdk.createClient({ auth: "t", fetch: async (request: Request) => (sent.push(request.headers.get("Authorization")), new Response(null, { status: 204 })) });
      await sdk.getRepo(client, { path: { owner: "o" } });
      await sdk.getMeta(client);
      expect(sent).toEqual(["Bearer t", null]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every code file starts with the same header line", async () => {
    const files = (await generate(doc({}), "spec/t.openapi.json")).filter((f) => f.path.endsWith(".ts"));
    expect(new Set(files.map((f) => f.content.split("\n")[0]))).toEqual(new Set(["// Generated from spec/t.openapi.json by codegen. Do not edit."]));
  });
});

describe("names", () => {
  it("a paginator never takes the name of an operation", async () => {
    const list = (operationId: string) => ({
      get: {
        operationId,
        parameters: [{ name: "next_page_token", in: "query" as const, schema: { type: "string" as const } }],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" as const, properties: { next_page_token: { type: "string" as const }, items: { type: "array" as const, items: { type: "string" as const } } } } } } } },
      },
    });
    const files = await generate(doc({ "/a": list("listThingsPages"), "/b": list("listThings") }), "spec/t.openapi.json");
    const text = files.find((f) => f.path === "default.gen.ts")!.content;
    const exported = [...text.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    expect(exported).toEqual(["listThingsPages", "listThingsPagesPages", "listThingsPagesItems", "listThings", "listThingsPages2", "listThingsItems"]);
  });
});

describe("body media types, judged by their essence", () => {
  const object = { type: "object" as const, properties: { name: { type: "string" as const } } };
  const post = (tag: string, mediaType: string) => ({ post: { operationId: `send${tag}`, tags: [tag], requestBody: { required: true, content: { [mediaType]: { schema: object } } }, responses: { "204": { description: "done" } } } });
  const calls = async () => {
    const files = await generate(
      doc({
        "/plain": post("Plain", "application/json"),
        "/upper": post("Upper", "Application/JSON"),
        "/odata": post("Odata", "application/json; odata=minimalmetadata"),
        "/merge": post("Merge", "application/merge-patch+json"),
        "/form": post("Form", "application/x-www-form-urlencoded; charset=UTF-8"),
        "/latin": post("Latin", "application/x-www-form-urlencoded; charset=ISO-8859-1"),
        "/parts": post("Parts", "multipart/form-data; boundary=abc"),
        "/text": post("Text", "text/plain; charset=utf-8"),
      }),
      "spec/t.openapi.json",
    );
    const text = (module: string) => files.find((f) => f.path === `${module}.gen.ts`)!.content;
    const of = (module: string) => ({
      bodyImport: text(module).match(/^import .* from "\.\/runtime\/body\.gen\.js";$/m)?.[0],
      encode: text(module).match(/^ {6}encode: .*$/m)?.[0].trim(),
      bodyType: text(module).match(/^ {2}body: .*$/m)?.[0].trim(),
    });
    return Object.fromEntries(["plain", "upper", "odata", "merge", "form", "latin", "parts", "text"].map((m) => [m, of(m)]));
  };

  it("JSON with parameters or a +json type is JSON, sent with its own Content-Type by json(); plain application/json imports no encoder", async () => {
    const got = await calls();
    expect(got.plain).toEqual({ bodyImport: undefined, encode: undefined, bodyType: 'body: operations["sendPlain"]["requestBody"]["content"]["application/json"];' });
    expect(got.upper).toEqual({ bodyImport: undefined, encode: undefined, bodyType: 'body: operations["sendUpper"]["requestBody"]["content"]["Application/JSON"];' });
    expect(got.odata).toEqual({
      bodyImport: 'import { json } from "./runtime/body.gen.js";',
      encode: 'encode: json("application/json; odata=minimalmetadata"),',
      bodyType: 'body: operations["sendOdata"]["requestBody"]["content"]["application/json; odata=minimalmetadata"];',
    });
    expect(got.merge).toMatchObject({ bodyImport: 'import { json } from "./runtime/body.gen.js";', encode: 'encode: json("application/merge-patch+json"),' });
  });

  it("of several JSON types, plain application/json is sent, then application/json with parameters (Swashbuckle lists json-patch+json first); a range such as application/*+json is never a Content-Type", async () => {
    const content = (types: string[]) => Object.fromEntries(types.map((t) => [t, { schema: object }]));
    const files = await generate(
      doc({
        "/swashbuckle": { post: { operationId: "create", requestBody: { content: content(["application/json-patch+json", "application/json", "text/json", "application/*+json"]) }, responses: { "204": { description: "done" } } } },
        "/ranges": { post: { operationId: "createRanged", requestBody: { content: content(["application/*+json", "application/vnd.acme+json"]) }, responses: { "204": { description: "done" } } } },
        "/range": { post: { operationId: "createRange", requestBody: { content: content(["application/*+json"]) }, responses: { "204": { description: "done" } } } },
        // application/json with parameters is application/json still, sent with them.
        "/charset": { post: { operationId: "createCharset", requestBody: { content: content(["application/json-patch+json", "application/json; charset=utf-8"]) }, responses: { "204": { description: "done" } } } },
      }),
      "spec/t.openapi.json",
    );
    const text = files.find((f) => f.path === "default.gen.ts")!.content;
    // Operations in path order: /charset, /range, /ranges, /swashbuckle.
    expect([...text.matchAll(/^ {2}body\?: .*\["content"\]\[(".*")\];$/gm)].map((m) => m[1])).toEqual(['"application/json; charset=utf-8"', '"application/*+json"', '"application/vnd.acme+json"', '"application/json"']);
    expect([...text.matchAll(/^ {6}encode: .*$/gm)].map((m) => m[0].trim())).toEqual(['encode: json("application/json; charset=utf-8"),', 'encode: json("application/vnd.acme+json"),']);
  });

  it("an operation named json does not take the name of the encoder its module imports", async () => {
    const files = await generate(
      doc({ "/json": { patch: { operationId: "json", requestBody: { content: { "application/merge-patch+json": { schema: object } } }, responses: { "204": { description: "done" } } } } }),
      "spec/t.openapi.json",
    );
    const text = files.find((f) => f.path === "default.gen.ts")!.content;
    expect(text).toContain('import { json } from "./runtime/body.gen.js";');
    expect([...text.matchAll(/^export function (\w+)/gm)].map((m) => m[1])).toEqual(["jsonOperation"]);
    expect(text).toContain('encode: json("application/merge-patch+json"),');
  });

  it("a form with a charset is still a form: UTF-8 is sent as written, another charset not (the runtime writes UTF-8); a multipart boundary never", async () => {
    const got = await calls();
    expect([got.form!.encode, got.latin!.encode, got.parts!.encode, got.text!.encode]).toEqual([
      'encode: urlencoded({ name: "text" }, "application/x-www-form-urlencoded; charset=UTF-8"),',
      'encode: urlencoded({ name: "text" }),',
      'encode: multipart({ name: "text" }),',
      'encode: raw("text/plain; charset=utf-8"),',
    ]);
  });
});
