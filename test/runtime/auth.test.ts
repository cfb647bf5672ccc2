/** Credentials per security scheme, as requests carry them. */
import { describe, expect, it } from "vitest";
import { apiKey, authorize, basic, bearer, type SecurityInfo } from "../../codegen/runtime/auth.js";
import { clientCredentialsToken } from "../../codegen/runtime/oauth.js";

const security: SecurityInfo = {
  schemes: {
    oauth2: bearer,
    basicAuth: basic,
    headerKey: apiKey("header", "X-API-KEY"),
    queryKey: apiKey("query", "api_key"),
    cookieKey: apiKey("cookie", "session"),
  },
  default: [["oauth2"]],
  operations: {
    "GET /basic": [["basicAuth"]],
    "GET /either": [["headerKey"], ["oauth2"]],
    "GET /query": [["queryKey"]],
    "POST /query": [["queryKey"]],
    "GET /cookie": [["cookieKey", "headerKey"]],
    "GET /public": [],
  },
};

const send = async (path: string, auth: Parameters<typeof authorize>[3]) => {
  const request = await authorize(new Request(`https://api.example.com${path}?a=1`), path, security, auth);
  return { url: request.url, authorization: request.headers.get("Authorization"), key: request.headers.get("X-API-KEY"), cookie: request.headers.get("Cookie") };
};

describe("authorize", () => {
  it("a lone token is a bearer token for bearer and OAuth 2 schemes; a function is called per request", async () => {
    let n = 0;
    expect(await send("/default", () => `t${++n}`)).toMatchObject({ authorization: "Bearer t1" });
    expect(await send("/default", async () => `t${++n}`)).toMatchObject({ authorization: "Bearer t2" });
  });

  it("basic credentials are base64 of user:password (UTF-8)", async () => {
    expect(await send("/basic", { basicAuth: { username: "ädä", password: "p:w" } })).toMatchObject({ authorization: `Basic ${Buffer.from("ädä:p:w").toString("base64")}` });
  });

  it("API keys go in a header, the query or a cookie under their real names", async () => {
    expect(await send("/either", { headerKey: "k1" })).toMatchObject({ key: "k1", authorization: null });
    expect(await send("/query", { queryKey: "k 2" })).toMatchObject({ url: "https://api.example.com/query?a=1&api_key=k%202" });
    // The rest of the query is sent as it was written.
    const request = await authorize(new Request("https://api.example.com/query?ids=1,2&q=hello%20world&tags[]=x"), "/query", security, { queryKey: "k" });
    expect(request.url).toBe("https://api.example.com/query?ids=1,2&q=hello%20world&tags[]=x&api_key=k");
    expect(await send("/cookie", { cookieKey: "s1", headerKey: "k3" })).toMatchObject({ cookie: "session=s1", key: "k3" });
  });

  it("an API key in the query keeps every option of the request: mode, redirect, credentials, cache, keepalive, its body", async () => {
    const options = { method: "POST", body: "a=1", mode: "same-origin", redirect: "manual", credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer" } as const;
    const originals = [true, false].flatMap((keepalive) => [
      new Request("https://api.example.com/query", { ...options, keepalive }),
      new Request("https://api.example.com/query", { ...options, keepalive, method: "GET", body: undefined }),
    ]);
    for (const original of originals) {
      const request = await authorize(original, "/query", security, { queryKey: "k" });
      expect([request.url, request.method, request.mode, request.redirect, request.credentials, request.cache, request.keepalive, request.referrerPolicy]).toEqual([
        "https://api.example.com/query?api_key=k",
        original.method,
        "same-origin",
        "manual",
        "omit",
        "no-store",
        original.keepalive,
        "no-referrer",
      ]);
      expect(await request.text()).toBe(original.method === "POST" ? "a=1" : "");
    }
  });

  it("the first alternative with every credential present wins; none fits, nothing is sent", async () => {
    expect(await send("/either", { oauth2: "tok" })).toMatchObject({ authorization: "Bearer tok", key: null });
    expect(await send("/cookie", { cookieKey: "s1" })).toMatchObject({ cookie: null, key: null });
    expect(await send("/public", "tok")).toMatchObject({ authorization: null });
  });
});

describe("client credentials", () => {
  const tokenServer = () => {
    const calls: { auth: string | null; body: string }[] = [];
    const fetch = async (request: Request) => {
      calls.push({ auth: request.headers.get("Authorization"), body: await request.text() });
      return Response.json({ access_token: `token-${calls.length}`, expires_in: 3600 });
    };
    return { calls, fetch };
  };

  it("fetches once for concurrent callers, caches, and refreshes a minute before expiry", async () => {
    const { calls, fetch } = tokenServer();
    let now = 0;
    const token = clientCredentialsToken({ tokenUrl: "https://zoom.us/oauth/token", clientId: "id", clientSecret: "s", grantType: "account_credentials", params: { account_id: "a" }, fetch, now: () => now });
    expect(await Promise.all([token(), token(), token()])).toEqual(["token-1", "token-1", "token-1"]);
    now = 3_539_000;
    expect(await token()).toBe("token-1");
    now = 3_541_000;
    expect(await token()).toBe("token-2");
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({ auth: `Basic ${Buffer.from("id:s").toString("base64")}`, body: "grant_type=account_credentials&account_id=a" });
  });

  it("invalidate() makes the next call fetch a new token", async () => {
    const { calls, fetch } = tokenServer();
    const token = clientCredentialsToken({ tokenUrl: "https://auth.example.com/token", clientId: "id", clientSecret: "s", scope: "read", fetch });
    await token();
    token.invalidate();
    expect(await token()).toBe("token-2");
    expect(calls[1]!.body).toBe("grant_type=client_credentials&scope=read");
  });

  it("a refused token request says where and why", async () => {
    const token = clientCredentialsToken({ tokenUrl: "https://auth.example.com/token", clientId: "id", clientSecret: "bad", fetch: async () => new Response("invalid_client", { status: 401, statusText: "Unauthorized" }) });
    await expect(token()).rejects.toThrow("token request to https://auth.example.com/token failed: 401 Unauthorized invalid_client");
  });
});
