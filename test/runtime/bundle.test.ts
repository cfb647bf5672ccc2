/**
 * Issue 12's budget: an app that imports one JSON operation bundles only what that operation
 * needs, and stays within a fixed number of gzip bytes of the same app on bare openapi-fetch
 * (esbuild, minified, for the browser: test/bench/bundle.ts, as `npm run bench` measures it).
 * The SDK is generated from a spec written here that also has what such an app must NOT carry:
 * a multipart upload, a urlencoded form, a JSON body with a Content-Type of its own (merge-patch,
 * parameters), a paged list, an operation with an Idempotency-Key,
 * an OAuth 2 token URL (the clientCredentials helper), and a runtime with logging in it; and the
 * JSON operation has no query parameters, so no query-key encoding either.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { measureBundle, type BundleSizes } from "../bench/bundle.js";

/**
 * The most gzip bytes the app may add to bare openapi-fetch's (issue 12 asks for at most 1,600);
 * it may only go down. (Measured 2026-11-23: +892 B gzip, from +2,483: requests now go through
 * the runtime's own transport (transport.ts) instead of openapi-fetch's createClient, which was
 * ≈2.7 kB gzip by itself; of openapi-fetch only mergeHeaders is bundled. Then +927 B, for
 * openapi-fetch's semantics where the review found ours apart: a copy of the middleware list per
 * request (+5), per-call [name, value] header pairs grouped into one value per name, case-
 * insensitive and without a prototype, so they replace the client's (+24), an empty per-call
 * base URL ignored and HEAD judged by the request as sent (+6); then +937 B: the grouped pairs
 * keep their first spelling, which a refused header's message names (+10).)
 */
const CEILING_GZIP = 937;

/** The most minified bytes openapi-fetch may leave in the app: its mergeHeaders (275 B), never its createClient (6,564 B). */
const OPENAPI_FETCH_BYTES = 300;

const json = (schema: object) => ({ "application/json": { schema } });
const repo = { type: "object", properties: { id: { type: "integer" }, full_name: { type: "string" } } };
const error = { type: "object", properties: { message: { type: "string" } } };

const DOCUMENT = {
  openapi: "3.0.3",
  info: { title: "Budget", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer" },
      oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: {} } } },
    },
  },
  security: [{ bearer: [] }],
  paths: {
    "/repos/{owner}/{repo}": {
      get: {
        operationId: "reposGet",
        parameters: ["owner", "repo"].map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
        responses: { "200": { description: "ok", content: json(repo) }, "404": { description: "missing", content: json(error) } },
      },
    },
    "/repos": {
      get: {
        operationId: "reposList",
        parameters: [{ name: "cursor", in: "query", schema: { type: "string" } }],
        "x-pagination": { style: "cursor", param: "cursor", field: "next", items: "items" },
        responses: { "200": { description: "ok", content: json({ type: "object", properties: { items: { type: "array", items: repo }, next: { type: "string" } } }) } },
      },
      post: {
        operationId: "reposCreate",
        parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string" } }],
        requestBody: { required: true, content: json(repo) },
        responses: { "201": { description: "created", content: json(repo) } },
      },
    },
    "/repos/{owner}/{repo}/assets": {
      post: {
        operationId: "assetsUpload",
        parameters: ["owner", "repo"].map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
        requestBody: {
          required: true,
          content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" }, meta: { type: "object" } } } } },
        },
        responses: { "204": { description: "done" } },
      },
    },
    "/repos/{owner}/{repo}/settings": {
      // JSON with the server's own Content-Type: encoded by json() from body.gen.ts, which a plain JSON call never bundles.
      patch: {
        operationId: "settingsPatch",
        parameters: ["owner", "repo"].map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
        requestBody: { required: true, content: { "application/merge-patch+json; odata=minimalmetadata": { schema: repo } } },
        responses: { "204": { description: "done" } },
      },
    },
    "/forms": {
      post: {
        operationId: "formsSend",
        requestBody: { content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: { name: { type: "string" } } } } } },
        responses: { "204": { description: "done" } },
      },
    },
  },
} as unknown as OpenApiDocument;

const DIR = join("test", ".sdk-bundle");
let sizes: BundleSizes;

beforeAll(async () => {
  const files = await generate(DOCUMENT, "spec/budget.openapi.json");
  // Inside the project, so the SDK finds openapi-fetch.
  rmSync(DIR, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(DIR, f.path)), { recursive: true });
    writeFileSync(join(DIR, f.path), f.content);
  }
  sizes = await measureBundle(DIR, { name: "reposGet", method: "GET", path: "/repos/{owner}/{repo}", args: { path: { owner: "o", repo: "r" } }, baseUrl: "https://api.example.com" });
}, 60_000);

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe("an app importing one JSON operation", () => {
  it("bundles only the runtime modules a JSON call needs: no body encoders, pagination, logging, hooks, OAuth, Digest, idempotency keys or query encoding", () => {
    const runtime = Object.keys(sizes.modules)
      .filter((m) => m.startsWith("sdk/runtime/"))
      .sort();
    expect(runtime).toEqual(["sdk/runtime/auth.gen.ts", "sdk/runtime/call.gen.ts", "sdk/runtime/client.gen.ts", "sdk/runtime/transport.gen.ts"]);
  });

  it("bundles none of openapi-fetch's client: the transport sends the request", () => {
    expect(sizes.modules["node_modules/openapi-fetch/dist/index.mjs"]).toBeLessThanOrEqual(OPENAPI_FETCH_BYTES);
  });

  it(`adds at most ${CEILING_GZIP} B gzip to bare openapi-fetch's app`, () => {
    expect(sizes.oursGzip - sizes.bareGzip).toBeLessThanOrEqual(CEILING_GZIP);
  });
});
