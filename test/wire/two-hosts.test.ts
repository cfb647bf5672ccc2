/**
 * A collection whose requests live on two hosts, from collection to wire: converted, generated
 * (in memory, written to a temporary folder), imported, and called against two real local
 * servers. Calls meant for the second host go there, unless the client names a base URL.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { convert, generate } from "../../codegen/index.js";
import { startServer, type RecordingServer } from "./server.js";

let first: RecordingServer;
let second: RecordingServer;
let dir: string;
let sdk: Record<string, (...args: unknown[]) => Promise<{ response: Response }>>;

beforeAll(async () => {
  [first, second] = await Promise.all([startServer(), startServer()]);
  const request = (name: string, method: string, url: string) => ({ name, request: { method, url } });
  const collection = {
    info: { name: "Two hosts", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [request("Get user", "GET", `${first.baseUrl}/v1/users/:userId`), request("Delete file", "DELETE", `${second.baseUrl}/v2/files/:fileId`)],
  };
  const { document, diagnostics } = convert(JSON.stringify(collection), "two-hosts.postman_collection.json");
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const files = await generate(document!, "two-hosts.openapi.json");
  dir = mkdtempSync(join(tmpdir(), "codegen-two-hosts-"));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  // The SDK imports openapi-fetch, found through this repository's node_modules.
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
  sdk = await import(pathToFileURL(join(dir, "index.ts")).href);
}, 60_000);

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("each call goes to its own host; a client base URL sends every call there", async () => {
  // The spec's server is the first host; `/v2/files/{fileId}` has the second as its path's server.
  const client = sdk.createClient!({ auth: "t" });
  await sdk.getUser!(client, { path: { userId: "u/1" } });
  await sdk.deleteFile!(client, { path: { fileId: "f 1" } });
  const refused = await sdk.deleteFile!(client, { path: { fileId: ".." } }).then(
    () => "sent",
    (error: Error) => error.message,
  );
  const chosen = sdk.createClient!({ baseUrl: first.baseUrl, auth: "t" });
  await sdk.deleteFile!(chosen, { path: { fileId: "f2" } });
  expect(refused).toBe('path segment {fileId} would be "..": an empty, "." or ".." segment sends the request to another path');
  expect(first.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /v1/users/u%2F1", "DELETE /v2/files/f2"]);
  expect(second.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual(["DELETE /v2/files/f%201 Bearer t"]);
});
