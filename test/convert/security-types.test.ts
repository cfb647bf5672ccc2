import { describe, expect, it } from "vitest";
import { collection, convertJson, item } from "../helpers.js";

const withAuth = (auth: unknown) => convertJson(collection([item("A")], { auth }));

describe("auth types", () => {
  it.each([
    ["basic", { type: "basic", basic: [{ key: "username", value: "u" }] }, { basicAuth: { type: "http", scheme: "basic" } }],
    ["digest", { type: "digest", digest: [] }, { digestAuth: { type: "http", scheme: "digest" } }],
    ["bearer", { type: "bearer", bearer: [{ key: "token", value: "t" }] }, { bearerAuth: { type: "http", scheme: "bearer" } }],
    ["jwt", { type: "jwt", jwt: [] }, { jwtAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } }],
    ["apikey in a header, under its real name", { type: "apikey", apikey: [{ key: "key", value: "X-API-KEY" }, { key: "in", value: "header" }] }, { apiKeyAuth: { type: "apiKey", name: "X-API-KEY", in: "header" } }],
    ["apikey in the query", { type: "apikey", apikey: [{ key: "key", value: "api_key" }, { key: "in", value: "query" }] }, { apiKeyAuth: { type: "apiKey", name: "api_key", in: "query" } }],
    [
      "oauth2 client credentials with scopes",
      { type: "oauth2", oauth2: [{ key: "grant_type", value: "client_credentials" }, { key: "accessTokenUrl", value: "https://auth.example.com/token" }, { key: "scope", value: "read write" }] },
      { oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: { read: "", write: "" } } } } },
    ],
    [
      "oauth2 implicit",
      { type: "oauth2", oauth2: [{ key: "grant_type", value: "implicit" }, { key: "authUrl", value: "https://auth.example.com/authorize" }] },
      { oauth2: { type: "oauth2", flows: { implicit: { authorizationUrl: "https://auth.example.com/authorize", scopes: {} } } } },
    ],
  ])("%s", (_, auth, schemes) => {
    const { document, diagnostics } = withAuth(auth);
    expect(document.components!.securitySchemes).toEqual(schemes);
    expect(document.security).toEqual([{ [Object.keys(schemes)[0]!]: [] }]);
    expect(diagnostics).toEqual([]);
  });

  it.each([
    ["awsv4", "AWS Signature Version 4"],
    ["hawk", "Hawk"],
    ["oauth1", "OAuth 1.0"],
    ["edgegrid", "Akamai EdgeGrid"],
  ])("%s has no OpenAPI type: an apiKey scheme on the Authorization header, and a warning", (type, label) => {
    const { document, diagnostics } = withAuth({ type });
    expect(document.components!.securitySchemes).toEqual({
      [`${type}Auth`]: { type: "apiKey", name: "Authorization", in: "header", description: `${label}: the value of the Authorization header is a signature computed for each request.` },
    });
    expect(document.security).toEqual([{ [`${type}Auth`]: [] }]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["unsupported-auth", `${type} auth (${label}) has no OpenAPI scheme type; it became an apiKey scheme on the Authorization header, and callers must compute its value`],
    ]);
  });

  it("no auth anywhere: the document says so with security: []", () => {
    const { document } = convertJson(collection([item("A")]));
    expect(document.security).toEqual([]);
    expect(document.paths["/things"]!.get!.security).toBeUndefined();
  });
});
