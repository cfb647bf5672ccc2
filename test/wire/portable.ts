/**
 * Client-side halves of the runtime wire scenarios, written once for both runtimes: the Node
 * tests call them directly, and the browser tests bundle this module into a page that calls
 * the same server from headless Chromium. Each returns plain JSON for the test to check,
 * together with what the server recorded.
 */
import * as files from "../fixtures/forms-and-files/sdk/index.js";
import { ApiError, clientCredentials, createClient, updateUserStatus, withHooks, type HttpError } from "../../generated/zoom/index.js";
import { apiKey, bearer, type SecurityInfo } from "../../codegen/runtime/auth.js";
import { json, multipart, urlencoded } from "../../codegen/runtime/body.js";
import { digest } from "../../codegen/runtime/digest.js";
import { call, type CallOptions, type OperationCall } from "../../codegen/runtime/call.js";
import { idempotent } from "../../codegen/runtime/idempotency.js";
import { createApiClient, type ClientOptions } from "../../codegen/runtime/client.js";
import { cursor, items, link, offset, page, pages, type NextPage } from "../../codegen/runtime/paginate.js";
import { encodeQuery } from "../../codegen/runtime/query.js";
import { logging as logTo, type LogDetails, type Logger } from "../../codegen/runtime/log.js";
import type { ApiClient } from "../../codegen/runtime/transport.js";

const MB = 1024 * 1024;

/** 429 with Retry-After: 1, then 204: the hooks see one call that took two attempts. */
export async function retryAfter(baseUrl: string) {
  const events: string[] = [];
  const client = createClient({
    baseUrl: `${baseUrl}/v2`,
    auth: "token",
    hooks: withHooks({
      onRequest: ({ method, path }) => void events.push(`request ${method} ${path}`),
      onResponse: ({ response, attempts }) => void events.push(`response ${response.status} after ${attempts} attempts`),
    }),
  });
  const { response } = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "deactivate" } });
  return { status: response.status, events };
}

/** Zoom server-to-server OAuth: a token, a 401, one refresh, the call repeated. */
export async function refreshAfter401(baseUrl: string) {
  const auth = clientCredentials({ tokenUrl: `${baseUrl}/oauth/token`, clientId: "id", clientSecret: "secret", grantType: "account_credentials", params: { account_id: "acc-1" } });
  const client = createClient({ baseUrl: `${baseUrl}/v2`, auth });
  const first = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } });
  const second = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } });
  return { statuses: [first.response.status, second.response.status] };
}

/** A call slower than its deadline is aborted, and not retried. */
export async function timeout(baseUrl: string) {
  const client = createClient({ baseUrl: `${baseUrl}/v2`, auth: "token" });
  const started = Date.now();
  try {
    await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } }, { timeoutMs: 300 });
    return { threw: false, elapsedMs: Date.now() - started };
  } catch (error) {
    return { threw: true, name: (error as Error).name, message: (error as Error).message, elapsedMs: Date.now() - started };
  }
}

/** A 404 with an empty text/plain body: a typed error that tells status and status text; and the throwing mode. */
export async function notFound(baseUrl: string) {
  const client = createClient({ baseUrl: `${baseUrl}/v2`, auth: "token", retry: false });
  const { data, error } = await updateUserStatus(client, { path: { userId: "nobody" }, body: { action: "activate" } });
  // Typed: `error` is the documented error bodies (none here) or an HttpError.
  const typed: HttpError | undefined = error;
  const throwing = createClient({ baseUrl: `${baseUrl}/v2`, auth: "token", throwOnError: true });
  let thrown: Record<string, unknown> = {};
  try {
    await updateUserStatus(throwing, { path: { userId: "nobody" }, body: { action: "activate" } });
  } catch (e) {
    if (e instanceof ApiError) thrown = { name: e.name, status: e.status, statusText: e.statusText, method: e.method, path: e.path, message: e.message };
  }
  return { data: data ?? null, error: typed ?? null, thrown };
}

/** Three pages, followed by next_page_token, as pages and as items. */
export async function pagination(baseUrl: string) {
  const client = files.createClient({ baseUrl, auth: "token" });
  const pages: string[] = [];
  for await (const page of files.listMeetingsPages(client, { path: { userId: "me" }, query: { page_size: 2 } })) pages.push(page.next_page_token ?? "(none)");
  const topics: string[] = [];
  for await (const meeting of files.listMeetingsItems(client, { path: { userId: "me" }, query: { page_size: 2 } })) topics.push(meeting.topic ?? "(none)");
  return { pages, topics };
}

/** 50 MB from a stream, as one file part: streamed where the runtime can (Node), collected first where it cannot. */
export async function largeUpload(baseUrl: string, megabytes = 50) {
  const client = files.createClient({ baseUrl, auth: "token" });
  const chunk = new Uint8Array(64 * 1024).fill(120);
  let sent = 0;
  const data = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= megabytes * MB) return controller.close();
      controller.enqueue(chunk.slice());
      sent += chunk.length;
    },
  });
  const { response } = await files.uploadAvatar(client, {
    path: { userId: "me" },
    body: { file: { data, filename: "big.bin", contentType: "application/octet-stream" }, caption: "big" },
  });
  return { status: response.status, sent };
}

const NO_SECURITY: SecurityInfo = { schemes: {}, default: [], operations: {} };

/** A client of the runtime itself, for hand-written call descriptors (retries on, with short waits). */
const runtimeClient = (defaultBaseUrl: string, options: ClientOptions<object> = {}) => createApiClient(defaultBaseUrl, NO_SECURITY, { retry: { baseDelayMs: 1 }, ...options });

/** A call's outcome as plain JSON: its status, or what it threw. */
async function outcome(result: Promise<{ response: Response }>) {
  try {
    return { status: (await result).response.status };
  } catch (error) {
    return { threw: (error as Error).name, message: (error as Error).message };
  }
}

/** Path parameter values that look like URL syntax, each sent as `DELETE /users/{userId}`; then whole segments built from a value and the template; then query keys. */
export async function pathValues(baseUrl: string) {
  const client = runtimeClient(`${baseUrl}/v1`);
  const values = ["..", ".", "", "/", "?", "#", "%", "a/../b", "%2e%2e", ".%2E", "...", "\\", " ", "日本語", "café", "😀", 0, false];
  const sent: [unknown, unknown][] = [];
  for (const userId of values) sent.push([userId, await outcome(call(client, { method: "DELETE", path: "/users/{userId}", params: { path: { userId } } }))]);
  const segments: [string, object][] = [
    ["/files/{name}.json", { name: "" }],
    ["/files/{name}.json", { name: "." }],
    ["/pair/{a}{b}", { a: ".", b: "." }],
    ["/pair/{a}{b}", { a: "", b: "" }],
    ["/pair/{a}{b}", { a: ".", b: "x" }],
    ["/list/{ids}", { ids: ["a/b", "c"] }],
    ["/list/{ids}", { ids: [] }],
  ];
  for (const [path, params] of segments) sent.push([`${path} ${JSON.stringify(params)}`, await outcome(call(client, { method: "GET", path, params: { path: params } }))]);
  // Query names and deepObject keys are encoded too: no key adds a parameter.
  sent.push(["query", await outcome(call(client, { method: "GET", path: "/search", params: { query: encodeQuery({ "a&b": "1", filter: { "x]=1&admin=true&y[": "v" } }) } }))]);
  return sent;
}

/** Header values HTTP cannot carry, per call, as a header parameter and from the client: refused before sending, on the first attempt. */
export async function unsendableHeaders(baseUrl: string) {
  const attempts: number[] = [];
  const client = createClient({ baseUrl: `${baseUrl}/v2`, auth: "t", retry: { baseDelayMs: 1 }, hooks: withHooks({ onError: (event) => void attempts.push(event.attempts) }) });
  const args = { path: { userId: "me" }, body: { action: "activate" } } as const;
  const results: unknown[] = [];
  for (const value of ["a\r\nX-Injected: 1", "a\nb", "a\u0000b", "日本"]) results.push(await outcome(updateUserStatus(client, args, { headers: { "X-Note": value } })));
  results.push(await outcome(updateUserStatus(client, args, { headers: [["X-Note", "a\rb"]] })));
  results.push(await outcome(updateUserStatus(client, args, { headers: { "X Note": "a" } })));
  const withParameter = runtimeClient(`${baseUrl}/v1`, { hooks: withHooks({ onError: (event) => void attempts.push(event.attempts) }) });
  results.push(await outcome(call(withParameter, { method: "GET", path: "/trace", params: { header: { "X-Trace": ["ok", "b\r\nc"] } } })));
  const fromClient = createClient({ baseUrl: `${baseUrl}/v2`, auth: "t", headers: { "X-App": "a\nb" }, hooks: withHooks({ onError: (event) => void attempts.push(event.attempts) }) });
  results.push(await outcome(updateUserStatus(fromClient, args)));
  const badToken = createClient({ baseUrl: `${baseUrl}/v2`, auth: "secret\r\nX-Evil: 1", hooks: withHooks({ onError: (event) => void attempts.push(event.attempts) }) });
  results.push(await outcome(updateUserStatus(badToken, args)));
  // Latin-1 is sendable; whitespace around a value is trimmed by fetch, as HTTP says; pairs may repeat a name.
  const pairs: [string, string][] = [["X-Note", "café"], ["X-Padded", " \r\n v \r\n"], ["X-Twice", "1"], ["x-twice", "2"]];
  results.push(await outcome(updateUserStatus(client, args, { headers: pairs })));
  return { results, attempts };
}

/** An error thrown before the request left (a body JSON cannot hold) is not taken for a network error: one attempt. */
export async function notSentNotRetried(baseUrl: string) {
  const attempts: number[] = [];
  const client = runtimeClient(`${baseUrl}/v1`, { hooks: withHooks({ onError: (event) => void attempts.push(event.attempts) }) });
  const result = await outcome(call(client, { method: "POST", path: "/big", body: { n: 1n } }));
  return { result, attempts };
}

/** Part headers: names and filenames percent-escape `"`, CR and LF (RFC 7578, as browsers do); a Content-Type that would break its line is refused. */
export async function partHeaders(baseUrl: string) {
  const client = files.createClient({ baseUrl, auth: "t", retry: { baseDelayMs: 1 } });
  const bytes = new TextEncoder().encode("x");
  const results: unknown[] = [];
  results.push(await outcome(files.uploadAvatar(client, { path: { userId: "me" }, body: { file: { data: bytes, filename: 'q"t\r\n.txt' } } })));
  results.push(await outcome(files.uploadAvatar(client, { path: { userId: "me" }, body: { file: { data: bytes, filename: "résumé 日本.txt", contentType: "text/plain" } } })));
  for (const contentType of ["text/plain\r\nX-Evil: 1", "text/plain\n", "text/plain; charset=日本"]) {
    results.push(await outcome(files.uploadAvatar(client, { path: { userId: "me" }, body: { file: { data: bytes, filename: "f.txt", contentType } } })));
  }
  // A name the spec gives, in the FormData path and in the hand-built one (a part with its own Content-Type).
  const plain = runtimeClient(baseUrl);
  const name = 'a"b\r\nc';
  results.push(await outcome(call(plain, { method: "POST", path: "/form", body: { [name]: "v" }, encode: multipart({ [name]: "text" }) })));
  results.push(await outcome(call(plain, { method: "POST", path: "/form", body: { [name]: "<v/>" }, encode: multipart({ [name]: { part: "text", contentType: "application/xml" } }) })));
  results.push(await outcome(call(plain, { method: "POST", path: "/form", body: { doc: "<v/>" }, encode: multipart({ doc: { part: "text", contentType: "application/xml\r\nX-Evil: 1" } }) })));
  return results;
}

/**
 * Where a call goes: the per-call baseUrl, then the client's, then the operation's own server
 * (a path-level or operation-level `servers`), then the spec's first server.
 */
export async function operationBaseUrl(baseUrl: string) {
  const own: OperationCall = { method: "GET", path: "/ping", baseUrl: `${baseUrl}/op` };
  const plain: OperationCall = { method: "GET", path: "/ping" };
  const byDefault = runtimeClient(`${baseUrl}/default`);
  const overridden = runtimeClient(`${baseUrl}/default`, { baseUrl: `${baseUrl}/client` });
  const perCall: CallOptions = { baseUrl: `${baseUrl}/call` };
  const statuses: number[] = [];
  for (const [client, operation, init] of [
    [byDefault, plain],
    [byDefault, own],
    [overridden, own],
    [overridden, plain],
    [byDefault, own, perCall],
    [overridden, own, perCall],
    [byDefault, { ...own, params: { query: "q=1" } }],
  ] as const) {
    statuses.push((await call(client, operation, init)).response.status);
  }
  return statuses;
}

/**
 * Form fields named like Object.prototype members (F10): sent when the body has them as its
 * own, never read from the prototype when it does not.
 */
export async function prototypeNamedFields(baseUrl: string) {
  const client = runtimeClient(baseUrl);
  const form = (body: object, encode: OperationCall["encode"]) => outcome(call(client, { method: "POST", path: "/form", body, encode }));
  return [
    // `as const`: a key named like an Object.prototype member is typed by that member otherwise.
    await form({}, urlencoded({ toString: "text", valueOf: { part: "text", style: "deepObject" } } as const)),
    await form({ toString: ["a", "b"], constructor: "c" }, urlencoded({ toString: "text" } as const)),
    await form({ note: "n" }, multipart({ valueOf: "json", toString: "file", hasOwnProperty: "text" } as const)),
    await form({ valueOf: { a: 1 }, note: "n" }, multipart({ valueOf: "json", toString: "file" } as const)),
  ];
}

/** Each part and field as its `encoding` says: JSON parts typed application/json with JSON.stringify's bytes; urlencoded styles. */
export async function formEncodings(baseUrl: string) {
  const client = runtimeClient(baseUrl);
  const form = (body: object, encode: OperationCall["encode"]) => outcome(call(client, { method: "POST", path: "/form", body, encode }));
  const results = [
    await form(
      { meta: { a: 1, s: "é\"\n" }, list: [{ id: 1 }, { id: 2 }], patch: { x: null }, note: "n", count: 5 },
      multipart({ meta: "json", list: "json", patch: { part: "json", contentType: "application/merge-patch+json" }, note: "text", count: { part: "json" } }),
    ),
  ];
  const color = { R: 100, G: 200 };
  const ids = [1, 2];
  for (const encoding of [
    "text",
    { part: "text", explode: false },
    { part: "text", style: "spaceDelimited" },
    { part: "text", style: "pipeDelimited" },
    { part: "text", style: "deepObject" },
    "json",
  ] as const) {
    results.push(await form({ color, ids, url: "a/b?c:d&e=f+g" }, urlencoded({ color: encoding, ids: encoding, url: { part: "text", allowReserved: true } })));
  }
  return results;
}

/** Attempts as the server saw them: how many requests each call made. */
const attemptsOf = (client: ApiClient, operation: OperationCall, init?: CallOptions) => outcome(call(client, operation, init));

/**
 * Retries that cannot do the work twice: one Idempotency-Key for all three attempts of a call
 * (a new one for the next call); the operation's own header; a key the caller gave.
 */
export async function idempotencyKeys(baseUrl: string) {
  const client = runtimeClient(`${baseUrl}/keys`, { idempotencyKey: true });
  // As a generated POST passes it: the key-making code comes with the operations that may send one.
  const post: OperationCall = { method: "POST", path: "/payments", body: { amount: 1 }, idempotent };
  return [
    await attemptsOf(client, post),
    await attemptsOf(client, post),
    await attemptsOf(runtimeClient(`${baseUrl}/keys`), { ...post, idempotencyKey: "X-Idempotency-Key" }),
    await attemptsOf(client, { ...post, params: { header: { "idempotency-key": "mine" } } }),
  ];
}

/**
 * POST and PATCH without a key: not retried on a 500 or a 503 without Retry-After; retried on
 * 429 and on 503 with Retry-After. PUT is. (A dropped connection is Node-only, in
 * runtime.test.ts: Chromium itself resends a request whose reused connection closed.)
 */
export async function unsafeRetries(baseUrl: string) {
  const client = runtimeClient(`${baseUrl}/unsafe`);
  return [
    await attemptsOf(client, { method: "POST", path: "/a", body: {} }),
    await attemptsOf(client, { method: "PATCH", path: "/b", body: {} }),
    await attemptsOf(client, { method: "POST", path: "/c", body: {} }),
    await attemptsOf(client, { method: "POST", path: "/d", body: {} }),
    await attemptsOf(client, { method: "PUT", path: "/f", body: {} }),
  ];
}

/** Each attempt has its own deadline beside the call's: a slow first attempt is cut and retried; a POST without a key is not. */
export async function attemptTimeout(baseUrl: string) {
  const client = runtimeClient(`${baseUrl}/slow`, { attemptTimeoutMs: 250 });
  const started = Date.now();
  const get = await attemptsOf(client, { method: "GET", path: "/get" });
  const getMs = Date.now() - started;
  const post = await attemptsOf(client, { method: "POST", path: "/post", body: {} });
  const whole = await attemptsOf(client, { method: "GET", path: "/whole" }, { timeoutMs: 400 });
  return { get, fast: getMs < 1000, post, whole };
}

/** Every result has its status; a JSON error the operation documents is its body, any other error an HttpError. */
export async function statusResults(baseUrl: string) {
  const client = runtimeClient(baseUrl, { retry: false });
  const operation: OperationCall = { method: "POST", path: "/things", body: { name: "a" }, errors: [409, "4XX"] };
  const results: unknown[] = [];
  for (let i = 0; i < 5; i++) {
    const { status, data, error } = await call(client, operation);
    results.push({ status, data: data ?? null, error: error ?? null });
  }
  let thrown: unknown;
  try {
    await call(client, operation, { throwOnError: true });
  } catch (e) {
    thrown = { name: (e as ApiError).name, status: (e as ApiError).status, body: (e as ApiError).body };
  }
  return { results, thrown };
}

/** HTTP Digest through the 401 path: challenged, answered once, then answered up front with a counted nonce; a wrong password stops at the second 401. */
export async function digestAuth(baseUrl: string) {
  const security: SecurityInfo = { schemes: { digestAuth: digest }, default: [["digestAuth"]], operations: {} };
  const client = createApiClient(`${baseUrl}/digest`, security, { auth: { digestAuth: { username: "Mufasa", password: "Circle of Life" } }, retry: false });
  const statuses = [];
  for (const query of ["a=1", "b=2"]) statuses.push((await call(client, { method: "GET", path: "/dir/index.html", params: { query } })).response.status);
  const wrong = createApiClient(`${baseUrl}/digest`, security, { auth: { digestAuth: { username: "Mufasa", password: "wrong" } }, retry: false });
  statuses.push((await call(wrong, { method: "GET", path: "/dir/index.html" })).response.status);
  return statuses;
}

/** A logger sees every attempt with the token, API keys and secret-named headers masked; errors carry the server's request id. */
export async function logging(baseUrl: string) {
  const lines: [string, string, LogDetails][] = [];
  const logger = Object.fromEntries((["debug", "info", "warn", "error"] as const).map((level) => [level, (message: string, details: LogDetails) => void lines.push([level, message, details])])) as unknown as Logger;
  const security: SecurityInfo = { schemes: { token: bearer, key: apiKey("query", "access") }, default: [["token", "key"]], operations: {} };
  const options: ClientOptions<object> = { auth: { token: "s3cret-token", key: "query-secret" }, headers: { "X-Api-Key": "header-secret", "X-Session": "sess-secret", Accept: "application/json" }, retry: { baseDelayMs: 1 }, logger: logTo(logger) };
  const client = createApiClient(`${baseUrl}/log`, security, options);
  const first = await call(client, { method: "GET", path: "/ping", params: { query: "page=2" } });
  let requestId: string | undefined;
  try {
    await call(client, { method: "GET", path: "/ping" }, { throwOnError: true, retry: false });
  } catch (e) {
    requestId = (e as ApiError).requestId;
  }
  const quiet = createApiClient(`${baseUrl}/log`, security, { ...options, logger: logTo(logger, "warn") });
  await call(quiet, { method: "GET", path: "/ping" });
  // Durations vary: rounded away.
  return { status: first.status, error: first.error ?? null, requestId, lines: lines.map(([level, message, details]) => [level, message.replace(/in \d+ ms/, "in N ms"), { ...details, durationMs: typeof details.durationMs }]) };
}

/**
 * Each pagination shape across three pages (a cursor at depth, Asana's next_page.offset,
 * offset + limit, page numbers, Link rel=next), as pages and items; and a server that repeats
 * its token, which ends the iteration instead of looping.
 */
export async function paginationShapes(baseUrl: string) {
  const client = runtimeClient(baseUrl, { retry: false });
  const collect = async (path: string, next: NextPage, first: Record<string, unknown>, itemsPath: string[]) => {
    const fetchPage = (query: Record<string, unknown>) => call(client, { method: "GET", path, params: { query: encodeQuery(query) } });
    const seen: unknown[] = [];
    for await (const item of items(pages(fetchPage, next, first, itemsPath), (p) => (itemsPath.length ? (p as Record<string, unknown[]>)[itemsPath[0]!] : (p as unknown[])))) seen.push(item);
    return seen;
  };
  return {
    slack: await collect("/slack", cursor("cursor", ["response_metadata", "next_cursor"]), { limit: 2 }, ["members"]),
    asana: await collect("/asana", cursor("offset", ["next_page", "offset"]), {}, ["data"]),
    offset: await collect("/offset", offset("offset"), { limit: 2 }, ["items"]),
    page: await collect("/page", page("page"), { per_page: 2 }, []),
    link: await collect("/link", link, {}, []),
    loop: await collect("/loop", cursor("cursor", ["next"]), {}, ["items"]),
  };
}

/**
 * JSON bodies whose media type is not plain application/json: their JSON text, sent with the
 * spec's Content-Type, parameters and all (Azure's odata=minimalmetadata), on every attempt; a
 * string body is JSON text too. A Content-Type the caller gives wins, as over plain JSON. A
 * UTF-8 form is sent with its charset.
 */
export async function jsonMediaTypes(baseUrl: string) {
  const client = runtimeClient(`${baseUrl}/v1`);
  const certificate = { thumbprint: "0123", data: "café ☕" };
  const odata = json("application/json; odata=minimalmetadata");
  const statuses: number[] = [];
  const send = async (result: Promise<{ response: Response }>) => void statuses.push((await result).response.status);
  await send(call(client, { method: "PUT", path: "/certificates", body: certificate, encode: odata }));
  await send(call(client, { method: "PATCH", path: "/pools/p1", body: { target: null }, encode: json("application/merge-patch+json") }));
  await send(call(client, { method: "PUT", path: "/notes", body: "a \"quoted\" note", encode: json("application/json; charset=utf-8") }));
  await send(call(client, { method: "PUT", path: "/mine", body: [1], encode: odata }, { headers: { "content-type": "application/json; odata=nometadata" } }));
  await send(call(client, { method: "PUT", path: "/plain", body: certificate }));
  await send(call(client, { method: "POST", path: "/form", body: { q: "é" }, encode: urlencoded({ q: "text" }, "application/x-www-form-urlencoded; charset=UTF-8") }));
  return statuses;
}
