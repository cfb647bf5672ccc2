/**
 * The transport (codegen/runtime/transport.ts) does for one request what openapi-fetch's
 * createClient did, without bundling it: the same `{ data, error, response }` for every kind of
 * response (checked against openapi-fetch itself), the same Request, and middleware of the same
 * semantics. `fetchClient` gives users openapi-fetch's own client, configured the same.
 */
import { readdirSync, readFileSync } from "node:fs";
import createFetchClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createTransport, fetchClient, send, type Middleware } from "../../codegen/runtime/transport.js";

/** A fetch that records each request (method, URL, headers, body) and answers `respond()`. */
function recording(respond: () => Response = () => new Response(null, { status: 204 })) {
  const seen: { method: string; url: string; headers: Record<string, string>; body: string }[] = [];
  const fetch = async (request: Request) => {
    seen.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    return respond();
  };
  return { seen, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

describe("send: responses read as openapi-fetch reads them", () => {
  // Each response, and what it gives; openapi-fetch's createClient is asked the same.
  const cases: [string, () => Response, string, object][] = [
    ["a JSON body", () => json({ id: 1 }), "GET", { data: { id: 1 } }],
    ["a 204", () => new Response(null, { status: 204 }), "DELETE", { data: undefined }],
    ["an empty 200 without Content-Length", () => new Response("", { status: 200 }), "GET", { data: undefined }],
    ["a 200 with Content-Length 0", () => new Response("", { status: 200, headers: { "Content-Length": "0" } }), "GET", { data: undefined }],
    // A HEAD's body is not read, even when a middleware or a test gives one.
    ["a HEAD", () => new Response("not read", { status: 200 }), "HEAD", { data: undefined }],
    ["a JSON error", () => json({ message: "no" }, 404), "GET", { error: { message: "no" } }],
    ["a text error", () => new Response("Bad Gateway", { status: 502 }), "GET", { error: "Bad Gateway" }],
    ["an empty error with Content-Length 0", () => new Response("", { status: 500, headers: { "Content-Length": "0" } }), "GET", { error: undefined }],
    ["an empty error body", () => new Response("", { status: 503 }), "GET", { error: "" }],
  ];
  it.each(cases)("%s", async (_, respond, method, want) => {
    const { fetch } = recording(respond);
    const ours = await send(createTransport({ baseUrl: "https://api.example.com", fetch }), method, "/x", {});
    const theirs = await (createFetchClient<any>({ baseUrl: "https://api.example.com", fetch }) as any)[method]("/x", {});
    const strip = ({ response, ...rest }: { response: Response }) => ({ ...rest, status: response.status });
    expect(strip(ours)).toEqual({ ...want, status: respond().status });
    expect(strip(ours)).toEqual(strip(theirs));
  });

  it("reads a 2xx body as text or a Blob when the operation says so", async () => {
    const { fetch } = recording(() => new Response("a,b\n1,2", { headers: { "Content-Type": "text/csv" } }));
    const client = createTransport({ baseUrl: "https://api.example.com", fetch });
    expect((await send(client, "GET", "/csv", { parseAs: "text" })).data).toBe("a,b\n1,2");
    const blob = (await send(client, "GET", "/csv", { parseAs: "blob" })).data as Blob;
    expect([blob instanceof Blob, await blob.text()]).toEqual([true, "a,b\n1,2"]);
  });
});

describe("send: the request", () => {
  it("builds the URL, headers and body openapi-fetch builds", async () => {
    const ours = recording();
    const theirs = recording();
    const headers = { "X-Client": "c", "X-Gone": "client" };
    const options = { params: { path: { id: "a/b" }, header: { "X-Param": "p", "X-Gone": null } }, headers: { "X-Call": ["1", "2"] }, body: { n: 1 } };
    await send(createTransport({ baseUrl: "https://api.example.com/v1/", fetch: ours.fetch, headers }), "POST", "/items/{id}", { ...options, params: { ...options.params, query: "q=1" } });
    await createFetchClient<any>({ baseUrl: "https://api.example.com/v1/", fetch: theirs.fetch, headers }).POST("/items/{id}" as never, { ...options, params: { ...options.params, query: { q: 1 } } } as never);
    expect(ours.seen).toEqual([
      { method: "POST", url: "https://api.example.com/v1/items/a%2Fb?q=1", headers: { "content-type": "application/json", "x-call": "1, 2", "x-client": "c", "x-param": "p" }, body: '{"n":1}' },
    ]);
    expect(ours.seen).toEqual(theirs.seen);
  });

  it("sends an encoded body as it is, and FormData with fetch's own Content-Type", async () => {
    const { seen, fetch } = recording();
    const client = createTransport({ baseUrl: "https://api.example.com", fetch });
    await send(client, "POST", "/form", { body: "a=1", encoded: true, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const form = new FormData();
    form.set("a", "1");
    await send(client, "POST", "/multi", { body: form });
    expect(seen[0]).toMatchObject({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(seen[1]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("takes the client's headers as [name, value] pairs too", async () => {
    const { seen, fetch } = recording();
    await send(createTransport({ baseUrl: "https://api.example.com", fetch, headers: [["X-A", "1"], ["X-A", "2"], ["X-B", "3"]] }), "GET", "/x", {});
    expect(seen.map((r) => r.headers)).toEqual([{ "x-a": "1, 2", "x-b": "3" }]);
  });

  it("a per-request base URL wins over the client's, unless empty", async () => {
    const { seen, fetch } = recording();
    await send(createTransport({ baseUrl: "https://api.example.com", fetch }), "GET", "/x", { baseUrl: "https://other.example.com/v2/" });
    // An empty one is none, as openapi-fetch ignores it.
    await send(createTransport({ baseUrl: "https://api.example.com", fetch }), "GET", "/x", { baseUrl: "" });
    await createFetchClient<any>({ baseUrl: "https://api.example.com", fetch }).GET("/x" as never, { baseUrl: "" } as never);
    expect(seen.map((r) => r.url)).toEqual(["https://other.example.com/v2/x", "https://api.example.com/x", "https://api.example.com/x"]);
  });
});

describe("middleware: openapi-fetch's semantics", () => {
  it("runs onRequest in order and onResponse in reverse, with one id per request and its attempt", async () => {
    const { fetch } = recording(() => json({ ok: true }));
    const client = createTransport({ baseUrl: "https://api.example.com", fetch });
    const log: string[] = [];
    const named = (name: string): Middleware => ({
      onRequest: ({ request, schemaPath, id, attempt }) => void log.push(`${name} request ${request.method} ${schemaPath} ${id.length > 0} ${attempt}`),
      onResponse: ({ response }) => void log.push(`${name} response ${response.status}`),
    });
    const a = named("a");
    client.use(a, named("b"));
    await send(client, "GET", "/x/{id}", { params: { path: { id: 1 } }, attempt: 2 });
    client.eject(a);
    await send(client, "GET", "/y", {});
    expect(log).toEqual(["a request GET /x/{id} true 2", "b request GET /x/{id} true 2", "b response 200", "a response 200", "b request GET /y true undefined", "b response 200"]);
  });

  it("a Request from onRequest is sent; a Response from it is the answer, with no fetch and no onResponse", async () => {
    const { seen, fetch } = recording(() => json({ from: "server" }));
    const client = createTransport({ baseUrl: "https://api.example.com", fetch });
    let responses = 0;
    client.use(
      { onRequest: ({ request }) => (request.url.endsWith("/cached") ? json({ from: "cache" }) : new Request(request, { headers: { "X-Signed": "yes" } })) },
      { onResponse: () => void responses++ },
    );
    expect((await send(client, "GET", "/cached", {})).data).toEqual({ from: "cache" });
    expect((await send(client, "GET", "/live", {})).data).toEqual({ from: "server" });
    expect([seen.map((r) => [r.url, r.headers["x-signed"]]), responses]).toEqual([[["https://api.example.com/live", "yes"]], 1]);
  });

  it("a request a middleware makes a HEAD is read as a HEAD (no data), as openapi-fetch reads it", async () => {
    const outcomes: unknown[] = [];
    for (const client of [createTransport({ baseUrl: "https://api.example.com", fetch: recording(() => json({ a: 1 })).fetch }), createFetchClient<any>({ baseUrl: "https://api.example.com", fetch: recording(() => json({ a: 1 })).fetch })]) {
      client.use({ onRequest: ({ request }) => new Request(request, { method: "HEAD" }) });
      const { data, error, response } = "GET" in client ? await (client as any).GET("/x") : await send(client, "GET", "/x", {});
      outcomes.push({ data, error, status: response.status });
    }
    expect(outcomes).toEqual([{ data: undefined, error: undefined, status: 200 }, { data: undefined, error: undefined, status: 200 }]);
  });

  it("onResponse may replace the response", async () => {
    const { fetch } = recording(() => json({ n: 1 }));
    const client = createTransport({ baseUrl: "https://api.example.com", fetch });
    client.use({ onResponse: ({ response }) => (response.status === 200 ? json({ n: 2 }, 201) : undefined) });
    const { data, response } = await send(client, "GET", "/x", {});
    expect([data, response.status]).toEqual([{ n: 2 }, 201]);
  });

  it("onError runs in reverse; a Response recovers, an Error replaces the error; fetch's own TypeError stays a network error", async () => {
    const failing = async () => {
      throw new TypeError("fetch failed");
    };
    const client = createTransport({ baseUrl: "https://api.example.com", fetch: failing });
    const order: string[] = [];
    client.use({ onError: ({ error }) => void order.push(`outer ${(error as Error).message}`) }, { onError: () => (order.push("inner"), new Error("replaced")) });
    await expect(send(client, "GET", "/x", {})).rejects.toThrow(new Error("replaced"));
    expect(order).toEqual(["inner", "outer replaced"]);
    const recovering = createTransport({ baseUrl: "https://api.example.com", fetch: failing });
    recovering.use({ onError: () => json({ offline: true }) });
    expect((await send(recovering, "GET", "/x", {})).data).toEqual({ offline: true });
  });
  it("a middleware that ejects itself or another mid-request: the request still runs the list it started with, as openapi-fetch's", async () => {
    for (const which of ["ours", "theirs"]) {
      const { seen, fetch } = recording(() => json({}));
      const client: any = which === "ours" ? createTransport({ baseUrl: "https://api.example.com", fetch }) : createFetchClient<any>({ baseUrl: "https://api.example.com", fetch });
      const go = () => (which === "ours" ? send(client, "GET", "/x", {}) : client.GET("/x"));
      const once: Middleware = { onRequest: () => void client.eject(once) };
      const after: Middleware = { onRequest: ({ request }) => void request.headers.set("X-After", "1") };
      client.use(once, after);
      await go();
      await go();
      client.eject(after);
      const calls: string[] = [];
      const a: Middleware = { onResponse: () => void calls.push("a") };
      const b: Middleware = { onResponse: () => void calls.push("b") };
      const z: Middleware = { onResponse: () => void (calls.push("z"), client.eject(z, a)) };
      client.use(a, b, z);
      await go();
      await go();
      expect([which, seen.map((r) => r.headers["x-after"]), calls]).toEqual([which, ["1", "1", undefined, undefined], ["z", "b", "a", "b"]]);
    }
  });
});

describe("fetchClient", () => {
  it("is openapi-fetch's client with the same base URL, fetch, headers and middleware", async () => {
    const { seen, fetch } = recording(() => json({ id: 7 }));
    const client = createTransport({ baseUrl: "https://api.example.com/v1", fetch, headers: [["X-Client", "c"]] });
    client.use({ onRequest: ({ request }) => (request.headers.set("Authorization", "Bearer t"), request) });
    const { data } = await fetchClient<any>(client).GET("/users/{id}" as never, { params: { path: { id: "a/b" } } } as never);
    expect(data).toEqual({ id: 7 });
    expect(seen).toEqual([{ method: "GET", url: "https://api.example.com/v1/users/a%2Fb", headers: { authorization: "Bearer t", "x-client": "c" }, body: "" }]);
  });
  it("leaves out middleware openapi-fetch's use would refuse (no callback at all), which the client's own use takes and ignores", async () => {
    const { seen, fetch } = recording(() => json({}));
    const client = createTransport({ baseUrl: "https://api.example.com", fetch });
    client.use({} as Middleware, { onRequest: ({ request }) => void request.headers.set("X-MW", "yes") });
    expect(() => createFetchClient().use({} as never)).toThrow("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
    await fetchClient<any>(client).GET("/x" as never, {} as never);
    await send(client, "GET", "/x", {});
    expect(seen.map((r) => r.headers["x-mw"])).toEqual(["yes", "yes"]);
  });
});

describe("the runtime's one door to openapi-fetch", () => {
  it("is transport.ts: no other runtime module imports it, so replacing it changes one file", () => {
    const dir = "codegen/runtime";
    const importers = readdirSync(dir).filter((f) => /\bfrom\s+"openapi-fetch"/.test(readFileSync(`${dir}/${f}`, "utf8")));
    expect(importers).toEqual(["transport.ts"]);
  });
});
