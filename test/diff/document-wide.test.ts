/** Rules for what every function shares (servers, security) and for reading documents ($ref, allOf, cycles), and the exported names. */
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../codegen/diff/diff-documents.js";
import { diffExports } from "../../codegen/diff/exports.js";
import { at, body, doc, object, ok, thing, type Json } from "./documents.js";

const rows = (a: Parameters<typeof diffDocuments>[0], b: Parameters<typeof diffDocuments>[1]) =>
  diffDocuments(a, b).map((c) => [c.kind, c.severity, c.pointer, c.document, c.message, c.operation?.functionName]);

describe("servers", () => {
  const servers = (...urls: string[]) => thing({}, { servers: urls.map((url) => ({ url })) });
  it("a new default base URL is breaking; another server removed breaking, added compatible", () => {
    expect(rows(servers("https://api.example.com/v1"), servers("https://api.example.com/v2"))).toEqual([
      [
        "default-server-changed",
        "breaking",
        "#/servers/0/url",
        "new",
        "The default base URL is now `https://api.example.com/v2` (was `https://api.example.com/v1`); clients created without `baseUrl` call the new one.",
        undefined,
      ],
    ]);
    expect(rows(servers("https://a.example", "https://eu.example"), servers("https://a.example", "https://us.example"))).toEqual([
      ["server-removed", "breaking", "#/servers/1", "old", "The server `https://eu.example` was removed; clients whose `baseUrl` is set to it should move.", undefined],
      ["server-added", "compatible", "#/servers/1", "new", "The server `https://us.example` was added.", undefined],
    ]);
  });

  it("a server variable's default counts: the SDK's base URL is the URL with its defaults", () => {
    const region = (d: string) => thing({}, { servers: [{ url: "https://{region}.example.com", variables: { region: { default: d } } }] });
    expect(rows(region("eu"), region("eu"))).toEqual([]);
    expect(rows(region("eu"), region("us")).map((r) => r[0])).toEqual(["default-server-changed"]);
  });
});

describe("security", () => {
  const schemes = { oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://example.com/token", scopes: {} } } }, key: { type: "apiKey", in: "header", name: "X-Key" } };
  const secured = (security: Json[] | undefined, opSecurity?: Json[]) =>
    thing(opSecurity ? { security: opSecurity } : {}, { components: { securitySchemes: schemes }, ...(security ? { security } : {}) });

  it("an alternative taken away is breaking, one added compatible", () => {
    expect(rows(secured([{ oauth2: [] }, { key: [] }]), secured([{ oauth2: [] }]))).toEqual([
      ["security-alternative-removed", "breaking", "#/security", "new", "The API no longer accepts `key` (now: `oauth2`).", undefined],
    ]);
    expect(rows(secured([{ oauth2: [] }]), secured([{ oauth2: [] }, { key: [] }]))).toEqual([
      ["security-alternative-added", "compatible", "#/security", "new", "The API now also accepts `key`.", undefined],
    ]);
  });

  it("requiring authentication where none was is breaking", () => {
    expect(rows(secured(undefined), secured([{ oauth2: [], key: [] }]))).toEqual([
      ["security-alternative-removed", "breaking", "#/security", "new", "The API now requires authentication (`key` + `oauth2`).", undefined],
    ]);
  });

  it("an operation's own security is compared with what it had, and names its function", () => {
    expect(rows(secured([{ oauth2: [] }]), secured([{ oauth2: [] }], []))).toEqual([
      ["security-alternative-added", "compatible", `${at.op}/security`, "new", "`updateThing` no longer requires authentication.", "updateThing"],
    ]);
    expect(rows(secured([{ oauth2: [] }], [{ key: [] }]), secured([{ oauth2: [] }]))).toEqual([
      ["security-alternative-removed", "breaking", `${at.op}/security`, "old", "`updateThing` no longer accepts `key` (now: `oauth2`).", "updateThing"],
      ["security-alternative-added", "compatible", `${at.op}/security`, "old", "`updateThing` now also accepts `oauth2`.", "updateThing"],
    ]);
  });

  it("security schemes removed, added and changed", () => {
    const withSchemes = (s: Json) => thing({}, { components: { securitySchemes: s } });
    expect(rows(withSchemes(schemes), withSchemes({ key: { type: "apiKey", in: "query", name: "api_key" }, basic: { type: "http", scheme: "Basic" } }))).toEqual([
      ["security-scheme-removed", "breaking", "#/components/securitySchemes/oauth2", "old", "The security scheme `oauth2` was removed; credentials given under its name are no longer sent.", undefined],
      [
        "security-scheme-changed",
        "breaking",
        "#/components/securitySchemes/key",
        "new",
        "The security scheme `key` is now apiKey in query `api_key` (was apiKey in header `X-Key`); the credentials it takes change.",
        undefined,
      ],
      ["security-scheme-added", "compatible", "#/components/securitySchemes/basic", "new", "The security scheme `basic` was added.", undefined],
    ]);
  });
});

describe("reading documents", () => {
  it("$refs are followed: a change in a shared schema is reported where it is, for each function that uses it", () => {
    const components = (props: Json) => ({ components: { schemas: { Thing: object(props) } } });
    const ref = { $ref: "#/components/schemas/Thing" };
    const paths = { "/things": { put: { operationId: "updateThing", requestBody: body(ref), responses: ok(ref) } } };
    const a = doc(paths, components({ id: { type: "string" } }));
    const b = doc(paths, components({ id: { type: "string" }, tag: { type: "string" } }));
    expect(rows(a, b)).toEqual([
      ["field-added-optional", "compatible", "#/components/schemas/Thing/properties/tag", "new", "`updateThing` takes a new optional request field `tag`.", "updateThing"],
      ["field-added-optional", "compatible", "#/components/schemas/Thing/properties/tag", "new", "`updateThing` returns a new optional response field `tag` (`200`).", "updateThing"],
    ]);
  });

  it("a field, parameter or response given by $ref is added and removed where the operation names it, not where it is defined", () => {
    const components = { schemas: { User: object({ id: { type: "string" } }) }, parameters: { Page: { name: "page", in: "query", schema: { type: "integer" } } }, responses: { Busy: { description: "Busy" } } };
    const a = thing({ responses: ok(object({})) }, { components });
    const b = thing(
      { parameters: [{ $ref: "#/components/parameters/Page" }], responses: { ...ok(object({ owner: { $ref: "#/components/schemas/User" } }, ["owner"])), "503": { $ref: "#/components/responses/Busy" } } },
      { components },
    );
    expect(rows(a, b).map((r) => [r[0], r[2]])).toEqual([
      ["parameter-added-optional", `${at.op}/parameters/0`],
      ["field-added-required", `${at.ok}/properties/owner`],
      ["response-added", `${at.op}/responses/503`],
    ]);
  });

  it("a schema renamed in components but the same in shape is no change", () => {
    const named = (name: string) => doc({ "/things": { put: { operationId: "updateThing", requestBody: body({ $ref: `#/components/schemas/${name}` }), responses: {} } } }, { components: { schemas: { [name]: object({ id: { type: "string" } }) } } });
    expect(rows(named("Thing"), named("ThingInput"))).toEqual([]);
  });

  it("recursive schemas end, and changes deep inside them are found once", () => {
    const tree = (leaf: Json) => ({ components: { schemas: { Node: object({ value: leaf, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } }) } } });
    const paths = { "/things": { put: { operationId: "updateThing", requestBody: body({ $ref: "#/components/schemas/Node" }), responses: {} } } };
    expect(rows(doc(paths, tree({ type: "string" })), doc(paths, tree({ type: "integer" })))).toEqual([
      ["type-changed", "breaking", "#/components/schemas/Node/properties/value", "new", "The request field `value` of `updateThing` changed from string to integer.", "updateThing"],
    ]);
  });

  it("a $ref cycle with no schema in it ends too", () => {
    const loop = { components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } } };
    const paths = { "/things": { put: { operationId: "updateThing", requestBody: body({ $ref: "#/components/schemas/A" }), responses: {} } } };
    expect(rows(doc(paths, loop), doc(paths, loop))).toEqual([]);
  });

  it("allOf members are merged, each field pointed at in its member", () => {
    const composed = (extra: Json) => ({
      components: { schemas: { Base: object({ id: { type: "string" } }, ["id"]) } },
      paths: { "/things": { put: { operationId: "updateThing", requestBody: body({ allOf: [{ $ref: "#/components/schemas/Base" }, object(extra)] }), responses: {} } } },
    });
    const a = composed({ name: { type: "string" } });
    const b = composed({});
    expect(rows(doc(a.paths, { components: a.components }), doc(b.paths, { components: b.components }))).toEqual([
      ["field-removed", "breaking", `${at.body}/allOf/1/properties/name`, "old", "`updateThing` no longer takes the request field `name`; calls that send it no longer type-check.", "updateThing"],
    ]);
  });
});

describe("exported names", () => {
  it("lists the functions, Args types and paginators added and removed, sorted", () => {
    const pages = {
      operationId: "listThings",
      parameters: [{ name: "next_page_token", in: "query", schema: { type: "string" } }],
      responses: ok(object({ next_page_token: { type: "string" }, things: { type: "array", items: { type: "string" } } })),
    };
    const a = doc({ "/things": { get: pages, put: { operationId: "updateThing", responses: {} } } });
    const b = doc({ "/things": { put: { operationId: "updateThing", responses: {} }, delete: { operationId: "deleteThing", responses: {} } } });
    expect(diffExports(a, b)).toEqual({
      added: ["DeleteThingArgs", "deleteThing"],
      removed: ["ListThingsArgs", "listThings", "listThingsItems", "listThingsPages"],
    });
    expect(diffExports(a, a)).toEqual({ added: [], removed: [] });
  });
});

