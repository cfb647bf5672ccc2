/**
 * Content-Type parameters, from collection to wire: a collection (written here, in the way
 * Azure Batch's is exported) whose requests state `application/json; odata=minimalmetadata`,
 * `application/merge-patch+json`, a UTF-8 urlencoded form and a multipart body with a fixed
 * boundary is converted, generated, type-checked and called against a real local server.
 * The JSON bodies arrive as JSON text with the spec's Content-Type, parameters and all; the
 * form with its charset; the multipart body with a boundary of its own.
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { convert, generate } from "../../codegen/index.js";
import type { RequestBody } from "../../codegen/openapi.js";
import { writeAndTypeCheck } from "../typecheck.js";
import { startServer, type RecordingServer } from "./server.js";

const DIR = join("test", ".sdk-json-media-types");

let server: RecordingServer;
let typeErrors: string[];
let mediaTypes: Record<string, string[]>;
let sdk: Record<string, (...args: unknown[]) => Promise<{ response: Response }>>;

const request = (name: string, method: string, path: string, contentType: string, body: object) => ({
  name,
  request: { method, url: `{{batchUrl}}${path}`, header: [{ key: "Content-Type", value: contentType }, { key: "Accept", value: "application/json" }], body },
});

beforeAll(async () => {
  server = await startServer();
  const collection = {
    info: { name: "Batch", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    variable: [{ key: "batchUrl", value: `${server.baseUrl}/v1` }],
    item: [
      request("Add certificate", "POST", "/certificates", "application/json; odata=minimalmetadata", {
        mode: "raw",
        raw: JSON.stringify({ thumbprint: "0123abcd", thumbprintAlgorithm: "sha1", data: "#####" }),
        options: { raw: { language: "json" } },
      }),
      request("Patch pool", "PATCH", "/pools/:poolId", "application/merge-patch+json", { mode: "raw", raw: JSON.stringify({ targetNodes: 2, metadata: null }) }),
      request("Send form", "POST", "/forms", "application/x-www-form-urlencoded; charset=UTF-8", { mode: "urlencoded", urlencoded: [{ key: "name", value: "pool", type: "text" }] }),
      request("Upload", "POST", "/uploads", "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", { mode: "formdata", formdata: [{ key: "note", value: "hi", type: "text" }] }),
    ],
  };
  const { document, diagnostics } = convert(JSON.stringify(collection), "batch.postman_collection.json");
  expect(diagnostics).toEqual([]);
  mediaTypes = {};
  for (const [path, item] of Object.entries(document!.paths)) {
    for (const method of ["post", "patch"] as const) {
      const body = item[method]?.requestBody;
      if (body) mediaTypes[`${method.toUpperCase()} ${path}`] = Object.keys((body as RequestBody).content);
    }
  }
  const files = await generate(document!, "batch.openapi.json");
  typeErrors = writeAndTypeCheck(DIR, files);
  // Inside the project (test/.sdk-*, ignored by git), so the SDK finds openapi-fetch.
  sdk = await import(pathToFileURL(resolve(DIR, "index.ts")).href);
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

it("the spec keeps the parameters a JSON body's server asks for; a form keeps a UTF-8 charset, never a boundary", () => {
  expect(mediaTypes).toEqual({
    "POST /certificates": ["application/json; odata=minimalmetadata"],
    "PATCH /pools/{poolId}": ["application/merge-patch+json"],
    "POST /forms": ["application/x-www-form-urlencoded; charset=UTF-8"],
    "POST /uploads": ["multipart/form-data"],
  });
  expect(typeErrors).toEqual([]);
});

it("each body arrives as its media type says: JSON text under the spec's Content-Type, the form with its charset, multipart with a boundary of its own", async () => {
  const client = sdk.createClient!({ auth: "t" });
  await sdk.addCertificate!(client, { body: { thumbprint: "0123abcd", thumbprintAlgorithm: "sha1", data: "é" } });
  await sdk.patchPool!(client, { path: { poolId: "p1" }, body: { targetNodes: 3, metadata: null } });
  await sdk.sendForm!(client, { body: { name: "pool é" } });
  await sdk.upload!(client, { body: { note: "hi" } });
  const [certificate, pool, form, upload] = server.requests;
  expect([certificate, pool, form].map((r) => [r!.method, r!.url, r!.headers["content-type"], r!.text])).toEqual([
    ["POST", "/v1/certificates", "application/json; odata=minimalmetadata", '{"thumbprint":"0123abcd","thumbprintAlgorithm":"sha1","data":"é"}'],
    ["PATCH", "/v1/pools/p1", "application/merge-patch+json", '{"targetNodes":3,"metadata":null}'],
    ["POST", "/v1/forms", "application/x-www-form-urlencoded; charset=UTF-8", "name=pool+%C3%A9"],
  ]);
  expect(upload!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(upload!.headers["content-type"]).not.toContain("WebKitFormBoundary7MA4YWxkTrZu0gW");
  expect(upload!.parts.map((p) => [p.name, p.value])).toEqual([["note", "hi"]]);
});
