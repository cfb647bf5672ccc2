/**
 * Requests go where they say: path values cannot change the path, requests fetch refuses to
 * build are never retried and say which header, part headers hold no caller text unescaped,
 * and an operation's own server is used unless the caller chose one. (On the wire, in Node
 * and Chromium: test/wire/scenarios.ts.)
 */
import { createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { apiKey, bearer, type SecurityInfo } from "../../codegen/runtime/auth.js";
import { encodeMultipart } from "../../codegen/runtime/body.js";
import { call, type OperationCall } from "../../codegen/runtime/call.js";
import { createApiClient, type ClientOptions } from "../../codegen/runtime/client.js";
import { withHooks } from "../../codegen/runtime/hooks.js";
import { encodeQuery } from "../../codegen/runtime/query.js";
import { clientCredentialsToken } from "../../codegen/runtime/oauth.js";
import { serializePath } from "../../codegen/runtime/transport.js";

const NO_SECURITY: SecurityInfo = { schemes: {}, default: [], operations: {} };

describe("serializePath", () => {
  const base = "https://api.example.com/v1";
  it.each([
    ["/users/{id}", { id: "a/b?c#d%e" }, "/users/a%2Fb%3Fc%23d%25e"],
    ["/users/{id}", { id: "..." }, "/users/..."],
    ["/users/{id}", { id: "%2e%2E" }, "/users/%252e%252E"],
    ["/users/{id}", { id: "Ünï 日本" }, "/users/%C3%9Cn%C3%AF%20%E6%97%A5%E6%9C%AC"],
    ["/users/{id}", { id: 42 }, "/users/42"],
    ["/users/{id}/x", {}, "/users/{id}/x"],
    ["/files/{name}.json", { name: "" }, "/files/.json"],
    ["/files/{name}.json", { name: "." }, "/files/..json"],
    ["/list/{ids}", { ids: ["a,b", "c/d"] }, "/list/a%2Cb,c%2Fd"],
    ["/obj/{filter}", { filter: { "k/1": "v?", n: 2 } }, "/obj/k%2F1,v%3F,n,2"],
    ["/{a}/{b}", { a: "x", b: "{a}" }, "/x/%7Ba%7D"],
    // Names are the spec's, not openapi-fetch's: `__proto__` is a key like any other, and a leading `.`/`;` or trailing `*` is no style.
    ["/users/{__proto__}", JSON.parse('{"__proto__":"plain"}'), "/users/plain"],
    ["/users/{constructor}/{toString}", { constructor: "c", toString: "t" }, "/users/c/t"],
    ["/users/{.id}/{;k}/{v*}", { ".id": "a", ";k": "b", "v*": "c" }, "/users/a/b/c"],
  ] as const)("%s with %j is %s", (path, params, want) => {
    expect(serializePath(`${base}${path}`, params)).toBe(`${base}${want}`);
  });

  it.each([
    ["/users/{id}", { id: ".." }, "{id}", ".."],
    ["/users/{id}", { id: "." }, "{id}", "."],
    ["/users/{id}/status", { id: "" }, "{id}", ""],
    ["/pair/{a}{b}", { a: ".", b: "." }, "{a}{b}", ".."],
    ["/pair/%2e{a}", { a: "." }, "%2e{a}", "%2e."],
    ["/list/{ids}", { ids: [] }, "{ids}", ""],
  ] as const)("%s with %j is refused", (path, params, segment, value) => {
    expect(() => serializePath(`${base}${path}`, params)).toThrow(
      new TypeError(`path segment ${segment} would be ${JSON.stringify(value)}: an empty, "." or ".." segment sends the request to another path`),
    );
  });

  it("writes what openapi-fetch's default serializer writes for plain names (simple style)", () => {
    const params = { id: "a/b c", n: 7, list: ["x,y", "z"], flag: true, gone: null };
    const path = "/u/{id}/{n}/{list}/{flag}/{gone}/{missing}";
    expect(serializePath(path, params)).toBe("/u/a%2Fb%20c/7/x%2Cy,z/true/{gone}/{missing}");
    expect(serializePath(path, params)).toBe(defaultPathSerializer(path, params));
  });
});

/** What an operation with query parameters sends: its names encoded, then openapi-fetch's serializer (encodeQuery). */
const serializeQuery = (query: Record<string, unknown>) => encodeQuery(query)!;

describe("encodeQuery", () => {
  it("encodes names and deepObject keys as well as values, so no key adds a parameter", () => {
    const query = JSON.parse('{"a&b":"1","filter":{"x]=1&admin=true&y[":"v#","__proto__":"p"},"list":["p&q",2],"plain":"a b","none":null}');
    expect(serializeQuery(query)).toBe("a%26b=1&filter[x%5D%3D1%26admin%3Dtrue%26y%5B]=v%23&filter[__proto__]=p&list=p%26q&list=2&plain=a%20b");
  });

  it("leaves ordinary names as openapi-fetch writes them", () => {
    const query = { page_size: 2, next_page_token: "p2", "filter.name": "x", ids: ["1", "2"], range: { from: 1 } };
    expect(serializeQuery(query)).toBe("page_size=2&next_page_token=p2&filter.name=x&ids=1&ids=2&range[from]=1");
    expect(serializeQuery(query)).toBe(createQuerySerializer()(query));
  });

  it("is nothing without a query", () => {
    expect(encodeQuery(undefined)).toBeUndefined();
  });
});

/** A client on a stubbed fetch that records each request and answers 204, or fails as told. */
function stubbed(options: ClientOptions<object> & { fail?: unknown } = {}) {
  const requests: string[] = [];
  const attempts: number[] = [];
  const { fail, ...rest } = options;
  const client = createApiClient("https://default.example/v1", NO_SECURITY, {
    retry: { baseDelayMs: 1 },
    hooks: withHooks({ onError: (event) => void attempts.push(event.attempts) }),
    fetch: async (request) => {
      requests.push(`${request.method} ${request.url}`);
      if (fail !== undefined) throw fail;
      return new Response(null, { status: 204 });
    },
    ...rest,
  });
  return { client, requests, attempts };
}

describe("what is retried", () => {
  it("a TypeError from fetch (the network) is retried; any other error from fetch is not", async () => {
    const network = stubbed({ fail: new TypeError("fetch failed") });
    await expect(call(network.client, { method: "GET", path: "/x" })).rejects.toThrow("fetch failed");
    expect(network.requests).toEqual(["GET https://default.example/v1/x", "GET https://default.example/v1/x", "GET https://default.example/v1/x"]);
    expect(network.attempts).toEqual([3]);
    const other = stubbed({ fail: new Error("proxy refused") });
    await expect(call(other.client, { method: "GET", path: "/x" })).rejects.toThrow("proxy refused");
    expect(other.requests).toHaveLength(1);
  });

  it("a query key reaches the wire encoded (as an operation with query parameters passes it, through encodeQuery)", async () => {
    const { client, requests } = stubbed();
    await call(client, { method: "GET", path: "/search", params: { query: encodeQuery({ filter: { "a&admin=true": "1" } }) } });
    expect(requests).toEqual(["GET https://default.example/v1/search?filter[a%26admin%3Dtrue]=1"]);
  });

  it("a network error at the token endpoint is the call's too: retried", async () => {
    const sent: string[] = [];
    const fetch = async (request: Request) => {
      sent.push(request.url);
      if (sent.length === 1) throw new TypeError("fetch failed");
      return request.url.endsWith("/token") ? Response.json({ access_token: "a", expires_in: 3600 }) : new Response(null, { status: 204 });
    };
    const auth = clientCredentialsToken({ tokenUrl: "https://auth.example/token", clientId: "id", clientSecret: "s", fetch });
    const client = createApiClient("https://default.example/v1", { schemes: { oauth2: bearer }, default: [["oauth2"]], operations: {} }, { auth, fetch, retry: { baseDelayMs: 1 } });
    const { response } = await call(client, { method: "GET", path: "/x" });
    expect([response.status, ...sent]).toEqual([204, "https://auth.example/token", "https://auth.example/token", "https://default.example/v1/x"]);
  });

  it("a TypeError thrown before fetch (a refused header, a body JSON cannot hold) is not", async () => {
    const { client, requests, attempts } = stubbed();
    await expect(call(client, { method: "POST", path: "/x", params: { header: { "X-A": "1\r\n2" } } })).rejects.toThrow(
      new TypeError(`POST /x: the header "X-A" cannot be sent (a name is an HTTP token; a value has no CR, LF, NUL or character beyond U+00FF)`),
    );
    await expect(call(client, { method: "POST", path: "/x", body: { n: 1n } })).rejects.toThrow(TypeError);
    await expect(call(client, { method: "DELETE", path: "/users/{id}", params: { path: { id: ".." } } })).rejects.toThrow(TypeError);
    expect(requests).toEqual([]);
    expect(attempts).toEqual([1, 1, 1]);
  });

  it("a credential HTTP cannot carry is refused by name, its value in neither the message nor a cause", async () => {
    const security: SecurityInfo = { schemes: { oauth2: bearer, key: apiKey("header", "X-Key") }, default: [["oauth2"]], operations: { "GET /keyed": [["key"]] } };
    const attempts: number[] = [];
    let sent = 0;
    const fetch = async () => (sent++, new Response(null, { status: 204 }));
    const hooks = withHooks({ onError: (event) => void attempts.push(event.attempts) });
    const errors = [
      await call(createApiClient("https://x.example", security, { auth: "secret\r\nX-Evil: 1", fetch, hooks }), { method: "GET", path: "/x" }).catch((e: Error) => e),
      await call(createApiClient("https://x.example", security, { auth: { key: async () => "日本" }, fetch, hooks }), { method: "GET", path: "/keyed" }).catch((e: Error) => e),
    ];
    expect(errors.map((e) => [e.name, e.message, e.cause])).toEqual([
      ["TypeError", 'the credential for the header "Authorization" cannot be sent (a name is an HTTP token; a value has no CR, LF, NUL or character beyond U+00FF)', undefined],
      ["TypeError", 'the credential for the header "X-Key" cannot be sent (a name is an HTTP token; a value has no CR, LF, NUL or character beyond U+00FF)', undefined],
    ]);
    expect([sent, ...attempts]).toEqual([0, 1, 1]);
  });

  it("the refusal names the header, and neither its message nor a cause holds the value", async () => {
    const { client } = stubbed({ headers: { "X-App": "ok" } });
    const error = await call(client, { method: "GET", path: "/x" }, { headers: { "X-B": "ok", Authorization: "Bearer secret\n" + "x" } }).catch((e: unknown) => e);
    expect([(error as Error).message, (error as Error).cause]).toEqual([
      `GET /x: the header "Authorization" cannot be sent (a name is an HTTP token; a value has no CR, LF, NUL or character beyond U+00FF)`,
      undefined,
    ]);
  });
});

describe("an operation's own server", () => {
  const own: OperationCall = { method: "GET", path: "/ping", baseUrl: "https://own.example/v2/" };
  it("is used unless the call or the client names a base URL", async () => {
    const plain = stubbed();
    await call(plain.client, own);
    await call(plain.client, { method: "GET", path: "/ping" });
    await call(plain.client, own, { baseUrl: "https://call.example" });
    const chosen = stubbed({ baseUrl: "https://client.example/v3" });
    await call(chosen.client, own);
    await call(chosen.client, own, { baseUrl: "https://call.example" });
    expect([...plain.requests, ...chosen.requests]).toEqual([
      "GET https://own.example/v2/ping",
      "GET https://default.example/v1/ping",
      "GET https://call.example/ping",
      "GET https://client.example/v3/ping",
      "GET https://call.example/ping",
    ]);
  });
});

describe("a call's headers", () => {
  it("as [name, value] pairs replace the client's value, as a record or a Headers does; a name given twice (in any case) is joined", async () => {
    const sent: string[] = [];
    const client = createApiClient("https://api.example.com", NO_SECURITY, {
      headers: { "X-A": "client", "Content-Type": "application/json" },
      fetch: async (request) => (sent.push(`${request.headers.get("x-a")} | ${request.headers.get("content-type")}`), new Response(null, { status: 204 })),
    });
    const op: OperationCall = { method: "PUT", path: "/p", body: { a: 1 } };
    await call(client, op, { headers: [["X-A", "call"], ["Content-Type", "application/json"]] });
    await call(client, op, { headers: [["x-a", "1"], ["X-A", "2"]] });
    await call(client, op, { headers: { "X-A": "call" } });
    await call(client, op, { headers: new Headers({ "X-A": "call" }) });
    expect(sent).toEqual(["call | application/json", "1, 2 | application/json", "call | application/json", "call | application/json"]);
  });
});

describe("part headers", () => {
  /** The Content-Disposition line of each part of a multipart body. */
  const dispositions = (text: string) => text.split("\r\n").filter((line) => line.startsWith("Content-Disposition"));

  it("names and filenames are escaped byte for byte as FormData escapes them, in both encoders", async () => {
    const name = 'a"b\nc\rd\r\ne';
    const filename = 'f"g\nh\ri\r\nj.txt';
    const handBuilt = await encodeMultipart(
      { [name]: "<v/>", file: { data: new Uint8Array([1]), filename } },
      { [name]: { part: "text", contentType: "application/xml" }, file: "file" },
    );
    const form = new FormData();
    form.append(name, "<v/>");
    form.append("file", new Blob([new Uint8Array([1])]), filename);
    const theirs = dispositions(await new Response(form).text());
    expect(dispositions(await new Response(handBuilt.body).text())).toEqual(theirs);
    expect(theirs).toEqual([
      'Content-Disposition: form-data; name="a%22b%0D%0Ac%0D%0Ad%0D%0Ae"',
      'Content-Disposition: form-data; name="file"; filename="f%22g%0Ah%0Di%0D%0Aj.txt"',
    ]);
  });

  it("a Content-Type that is not printable ASCII is refused, from the caller or the spec", async () => {
    await expect(encodeMultipart({ f: { data: new Uint8Array([1]), filename: "f", contentType: "text/plain\r\nX-Evil: 1" } }, { f: "file" })).rejects.toThrow(
      new TypeError(`multipart field "f": the Content-Type "text/plain\\r\\nX-Evil: 1" cannot be sent (printable ASCII only)`),
    );
    await expect(encodeMultipart({ d: "x" }, { d: { part: "text", contentType: "application/xml\n" } })).rejects.toThrow(TypeError);
    await expect(encodeMultipart({ d: "x" }, { d: { part: "text", contentType: "application/vnd.ü" } })).rejects.toThrow(TypeError);
  });
});
