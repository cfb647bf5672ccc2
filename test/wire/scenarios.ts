/**
 * The server halves of the runtime wire scenarios (see portable.ts): what the server answers,
 * and what must have arrived. Shared by the Node and the Chromium runs.
 */
import { createHash } from "node:crypto";
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
      // Text fields first, the file last (the planner's order: sorted, file parts last).
      expect(request!.parts.map((p) => [p.name, p.filename, p.mimeType, p.size])).toEqual([
        ["caption", undefined, "text/plain", 3],
        ["file", "big.bin", "application/octet-stream", 50 * 1024 * 1024],
      ]);
    },
  },

  pathValues: {
    setup() {},
    check(result, server) {
      const refused = (segment: string, value: string) => ({ threw: "TypeError", message: `path segment ${segment} would be ${JSON.stringify(value)}: an empty, "." or ".." segment sends the request to another path` });
      const sent = { status: 204 };
      expect(result).toEqual([
        ["..", refused("{userId}", "..")],
        [".", refused("{userId}", ".")],
        ["", refused("{userId}", "")],
        ...["/", "?", "#", "%", "a/../b", "%2e%2e", ".%2E", "...", "\\", " ", "日本語", "café", "😀", 0, false].map((v) => [v, sent]),
        ['/files/{name}.json {"name":""}', sent],
        ['/files/{name}.json {"name":"."}', sent],
        ['/pair/{a}{b} {"a":".","b":"."}', refused("{a}{b}", "..")],
        ['/pair/{a}{b} {"a":"","b":""}', refused("{a}{b}", "")],
        ['/pair/{a}{b} {"a":".","b":"x"}', sent],
        ['/list/{ids} {"ids":["a/b","c"]}', sent],
        ['/list/{ids} {"ids":[]}', refused("{ids}", "")],
        ["query", sent],
      ]);
      // The raw request targets, as the server read them: every value stays inside its segment.
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "DELETE /v1/users/%2F",
        "DELETE /v1/users/%3F",
        "DELETE /v1/users/%23",
        "DELETE /v1/users/%25",
        "DELETE /v1/users/a%2F..%2Fb",
        "DELETE /v1/users/%252e%252e",
        "DELETE /v1/users/.%252E",
        "DELETE /v1/users/...",
        "DELETE /v1/users/%5C",
        "DELETE /v1/users/%20",
        "DELETE /v1/users/%E6%97%A5%E6%9C%AC%E8%AA%9E",
        "DELETE /v1/users/caf%C3%A9",
        "DELETE /v1/users/%F0%9F%98%80",
        "DELETE /v1/users/0",
        "DELETE /v1/users/false",
        "GET /v1/files/.json",
        "GET /v1/files/..json",
        "GET /v1/pair/.x",
        "GET /v1/list/a%2Fb,c",
        "GET /v1/search?a%26b=1&filter[x%5D%3D1%26admin%3Dtrue%26y%5B]=v",
      ]);
    },
  },

  unsendableHeaders: {
    setup() {},
    check(result, server) {
      const refused = (call: string, name: string) => ({
        threw: "TypeError",
        message: `${call}: the header ${JSON.stringify(name)} cannot be sent (a name is an HTTP token; a value has no CR, LF, NUL or character beyond U+00FF)`,
      });
      const put = "PUT /users/{userId}/status";
      expect(result).toEqual({
        results: [
          refused(put, "X-Note"),
          refused(put, "X-Note"),
          refused(put, "X-Note"),
          refused(put, "X-Note"),
          refused(put, "X-Note"),
          refused(put, "X Note"),
          refused("GET /trace", "X-Trace"),
          refused(put, "X-App"),
          // A credential's value is a secret: named by its header only.
          { threw: "TypeError", message: 'the credential for the header "Authorization" cannot be sent (a name is an HTTP token; a value has no CR, LF, NUL or character beyond U+00FF)' },
          { status: 204 },
        ],
        // Each refusal is reported once, after one attempt: it is not taken for a network error.
        attempts: [1, 1, 1, 1, 1, 1, 1, 1, 1],
      });
      expect(server.requests).toHaveLength(1);
      // Latin-1 goes as its bytes (Node reads header bytes as Latin-1).
      const { headers } = server.requests[0]!;
      expect([headers["x-note"], headers["x-padded"], headers["x-twice"]]).toEqual(["café", "v", "1, 2"]);
    },
  },

  notSentNotRetried: {
    setup() {},
    check(result, server) {
      expect(result).toEqual({ result: { threw: "TypeError", message: "Do not know how to serialize a BigInt" }, attempts: [1] });
      expect(server.requests).toHaveLength(0);
    },
  },

  partHeaders: {
    setup() {},
    check(result, server) {
      const refused = (field: string, type: string) => ({ threw: "TypeError", message: `multipart field ${JSON.stringify(field)}: the Content-Type ${JSON.stringify(type)} cannot be sent (printable ASCII only)` });
      expect(result).toEqual([
        { status: 204 },
        { status: 204 },
        refused("file", "text/plain\r\nX-Evil: 1"),
        refused("file", "text/plain\n"),
        refused("file", "text/plain; charset=日本"),
        { status: 204 },
        { status: 204 },
        refused("doc", "application/xml\r\nX-Evil: 1"),
      ]);
      // busboy's reading of each part: name, filename, Content-Type, value.
      expect(server.requests.map((r) => r.parts.map((p) => [p.name, p.filename, p.mimeType, p.value]))).toEqual([
        [["file", "q%22t%0D%0A.txt", "application/octet-stream", "x"]],
        [["file", "résumé 日本.txt", "text/plain", "x"]],
        [["a%22b%0D%0Ac", undefined, "text/plain", "v"]],
        [["a%22b%0D%0Ac", undefined, "application/xml", "<v/>"]],
      ]);
    },
  },

  operationBaseUrl: {
    setup() {},
    check(result, server) {
      expect(result).toEqual([204, 204, 204, 204, 204, 204, 204]);
      expect(server.requests.map((r) => r.url)).toEqual(["/default/ping", "/op/ping", "/client/ping", "/client/ping", "/call/ping", "/call/ping", "/op/ping?q=1"]);
    },
  },

  prototypeNamedFields: {
    setup() {},
    check(result, server) {
      expect(result).toEqual([{ status: 204 }, { status: 204 }, { status: 204 }, { status: 204 }]);
      expect(server.requests.map((r) => r.text)).toEqual(["", "toString=a&toString=b&constructor=c", "", ""]);
      expect(server.requests.map((r) => r.parts.map((p) => [p.name, p.filename, p.mimeType, p.value]))).toEqual([
        [],
        [],
        [["note", undefined, "text/plain", "n"]],
        [
          ["valueOf", undefined, "application/json", '{"a":1}'],
          ["note", undefined, "text/plain", "n"],
        ],
      ]);
    },
  },

  formEncodings: {
    setup() {},
    check(result, server) {
      expect(result).toEqual(Array(7).fill({ status: 204 }));
      const [multipartRequest, ...forms] = server.requests;
      // busboy's reading of each part: name, filename, Content-Type, value.
      expect(multipartRequest!.parts.map((p) => [p.name, p.filename, p.mimeType, p.value])).toEqual([
        ["meta", undefined, "application/json", JSON.stringify({ a: 1, s: 'é"\n' })],
        ["list", undefined, "application/json", '[{"id":1},{"id":2}]'],
        ["patch", undefined, "application/merge-patch+json", '{"x":null}'],
        ["note", undefined, "text/plain", "n"],
        ["count", undefined, "application/json", "5"],
      ]);
      expect(forms.map((r) => [r.headers["content-type"], r.text])).toEqual(
        [
          "R=100&G=200&ids=1&ids=2",
          "color=R%2C100%2CG%2C200&ids=1%2C2",
          "color=R+100+G+200&ids=1+2",
          "color=R%7C100%7CG%7C200&ids=1%7C2",
          "color%5BR%5D=100&color%5BG%5D=200&ids=1%2C2",
          "color=%7B%22R%22%3A100%2C%22G%22%3A200%7D&ids=%5B1%2C2%5D",
        ].map((text) => ["application/x-www-form-urlencoded", `${text}&url=a/b?c:d%26e%3Df%2Bg`]),
      );
    },
  },

  idempotencyKeys: {
    setup(server) {
      server.script.set("/keys/payments", [{ status: 500 }, { status: 503 }, { status: 201, body: { id: 1 } }, { status: 500 }, { status: 201, body: { id: 2 } }, { status: 502 }, { status: 201, body: {} }, { status: 500 }, { status: 201, body: {} }]);
    },
    check(result, server) {
      expect(result).toEqual([{ status: 201 }, { status: 201 }, { status: 201 }, { status: 201 }]);
      const keys = server.requests.map((r) => r.headers["idempotency-key"] ?? r.headers["x-idempotency-key"]);
      expect(keys).toHaveLength(9);
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      for (const key of keys.slice(0, 7)) expect(key).toMatch(uuid);
      // One key for the three attempts of the first call, another for the second call's two.
      expect(new Set(keys.slice(0, 3)).size).toBe(1);
      expect(new Set(keys.slice(3, 5)).size).toBe(1);
      expect(keys[3]).not.toBe(keys[0]);
      // The operation's own header (X-Idempotency-Key) on a client that did not ask for keys.
      expect(server.requests.slice(5, 7).map((r) => [r.headers["x-idempotency-key"] === keys[5], r.headers["idempotency-key"]])).toEqual([
        [true, undefined],
        [true, undefined],
      ]);
      expect(keys.slice(7)).toEqual(["mine", "mine"]);
    },
  },

  unsafeRetries: {
    setup(server) {
      server.script.set("/unsafe/a", [{ status: 500 }, { status: 201 }]);
      server.script.set("/unsafe/b", [{ status: 503 }, { status: 200 }]);
      server.script.set("/unsafe/c", [{ status: 429, headers: { "Retry-After": "0" } }, { status: 201 }]);
      server.script.set("/unsafe/d", [{ status: 503, headers: { "Retry-After": "0" } }, { status: 201 }]);
      server.script.set("/unsafe/f", [{ status: 500 }, { status: 204 }]);
    },
    check(result, server) {
      expect(result).toEqual([{ status: 500 }, { status: 503 }, { status: 201 }, { status: 201 }, { status: 204 }]);
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "POST /unsafe/a",
        "PATCH /unsafe/b",
        "POST /unsafe/c",
        "POST /unsafe/c",
        "POST /unsafe/d",
        "POST /unsafe/d",
        "PUT /unsafe/f",
        "PUT /unsafe/f",
      ]);
      expect(server.requests.some((r) => r.headers["idempotency-key"])).toBe(false);
    },
  },

  attemptTimeout: {
    setup(server) {
      server.script.set("/slow/get", [{ status: 204, delayMs: 1500 }, { status: 200, body: { ok: true } }]);
      server.script.set("/slow/post", [{ status: 204, delayMs: 1500 }, { status: 201 }]);
      server.script.set("/slow/whole", [{ status: 204, delayMs: 1500 }, { status: 204, delayMs: 1500 }, { status: 204 }]);
    },
    check(result, server) {
      expect(result).toEqual({
        get: { status: 200 },
        fast: true,
        post: { threw: "TimeoutError", message: "POST /post attempt 1 timed out after 250 ms" },
        // The whole call's deadline ends it between attempts, and says so.
        whole: { threw: "TimeoutError", message: "GET /whole timed out after 400 ms" },
      });
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /slow/get", "GET /slow/get", "POST /slow/post", "GET /slow/whole", "GET /slow/whole"]);
    },
  },

  statusResults: {
    setup(server) {
      server.script.set("/things", [
        { status: 201, body: { id: 1 } },
        { status: 409, body: { conflictWith: "b" } },
        { status: 422, body: { field: "name" } },
        { status: 500, body: { message: "boom" } },
        { status: 404, body: "no such thing" },
        { status: 503, body: { message: "down" } },
      ]);
    },
    check(result) {
      expect(result).toEqual({
        results: [
          { status: 201, data: { id: 1 }, error: null },
          { status: 409, data: null, error: { conflictWith: "b" } },
          // Documented by the 4XX range.
          { status: 422, data: null, error: { field: "name" } },
          // Not documented: the HttpError shape, the JSON as text.
          { status: 500, data: null, error: { status: 500, statusText: "Internal Server Error", body: '{"message":"boom"}' } },
          { status: 404, data: null, error: { status: 404, statusText: "Not Found", body: "no such thing" } },
        ],
        thrown: { name: "ApiError", status: 503, body: { status: 503, statusText: "Service Unavailable", body: '{"message":"down"}' } },
      });
    },
  },

  digestAuth: {
    setup(server) {
      const challenge = { "WWW-Authenticate": 'Digest realm="api@example.org", qop="auth", algorithm=SHA-256, nonce="n0nce", opaque="op"' };
      server.script.set("/digest", [{ status: 401, headers: challenge }, { status: 200, body: {} }, { status: 200, body: {} }, { status: 401, headers: challenge }, { status: 401, headers: challenge }]);
    },
    check(result, server) {
      expect(result).toEqual([200, 200, 401]);
      const headers = server.requests.map((r) => r.headers.authorization);
      // The first request goes without credentials: there is no challenge yet to answer.
      expect(headers[0]).toBeUndefined();
      const h = (text: string) => createHash("sha256").update(text).digest("hex");
      const expected = (password: string, uri: string, nc: string, cnonce: string) =>
        `Digest username="Mufasa", realm="api@example.org", nonce="n0nce", uri="${uri}", algorithm=SHA-256, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${h(`${h(`Mufasa:api@example.org:${password}`)}:n0nce:${nc}:${cnonce}:auth:${h(`GET:${uri}`)}`)}", opaque="op"`;
      const cnonce = (i: number) => /cnonce="([0-9a-f]{32})"/.exec(headers[i] ?? "")?.[1] ?? "missing";
      expect(headers.slice(1)).toEqual([
        expected("Circle of Life", "/digest/dir/index.html?a=1", "00000001", cnonce(1)),
        expected("Circle of Life", "/digest/dir/index.html?b=2", "00000002", cnonce(2)),
        undefined,
        expected("wrong", "/digest/dir/index.html", "00000001", cnonce(4)),
      ]);
      expect(cnonce(1)).not.toBe(cnonce(2));
    },
  },

  logging: {
    setup(server) {
      server.script.set("/log/ping", [
        { status: 500, headers: { "X-Request-Id": "req-41" }, body: "" },
        { status: 200, headers: { "X-Request-Id": "req-42" }, body: {} },
        { status: 404, headers: { "x-zm-trackingid": "zm-7" }, body: { message: "no" } },
        { status: 200, body: {} },
      ]);
    },
    check(result, server) {
      const url = (query: string) => `${server.baseUrl}/log/ping${query}`;
      const headers = { accept: "application/json", authorization: "***", "x-api-key": "***", "x-session": "***" };
      expect(result).toEqual({
        status: 200,
        error: null,
        requestId: "zm-7",
        lines: [
          ["warn", `GET ${url("?page=2&access=***")} → 500 in N ms (attempt 1)`, { method: "GET", url: url("?page=2&access=***"), status: 500, attempt: 1, durationMs: "number", requestId: "req-41", requestHeaders: headers }],
          ["debug", `GET ${url("?page=2&access=***")} → 200 in N ms (attempt 2)`, { method: "GET", url: url("?page=2&access=***"), status: 200, attempt: 2, durationMs: "number", requestId: "req-42", requestHeaders: headers }],
          ["info", `GET ${url("?access=***")} → 404 in N ms (attempt 1)`, { method: "GET", url: url("?access=***"), status: 404, attempt: 1, durationMs: "number", requestId: "zm-7", requestHeaders: headers }],
        ],
      });
      // The secrets did go on the wire; they never reached the log.
      expect(server.requests[0]!.headers.authorization).toBe("Bearer s3cret-token");
      expect(JSON.stringify(result)).not.toMatch(/s3cret|query-secret|header-secret|sess-secret/);
    },
  },

  paginationShapes: {
    setup(server) {
      const replies = (bodies: unknown[], headers: (i: number) => Record<string, string> = () => ({})) => bodies.map((body, i) => ({ status: 200, body, headers: headers(i) }));
      server.script.set("/slack", replies([
        { members: [1, 2], response_metadata: { next_cursor: "c2" } },
        { members: [3, 4], response_metadata: { next_cursor: "c3" } },
        { members: [5], response_metadata: { next_cursor: "" } },
      ]));
      server.script.set("/asana", replies([{ data: ["a"], next_page: { offset: "o2" } }, { data: ["b"], next_page: { offset: "o3" } }, { data: ["c"], next_page: null }]));
      server.script.set("/offset", replies([{ items: [1, 2] }, { items: [3, 4] }, { items: [5] }, { items: [] }]));
      server.script.set("/page", replies([[1, 2], [3, 4], [5], []]));
      const next = (n: number) => ({ Link: `<${server.baseUrl}/link?page=${n}&per_page=2>; rel="next", <${server.baseUrl}/link?page=3&per_page=2>; rel="last"` });
      server.script.set("/link", replies([["x"], ["y"], ["z"]], (i) => (i < 2 ? next(i + 2) : { Link: `<${server.baseUrl}/link?page=1&per_page=2>; rel="first"` })));
      server.script.set("/loop", replies([{ items: [1], next: "t1" }, { items: [2], next: "t2" }, { items: [3], next: "t2" }, { items: [4], next: "t2" }]));
    },
    check(result, server) {
      expect(result).toEqual({ slack: [1, 2, 3, 4, 5], asana: ["a", "b", "c"], offset: [1, 2, 3, 4, 5], page: [1, 2, 3, 4, 5], link: ["x", "y", "z"], loop: [1, 2, 3] });
      expect(server.requests.map((r) => r.url)).toEqual([
        "/slack?limit=2",
        "/slack?limit=2&cursor=c2",
        "/slack?limit=2&cursor=c3",
        "/asana",
        "/asana?offset=o2",
        "/asana?offset=o3",
        "/offset?limit=2",
        "/offset?limit=2&offset=2",
        "/offset?limit=2&offset=4",
        "/offset?limit=2&offset=5",
        "/page?per_page=2",
        "/page?per_page=2&page=2",
        "/page?per_page=2&page=3",
        "/page?per_page=2&page=4",
        "/link",
        "/link?page=2&per_page=2",
        "/link?page=3&per_page=2",
        // The third page repeats t2: the iteration ends there, after three requests.
        "/loop",
        "/loop?cursor=t1",
        "/loop?cursor=t2",
      ]);
    },
  },

  jsonMediaTypes: {
    setup(server) {
      // The first attempt fails: the retry is encoded again, header and bytes alike.
      server.script.set("/v1/certificates", [{ status: 503 }, { status: 204 }]);
    },
    check(result, server) {
      expect(result).toEqual([204, 204, 204, 204, 204, 204]);
      // Method, URL, Content-Type, the body as UTF-8 text, and its size in bytes (é is 2, ☕ 3).
      expect(server.requests.map((r) => [r.method, r.url, r.headers["content-type"], r.text, r.size])).toEqual([
        ["PUT", "/v1/certificates", "application/json; odata=minimalmetadata", '{"thumbprint":"0123","data":"café ☕"}', 40],
        ["PUT", "/v1/certificates", "application/json; odata=minimalmetadata", '{"thumbprint":"0123","data":"café ☕"}', 40],
        ["PATCH", "/v1/pools/p1", "application/merge-patch+json", '{"target":null}', 15],
        ["PUT", "/v1/notes", "application/json; charset=utf-8", '"a \\"quoted\\" note"', 19],
        ["PUT", "/v1/mine", "application/json; odata=nometadata", "[1]", 3],
        ["PUT", "/v1/plain", "application/json", '{"thumbprint":"0123","data":"café ☕"}', 40],
        ["POST", "/v1/form", "application/x-www-form-urlencoded; charset=UTF-8", "q=%C3%A9", 8],
      ]);
    },
  },
};
