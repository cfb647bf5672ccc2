/**
 * The server halves of the runtime wire scenarios (see portable.ts): what the server answers,
 * and what must have arrived. Shared by the Node and the Chromium runs.
 */
import { expect } from "vitest";
import type * as portable from "./portable.js";
import type { RecordingServer } from "./server.js";

type Result<K extends keyof typeof portable> = Awaited<ReturnType<(typeof portable)[K]>>;

export interface Scenario<K extends keyof typeof portable> {
  setup(server: RecordingServer): void;
  check(result: Result<K>, server: RecordingServer): void;
}

const fields = (server: RecordingServer, i: number) => server.requests[i]!.parts.map((p) => [p.name, p.value]);

export const scenarios: { [K in keyof typeof portable]: Scenario<K> } = {
  retryAfter: {
    setup(server) {
      server.script.set("/v2/users", [{ status: 429, headers: { "Retry-After": "1" }, body: "" }, { status: 204 }]);
    },
    check(result, server) {
      expect(result).toEqual({ status: 204, events: ["request PUT /users/{userId}/status", "response 204 after 2 attempts"] });
      expect(server.requests).toHaveLength(2);
      const waited = server.requests[1]!.at - server.requests[0]!.at;
      expect(waited).toBeGreaterThanOrEqual(950);
      expect(waited).toBeLessThan(3000);
      // The retry carries the whole body again.
      expect(fields(server, 0)).toEqual([["action", "deactivate"]]);
      expect(fields(server, 1)).toEqual([["action", "deactivate"]]);
    },
  },

  refreshAfter401: {
    setup(server) {
      server.script.set("/oauth/token", [
        { status: 200, body: { access_token: "token-1", expires_in: 3600 } },
        { status: 200, body: { access_token: "token-2", expires_in: 3600 } },
      ]);
      server.script.set("/v2/users", [{ status: 401, body: "" }, { status: 204 }, { status: 204 }]);
    },
    check(result, server) {
      expect(result).toEqual({ statuses: [204, 204] });
      const tokenRequests = server.requests.filter((r) => r.url === "/oauth/token");
      const apiRequests = server.requests.filter((r) => r.url.startsWith("/v2/"));
      expect(tokenRequests).toHaveLength(2);
      expect(tokenRequests[0]!.headers.authorization).toBe(`Basic ${Buffer.from("id:secret").toString("base64")}`);
      expect(tokenRequests[0]!.text).toBe("grant_type=account_credentials&account_id=acc-1");
      expect(apiRequests.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-2"]);
    },
  },

  timeout: {
    setup(server) {
      server.reply = { status: 204, delayMs: 2000 };
    },
    check(result, server) {
      expect(result).toMatchObject({ threw: true, name: "TimeoutError", message: "PUT /users/{userId}/status timed out after 300 ms" });
      expect(result.elapsedMs).toBeLessThan(1500);
      expect(server.requests).toHaveLength(1);
    },
  },

  notFound: {
    setup(server) {
      server.reply = { status: 404, body: "" };
    },
    check(result) {
      expect(result).toEqual({
        data: null,
        error: { status: 404, statusText: "Not Found", body: "" },
        thrown: { name: "ApiError", status: 404, statusText: "Not Found", method: "PUT", path: "/users/{userId}/status", message: "PUT /users/{userId}/status failed: 404 Not Found" },
      });
    },
  },

  pagination: {
    setup(server) {
      const pages = [
        { next_page_token: "p2", meetings: [{ id: 1, topic: "one" }, { id: 2, topic: "two" }] },
        { next_page_token: "p3", meetings: [{ id: 3, topic: "three" }, { id: 4, topic: "four" }] },
        { next_page_token: "", meetings: [{ id: 5, topic: "five" }] },
      ];
      server.script.set("/users/me/meetings", [...pages, ...pages].map((body) => ({ status: 200, body })));
    },
    check(result, server) {
      expect(result).toEqual({ pages: ["p2", "p3", ""], topics: ["one", "two", "three", "four", "five"] });
      expect(server.requests.map((r) => r.url)).toEqual([
        "/users/me/meetings?page_size=2",
        "/users/me/meetings?page_size=2&next_page_token=p2",
        "/users/me/meetings?page_size=2&next_page_token=p3",
        "/users/me/meetings?page_size=2",
        "/users/me/meetings?page_size=2&next_page_token=p2",
        "/users/me/meetings?page_size=2&next_page_token=p3",
      ]);
    },
  },

  largeUpload: {
    setup(server) {
      server.countOnly = true;
      server.reply = { status: 201, body: { id: "f1" } };
    },
    check(result, server) {
      expect(result).toEqual({ status: 201, sent: 50 * 1024 * 1024 });
      const [request] = server.requests;
      expect(request!.parts.map((p) => [p.name, p.filename, p.mimeType, p.size])).toEqual([
        ["file", "big.bin", "application/octet-stream", 50 * 1024 * 1024],
        ["caption", undefined, "text/plain", 3],
      ]);
    },
  },
};
