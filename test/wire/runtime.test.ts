/**
 * The SDK runtime against a real server, in Node: retries, token refresh, deadlines, typed
 * errors, pagination and a 50 MB streamed upload. The same scenarios run in Chromium
 * (browser.test.ts).
 */
import { Readable } from "node:stream";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as portable from "./portable.js";
import { scenarios } from "./scenarios.js";
import { startServer, type RecordingServer } from "./server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("the runtime on the wire, in Node", () => {
  for (const name of Object.keys(scenarios) as (keyof typeof scenarios)[]) {
    it(name, async () => {
      const scenario = scenarios[name] as (typeof scenarios)["retryAfter"];
      scenario.setup(server);
      const result = await (portable[name] as typeof portable.retryAfter)(server.baseUrl);
      scenario.check(result, server);
    });
  }

  it("streams a 50 MB upload with bounded memory", async () => {
    scenarios.largeUpload.setup(server);
    // Live memory only: collect garbage before each sample, so chunks already sent do not count.
    v8.setFlagsFromString("--expose_gc");
    const gc = runInNewContext("gc") as () => void;
    const sample = () => {
      gc();
      const { arrayBuffers, heapUsed } = process.memoryUsage();
      return arrayBuffers + heapUsed;
    };
    const before = sample();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, sample())), 20);
    const result = await portable.largeUpload(server.baseUrl);
    clearInterval(timer);
    scenarios.largeUpload.check(result, server);
    // Buffering the body would hold 50 MB at once; streaming holds a few chunks.
    // Buffering the body holds all 50 MB at once (measured: 50-53 MB); streaming holds a few
    // chunks and socket buffers (measured: 0-14 MB alone, up to 28 MB with the whole suite and
    // a corpus sweep sharing 2 cores, the garbage collector lagging). 35 MB still fails a buffer.
    expect((peak - before) / 1024 / 1024).toBeLessThan(35);
  });

  it("a Node Readable and bytes are file parts with their filenames; an array of files is several parts", async () => {
    const files = await import("../fixtures/forms-and-files/sdk/index.js");
    const client = files.createClient({ baseUrl: server.baseUrl, auth: "t" });
    const { response } = await files.uploadAvatar(client, {
      path: { userId: "me" },
      body: { file: { data: Readable.from([Buffer.from("chunk-1 "), Buffer.from("chunk-2")]), filename: "log.txt", contentType: "text/plain" }, tags: ["a", "b"] },
    });
    expect(response.status).toBe(204);
    expect(server.requests[0]!.parts.map((p) => [p.name, p.filename, p.mimeType, p.value])).toEqual([
      ["tags", undefined, "text/plain", "a"],
      ["tags", undefined, "text/plain", "b"],
      ["file", "log.txt", "text/plain", "chunk-1 chunk-2"],
    ]);
    server.reset();
    const { encodeMultipart } = await import("../../generated/zoom/runtime/body.gen.js");
    const encoded = await encodeMultipart({ docs: [{ data: Buffer.from("one"), filename: "1.txt" }, new File(["two"], "2.txt")] }, { docs: "file" });
    await fetch(`${server.baseUrl}/upload`, { method: "POST", body: encoded.body });
    expect(server.requests[0]!.parts.map((p) => [p.name, p.filename, p.value])).toEqual([
      ["docs", "1.txt", "one"],
      ["docs", "2.txt", "two"],
    ]);
  });

  it("retries a network error, and not a body it cannot send twice", async () => {
    server.script.set("/v2/users", [{ status: 0, drop: true }, { status: 204 }]);
    const { createClient, updateUserStatus } = await import("../../generated/zoom/index.js");
    const client = createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "t", retry: { baseDelayMs: 10 } });
    const { response } = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } });
    expect(response.status).toBe(204);
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.reply = { status: 503, headers: { "Retry-After": "0" } };
    const files = await import("../fixtures/forms-and-files/sdk/index.js");
    const upload = await files.uploadAvatar(files.createClient({ baseUrl: server.baseUrl, auth: "t" }), {
      path: { userId: "me" },
      body: { file: { data: Readable.from([Buffer.from("once")]), filename: "a.txt" } },
    });
    expect(upload.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("an operation on another host (its path's servers) goes there, unless the client names a base URL", async () => {
    const other = await startServer();
    try {
      const { call } = await import("../../generated/zoom/runtime/call.gen.js");
      const { createClient } = await import("../../generated/zoom/index.js");
      const operation = { method: "DELETE", path: "/users/{userId}", params: { path: { userId: "a/.." } }, baseUrl: `${other.baseUrl}/v1` };
      const byDefault = createClient({ auth: "t" });
      const { response } = await call(byDefault, operation);
      expect(response.status).toBe(204);
      await call(createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "t" }), operation);
      expect(other.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([["DELETE", "/v1/users/a%2F..", "Bearer t"]]);
      expect(server.requests.map((r) => [r.method, r.url])).toEqual([["DELETE", "/v2/users/a%2F.."]]);
    } finally {
      await other.close();
    }
  });

  it("does not resend a POST without an idempotency key after a dropped connection; with one, it does", async () => {
    const { call } = await import("../../codegen/runtime/call.js");
    const { createApiClient } = await import("../../codegen/runtime/client.js");
    const security = { schemes: {}, default: [], operations: {} };
    server.script.set("/p", [{ status: 0, drop: true }, { status: 201 }, { status: 0, drop: true }, { status: 201 }]);
    const plain = createApiClient(server.baseUrl, security, { retry: { baseDelayMs: 1 } });
    await expect(call(plain, { method: "POST", path: "/p", body: {} })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(1);
    server.script.set("/p", [{ status: 0, drop: true }, { status: 201 }]);
    const keyed = createApiClient(server.baseUrl, security, { retry: { baseDelayMs: 1 }, idempotencyKey: true });
    const { idempotent } = await import("../../codegen/runtime/idempotency.js");
    expect((await call(keyed, { method: "POST", path: "/p", body: {}, idempotent })).response.status).toBe(201);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1]!.headers["idempotency-key"]).toBe(server.requests[2]!.headers["idempotency-key"]);
  });

  it("with logging() installed, ZOOM_SDK_LOG=debug logs every attempt to the console, the token masked; info leaves successes out; unset, nothing", async () => {
    const { createClient, logging, updateUserStatus } = await import("../../generated/zoom/index.js");
    const lines: unknown[][] = [];
    const original = { debug: console.debug, info: console.info, warn: console.warn };
    for (const level of ["debug", "info", "warn"] as const) console[level] = (...args: unknown[]) => void lines.push([level, args[0], JSON.stringify(args[1])]);
    try {
      process.env.ZOOM_SDK_LOG = "debug";
      server.script.set("/v2/users", [{ status: 503 }, { status: 204 }, { status: 204 }]);
      await updateUserStatus(createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "zoom-secret", logger: logging(), retry: { baseDelayMs: 1 } }), { path: { userId: "me" }, body: { action: "activate" } });
      process.env.ZOOM_SDK_LOG = "info";
      await updateUserStatus(createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "zoom-secret", logger: logging() }), { path: { userId: "me" }, body: { action: "activate" } });
      // Without logging installed, the variable does nothing (and nothing of the logger is bundled).
      process.env.ZOOM_SDK_LOG = "debug";
      await updateUserStatus(createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "zoom-secret" }), { path: { userId: "me" }, body: { action: "activate" } });
      delete process.env.ZOOM_SDK_LOG;
      await updateUserStatus(createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "zoom-secret", logger: logging() }), { path: { userId: "me" }, body: { action: "activate" } });
    } finally {
      Object.assign(console, original);
      delete process.env.ZOOM_SDK_LOG;
    }
    const url = `${server.baseUrl}/v2/users/me/status`;
    expect(lines.map(([level, message]) => [level, String(message).replace(/in \d+ ms/, "in N ms")])).toEqual([
      ["warn", `PUT ${url} → 503 in N ms (attempt 1)`],
      ["debug", `PUT ${url} → 204 in N ms (attempt 2)`],
    ]);
    for (const [, , details] of lines) {
      expect(details).toContain('"authorization":"***"');
      expect(details).not.toContain("zoom-secret");
    }
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(5).fill("Bearer zoom-secret"));
  });

  it("does not retry after the caller aborts", async () => {
    server.reply = { status: 503, headers: { "Retry-After": "1" } };
    const { createClient, updateUserStatus } = await import("../../generated/zoom/index.js");
    const client = createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "t" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } }, { signal: controller.signal })).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it("gives up when the server asks for a longer wait than allowed, and honours X-RateLimit-Reset", async () => {
    const { createClient, updateUserStatus } = await import("../../generated/zoom/index.js");
    server.reply = { status: 429, headers: { "Retry-After": "120" } };
    const client = createClient({ baseUrl: `${server.baseUrl}/v2`, auth: "t", retry: { maxDelayMs: 5000 } });
    const first = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } });
    expect(first.response.status).toBe(429);
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.script.set("/v2/users", [{ status: 429, headers: { "X-RateLimit-Reset": "1" } }, { status: 204 }]);
    const second = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } });
    expect(second.response.status).toBe(204);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });
});
