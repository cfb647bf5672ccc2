import { describe, expect, it } from "vitest";
import { collection, convertJson, item } from "../helpers.js";

const zoomOAuth = {
  type: "oauth2",
  oauth2: [
    { key: "grant_type", value: "authorization_code" },
    { key: "authUrl", value: "https://zoom.us/oauth/authorize" },
    { key: "accessTokenUrl", value: "https://zoom.us/oauth/token" },
  ],
};

describe("auth", () => {
  it("collection oauth2 becomes a type: oauth2 scheme with a flow and its URLs, applied to every request by inheritance", () => {
    const { document } = convertJson(collection([item("A"), item("B", { auth: { type: "oauth2" }, url: "{{baseUrl}}/b" })], { auth: zoomOAuth }));
    expect(document.components!.securitySchemes).toEqual({
      oauth2: {
        type: "oauth2",
        flows: { authorizationCode: { authorizationUrl: "https://zoom.us/oauth/authorize", tokenUrl: "https://zoom.us/oauth/token", scopes: {} } },
      },
    });
    expect(document.security).toEqual([{ oauth2: [] }]);
    // Item B's bare `{ type: oauth2 }` is the collection's scheme: no override needed.
    expect(Object.values(document.paths).map((p) => p.get!.security)).toEqual([undefined, undefined]);
    expect(JSON.stringify(document)).not.toContain('"scheme":"oauth2"');
  });

  it("noauth on an item becomes security: []; a different scheme on a folder applies to its requests", () => {
    const folder = { name: "Admin", auth: { type: "bearer", bearer: [{ key: "token", value: "t" }] }, item: [item("C", { url: "{{baseUrl}}/c" })] };
    const { document } = convertJson(collection([item("Public", { auth: { type: "noauth" } }), folder], { auth: zoomOAuth }));
    expect(document.paths["/things"]!.get!.security).toEqual([]);
    expect(document.paths["/c"]!.get!.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components!.securitySchemes!.bearerAuth).toEqual({ type: "http", scheme: "bearer" });
  });

  it("oauth2 without URLs cannot describe a flow: a bearer scheme and a warning that says what to add", () => {
    const { document, diagnostics } = convertJson(collection([item("A")], { auth: { type: "oauth2" } }));
    expect(document.components!.securitySchemes!.oauth2).toEqual({ type: "http", scheme: "bearer", description: "An OAuth 2.0 access token." });
    expect(diagnostics.map((d) => [d.code, d.at.pointer])).toEqual([["incomplete-oauth2", "#/auth"]]);
  });
});
