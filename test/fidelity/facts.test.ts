import { describe, expect, it } from "vitest";
import { collectionEvidence, stripNotes } from "./carried.js";
import { factsOf, matchByFullPath, scoreRecovery, serverPathOf, type Score } from "./facts.js";
import { describeFindings, standing, targetRows, type Row } from "./report.js";

/** A spec written for this test: one operation with an enum query parameter, a body and a named response schema. */
const original = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/meetings/{meetingId}": {
      post: {
        parameters: [
          { name: "meetingId", in: "path", required: true, schema: { type: "integer" } },
          { name: "type", in: "query", schema: { type: "string", enum: ["live", "scheduled"] } },
          { name: "sort", in: "query", schema: { type: "string", enum: ["asc", "desc"] } },
          { name: "ratio", in: "query", schema: { type: "number" } },
        ],
        security: [{ ApiKey: [], Basic: [] }],
        requestBody: { content: { "application/json": { schema: { type: "object", required: ["topic"], properties: { topic: { type: "string" }, duration: { allOf: [{ $ref: "#/components/schemas/Minutes" }, { description: "d" }] } } } } } },
        responses: {
          "201": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Meeting" } } } },
          "404": { description: "no" },
        },
      },
    },
  },
  components: {
    schemas: {
      Minutes: { type: "integer" },
      Meeting: { type: "object", required: ["id"], properties: { id: { type: "integer" }, topic: { type: "string" }, tags: { type: "array", items: { type: "string" } } } },
      Unused: { type: "object", properties: { x: { type: "string" } } },
    },
    securitySchemes: { ApiKey: { type: "apiKey", in: "header", name: "X-Key" }, Basic: { type: "http", scheme: "basic" } },
  },
};

/** What openapi-to-postmanv2 would make of it: a note on `type`, prose on `sort`, two saved 201 responses. */
const collection = {
  info: { name: "t", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  auth: { type: "apikey", apikey: [{ key: "key", value: "X-Key" }, { key: "in", value: "header" }] },
  item: [
    {
      name: "Create",
      request: {
        method: "POST",
        description: { content: "Creates a meeting.", type: "text/plain" },
        url: {
          host: ["{{baseUrl}}"],
          path: ["meetings", ":meetingId"],
          variable: [{ key: "meetingId", value: "85746065432", description: "(Required) The meeting." }],
          query: [
            { key: "type", value: "live", description: "The type (This can only be one of live,scheduled)" },
            { key: "sort", value: "asc", description: { content: "Order: `asc` or `desc`.", type: "text/plain" } },
            { key: "ratio", value: "2" },
          ],
        },
        body: { mode: "raw", raw: '{"topic":"Standup","duration":30}' },
      },
      response: [
        { name: "a", code: 201, body: '{"id":1,"topic":"Standup","tags":["x"]}' },
        { name: "b", code: 201, body: '{"id":2,"tags":[]}' },
      ],
    },
  ],
};

describe("fidelity facts", () => {
  it("lists one fact per element of the spec, allOf types and used components included", () => {
    expect(factsOf(original).map((f) => `${f.kind} ${f.key}`)).toEqual([
      "operation POST /meetings/{}",
      "parameter POST /meetings/{} path:meetingId",
      "parameter.required POST /meetings/{} path:meetingId true",
      "parameter.type POST /meetings/{} path:meetingId integer",
      "parameter POST /meetings/{} query:type",
      "parameter.required POST /meetings/{} query:type false",
      "parameter.type POST /meetings/{} query:type string",
      "parameter.enum POST /meetings/{} query:type live,scheduled",
      "parameter POST /meetings/{} query:sort",
      "parameter.required POST /meetings/{} query:sort false",
      "parameter.type POST /meetings/{} query:sort string",
      "parameter.enum POST /meetings/{} query:sort asc,desc",
      "parameter POST /meetings/{} query:ratio",
      "parameter.required POST /meetings/{} query:ratio false",
      "parameter.type POST /meetings/{} query:ratio number",
      "body.mediaType POST /meetings/{} application/json",
      "body.field POST /meetings/{} body.topic",
      "body.field.required POST /meetings/{} body.topic true",
      "body.field.type POST /meetings/{} body.topic string",
      "body.field POST /meetings/{} body.duration",
      "body.field.required POST /meetings/{} body.duration false",
      "body.field.type POST /meetings/{} body.duration integer",
      "response.status POST /meetings/{} 201",
      "response.field POST /meetings/{} 201 id",
      "response.field.required POST /meetings/{} 201 id true",
      "response.field POST /meetings/{} 201 topic",
      "response.field.required POST /meetings/{} 201 topic false",
      "response.field POST /meetings/{} 201 tags",
      "response.field.required POST /meetings/{} 201 tags false",
      "response.status POST /meetings/{} 404",
      "security POST /meetings/{} apiKey:header:X-Key",
      "security POST /meetings/{} http:basic",
      'schema.named {"id":number,"tags":[string],"topic":string}',
    ]);
  });

  it("decides per kind whether the collection carries a fact, and which enums it states in prose", () => {
    const { evidence } = collectionEvidence(JSON.stringify(collection));
    const judged = Object.fromEntries(factsOf(original).map((f) => [`${f.kind} ${f.key}`, evidence(f)]));
    expect(judged["parameter.enum POST /meetings/{} query:type live,scheduled"]).toEqual({ carried: true, prose: false, proseOwn: false });
    expect(judged["parameter.enum POST /meetings/{} query:sort asc,desc"]).toEqual({ carried: true, prose: true, proseOwn: true });
    expect(judged["parameter.required POST /meetings/{} path:meetingId true"]).toEqual({ carried: true });
    // A JSON body states no required flags; a saved response that lacks `topic` says it is optional.
    expect(judged["body.field.required POST /meetings/{} body.topic true"]).toEqual({ carried: false });
    expect(judged["response.field.required POST /meetings/{} 201 topic false"]).toEqual({ carried: true });
    expect(judged["response.field.required POST /meetings/{} 201 tags false"]).toEqual({ carried: false });
    expect(judged["response.status POST /meetings/{} 404"]).toEqual({ carried: false });
    // "2" reads as an integer: it does not say number; a path value of digits does say integer.
    expect(judged["parameter.type POST /meetings/{} query:ratio number"]).toEqual({ carried: false });
    expect(judged["parameter.type POST /meetings/{} path:meetingId integer"]).toEqual({ carried: true });
    // The collection's API key auth names X-Key; nothing in it says Basic.
    expect(judged["security POST /meetings/{} apiKey:header:X-Key"]).toEqual({ carried: true });
    expect(judged["security POST /meetings/{} http:basic"]).toEqual({ carried: false });
    expect(judged['schema.named {"id":number,"tags":[string],"topic":string}']).toEqual({ carried: true });
  });

  it("counts a named schema as carried only when a body holds the nesting its shape compares, not a depth-cut stand-in", () => {
    // Order → customer (object) → address (object) → geo (object, three levels down: `{…}`), lines: array of objects.
    const spec = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/orders": { post: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Order" } } } } } } } },
      components: {
        schemas: {
          Order: {
            type: "object",
            properties: {
              id: { type: "integer" },
              placed: { type: "string", format: "date-time" },
              customer: { type: "object", properties: { name: { type: "string" }, address: { type: "object", properties: { city: { type: "string" }, geo: { type: "object", properties: { lat: { type: "number" } } } } } } },
              lines: { type: "array", items: { type: "object", properties: { sku: { type: "string" } } } },
            },
          },
        },
      },
    };
    const [fact] = factsOf(spec).filter((f) => f.kind === "schema.named");
    expect(fact!.key).toBe('{"customer":{"address":{"city":string,"geo":{…}},"name":string},"id":number,"lines":[{"sku":string}],"placed":string}');
    expect(fact!.nesting).toEqual({ customer: { address: { city: "any", geo: "object" }, name: "any" }, id: "any", lines: [{ sku: "any" }], placed: "any" });
    const judge = (body: unknown, where: "response" | "originalRequest" = "response") =>
      collectionEvidence(
        JSON.stringify({
          item: [
            {
              name: "o",
              request: { method: "POST", url: { raw: "{{baseUrl}}/orders", path: ["orders"] } },
              response: [
                where === "response"
                  ? { code: 200, body: JSON.stringify(body) }
                  : { code: 200, body: "", originalRequest: { method: "POST", url: "{{baseUrl}}/orders", body: { mode: "raw", raw: JSON.stringify(body) } } },
              ],
            },
          ],
        }),
      ).evidence(fact!);
    const whole = { id: 1, placed: "2024-01-01", customer: { name: "n", address: { city: "c", geo: { lat: 1 } } }, lines: [{ sku: "s" }] };
    // A number where the shape has a date string: scalar types need not match.
    expect(judge({ ...whole, placed: 5 })).toEqual({ carried: true });
    expect(judge(whole, "originalRequest")).toEqual({ carried: true });
    // openapi-to-postmanv2's cut three levels down: every top-level name is there, the shape is not.
    const cut = { value: "<Error: Too many levels of nesting to fake this schema>" };
    expect(judge({ ...whole, customer: { name: "n", address: { city: "c", geo: cut } } })).toEqual({ carried: false });
    expect(judge({ ...whole, customer: cut })).toEqual({ carried: false });
    expect(judge({ ...whole, customer: "<Circular reference to #/components/schemas/Customer detected>" })).toEqual({ carried: false });
    expect(judge({ ...whole, customer: null })).toEqual({ carried: false });
    expect(judge({ ...whole, customer: { name: "n" } })).toEqual({ carried: false });
    expect(judge({ ...whole, lines: "<Error: Too many levels of nesting to fake this schema>" })).toEqual({ carried: false });
    expect(judge({ ...whole, lines: [] })).toEqual({ carried: false });
    expect(judge({ ...whole, lines: [cut, { sku: "s" }] })).toEqual({ carried: true });
    // A scalar's place cut or written `<Error: …>` states nothing of its type, which the shape compares.
    expect(judge({ ...whole, lines: [{ sku: cut }] })).toEqual({ carried: false });
    expect(judge({ ...whole, placed: "<Error: Not supported in OAS>" })).toEqual({ carried: false });
    expect(judge({ ...whole, lines: [{ sku: cut }, { sku: "s" }] })).toEqual({ carried: true });
  });

  it("reads a map without `type` as an object and an array's items through an allOf wrapper", () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/bots": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Bot" } } } } } } } },
      components: {
        schemas: {
          Bot: {
            type: "object",
            properties: { tags: { additionalProperties: { type: "string" } }, aliases: { allOf: [{ $ref: "#/components/schemas/Aliases" }, { description: "d" }] } },
          },
          Aliases: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
        },
      },
    };
    const facts = factsOf(spec).filter((f) => f.kind === "schema.named");
    expect(facts.map((f) => f.key)).toEqual(['{"aliases":[{"name":string}],"tags":object}']);
    expect(facts[0]!.nesting).toEqual({ aliases: [{ name: "any" }], tags: "object" });
  });

  it("tells an enum stated in the parameter's own description from one whose values only the request's description mentions", () => {
    const spec = { paths: { "/items": { get: { parameters: [{ name: "order", in: "query", schema: { type: "string", enum: ["up", "down"] } }], responses: {} } } } };
    const items = (param: string, request: string) => ({
      item: [{ name: "List", request: { method: "GET", description: request, url: { host: ["{{baseUrl}}"], path: ["items"], query: [{ key: "order", value: "up", description: param }] } } }],
    });
    const judge = (param: string, request: string) => collectionEvidence(JSON.stringify(items(param, request))).evidence(factsOf(spec).find((f) => f.kind === "parameter.enum")!);
    expect(judge("Sort order: `up` or `down`.", "Lists items.")).toEqual({ carried: true, prose: true, proseOwn: true });
    expect(judge("Sort order.", "Lists items, up to 100, newest down to oldest.")).toEqual({ carried: true, prose: true, proseOwn: false });
    expect(judge("Sort order.", "Lists items.")).toEqual({ carried: false, prose: false, proseOwn: false });
    // A word inside a URL or a dotted version is not the text's: `up` in a link, `down` in no sentence.
    expect(judge("Sort order, see https://docs.example.com/up/down.html.", "Lists items.")).toEqual({ carried: false, prose: false, proseOwn: false });
    expect(judge("Sort order: up (https://docs.example.com/sort) or down.", "Lists items.")).toEqual({ carried: true, prose: true, proseOwn: true });
  });

  it("reads versions in prose only as versions", () => {
    const spec = { paths: { "/items": { get: { parameters: [{ name: "v", in: "query", schema: { type: "string", enum: ["1", "2"] } }, { name: "api", in: "query", schema: { type: "string", enum: ["1.0", "2.1"] } }], responses: {} } } } };
    const facts = factsOf(spec).filter((f) => f.kind === "parameter.enum");
    const request = (description: string) => ({
      item: [{ name: "List", request: { method: "GET", description, url: { host: ["{{baseUrl}}"], path: ["items"], query: [{ key: "v", value: "1" }, { key: "api", value: "1.0" }] } } }],
    });
    const judge = (description: string) => facts.map((f) => collectionEvidence(JSON.stringify(request(description))).evidence(f).carried);
    expect(judge("Works with FHIR 2.1.0.12.1 and DSTU2.")).toEqual([false, false]);
    expect(judge("Version 1 or 2; the API is 1.0 or 2.1.")).toEqual([true, true]);
  });

  it("scores all and carried facts, counts invented required flags and recovered prose enums", () => {
    const { evidence } = collectionEvidence(JSON.stringify(collection));
    const recovered = structuredClone(original) as any;
    recovered.paths["/meetings/{meetingId}"].post.parameters[2].schema = { type: "string" }; // the prose enum lost
    recovered.components.schemas.Meeting.required = ["id", "topic", "tags"]; // every sampled field made required
    recovered.components.schemas.Renamed = recovered.components.schemas.Meeting; // names do not matter
    delete recovered.components.schemas.Meeting;
    recovered.paths["/meetings/{meetingId}"].post.responses["201"].content["application/json"].schema = { $ref: "#/components/schemas/Renamed" };
    const score = scoreRecovery(original, recovered, evidence);
    expect([score.total, score.recovered, score.carried, score.carriedRecovered]).toEqual([33, 30, 26, 24]);
    expect(score.invented).toEqual({ "response.field.required": 2 });
    expect(score.prose).toEqual({ total: 1, recovered: 0, ownTotal: 1, ownRecovered: 0 });
    expect(score.lost.map((f) => f.key)).toEqual(["POST /meetings/{} query:sort asc,desc", "POST /meetings/{} 201 topic false"]);
    expect(score.byKind["schema.named"]).toEqual({ total: 1, recovered: 1, carried: 1, carriedRecovered: 1 });
  });

  it("counts an enum the original does not state as invented: none on that element, or a value outside the original's", () => {
    const recovered = structuredClone(original) as any;
    const params = recovered.paths["/meetings/{meetingId}"].post.parameters;
    params[1].schema = { type: "string", enum: ["live", "scheduled"] }; // the original's own: not invented
    params[2].schema = { type: "string", enum: ["asc", "desc", "random"] }; // "random" is not the original's
    params[3].schema = { type: "number", enum: [1, 2] }; // the original has no enum on ratio
    params.push({ name: "page", in: "query", schema: { type: "integer", enum: [1] } }); // not in the original: not judged
    recovered.paths["/meetings/{meetingId}"].post.requestBody.content["application/json"].schema.properties.topic = { type: "string", enum: ["Standup"] };
    const score = scoreRecovery(original, recovered);
    expect(score.inventedEnums).toEqual({ "parameter.enum": 2, "body.field.enum": 1 });
    expect(score.inventedFacts.map((f) => `${f.kind} ${f.key}`)).toEqual([
      "parameter.enum POST /meetings/{} query:sort asc,desc,random",
      "parameter.enum POST /meetings/{} query:ratio 1,2",
      "body.field.enum POST /meetings/{} body.topic Standup",
    ]);
    expect(scoreRecovery(original, original).inventedEnums).toEqual({});
  });

  it("finds an operation whose path has a fragment or a variable inside a segment", () => {
    const spec = {
      paths: {
        "/#X-Amz-Target=Mail.Send": { post: { responses: {} } },
        "/v1/{name}:check": { post: { parameters: [{ name: "name", in: "path", required: true }], responses: {} } },
      },
    };
    const items = {
      item: [
        { name: "a", request: { method: "POST", url: { host: ["{{baseUrl}}"], path: [""], hash: "X-Amz-Target=Mail.Send" } } },
        { name: "b", request: { method: "POST", url: { host: ["{{baseUrl}}"], path: ["v1", "{{name}}:check"] } } },
      ],
    };
    const { evidence } = collectionEvidence(JSON.stringify(items));
    expect(factsOf(spec).map((f) => `${f.kind} ${f.key} ${evidence(f).carried}`)).toEqual([
      "operation POST /#X-Amz-Target=Mail.Send true",
      "operation POST /v1/{}:check true",
      "parameter POST /v1/{}:check path:name true",
      "parameter.required POST /v1/{}:check path:name true true",
    ]);
  });

  it("counts an operation whose server's path a converter put in its path as the original's endpoint, only where no relative path matches", () => {
    const spec = {
      servers: [{ url: "https://{name}.example.com:{port}/{basePath}" }],
      paths: {
        "/global": { post: { responses: { "200": { description: "ok" } } } },
        "/path": {
          servers: [{ url: "https://httpbin.com/anything/common/{subpath}" }],
          put: { parameters: [{ name: "q", in: "query" }], responses: { "200": { description: "ok" } } },
        },
        "/relative": { get: { servers: [{ url: "/v3" }], responses: {} } },
        // Two original operations with one full path: a recovered /v9/twin matches neither.
        "/twin": { get: { servers: [{ url: "/v9" }], responses: {} } },
        "/v9/twin": { get: { servers: [{ url: "/" }], responses: {} } },
        "/claimed": { get: { servers: [{ url: "/v5" }], responses: {} } },
      },
    };
    expect(factsOf(spec).filter((f) => f.kind === "operation").map((f) => `${f.key} → ${f.fullPath}`)).toEqual([
      "POST /global → /{}/global",
      "PUT /path → /anything/common/{}/path",
      "GET /relative → /v3/relative",
      "GET /twin → /v9/twin",
      "GET /v9/twin → /v9/twin",
      "GET /claimed → /v5/claimed",
    ]);
    const ours = {
      servers: [{ url: "https://demo.example.com:443/v2" }],
      paths: {
        "/global": { post: { responses: { "200": { description: "ok" } } } },
        "/anything/common/{subpath}/path": {
          servers: [{ url: "https://httpbin.com" }],
          put: { parameters: [{ name: "q", in: "query" }], responses: { "200": { description: "ok" } } },
        },
        "/v3/relative": { get: { servers: [{ url: "/" }], responses: {} } },
        "/claimed": { get: { responses: {} } },
        "/v5/claimed": { get: { servers: [{ url: "/" }], responses: {} } },
        "/": { get: { servers: [{ url: "/v9/twin" }], responses: {} } },
      },
    };
    // GET / (full path /v9/twin) has two originals of that full path; /v5/claimed's original is matched by /claimed's relative path already.
    expect([...matchByFullPath(factsOf(spec), factsOf(ours, "recovered"))]).toEqual([
      ["PUT /anything/common/{}/path", "/path"],
      ["GET /v3/relative", "/relative"],
    ]);
    const score = scoreRecovery(spec, ours);
    expect(score.lost.map((f) => `${f.kind} ${f.key}`)).toEqual(["operation GET /twin", "operation GET /v9/twin"]);
    expect(score.byKind.parameter).toEqual({ total: 1, recovered: 1, carried: 1, carriedRecovered: 1 });
    expect(score.byKind["response.status"]).toEqual({ total: 2, recovered: 2, carried: 2, carriedRecovered: 2 });
    // A finding about an operation matched by full path points at ours, not at "no operation".
    const spec2 = structuredClone(spec) as any;
    spec2.paths["/path"].put.parameters[0].schema = { type: "string", enum: ["a", "b"] };
    const lost = scoreRecovery(spec2, ours).lost.filter((f) => f.kind === "parameter.enum");
    expect(describeFindings(lost, [], () => undefined, ours, factsOf(spec2)).map((f) => f.ours)).toEqual(["nothing of this kind at #/paths/~1anything~1common~1{subpath}~1path/put (original fact: PUT /path query:q a,b)"]);
    expect(["https://{h}/v1/{x}/", "/v3", "//cdn.example.com/a", "{scheme}://{host}:{port}", "v2", undefined].map(serverPathOf)).toEqual(["/v1/{x}", "/v3", "/a", "", "/v2", ""]);
  });

  it("counts an http bearer scheme as carried by an oauth2 auth only when that auth has no URLs and sends a Bearer header", () => {
    const spec = {
      paths: { "/things": { post: { security: [{ oauth2: [], basic: [] }, { bearer: [] }], responses: {} } } },
      components: { securitySchemes: { oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://example.com/token", scopes: {} } } }, basic: { type: "http", scheme: "basic" }, bearer: { type: "http", scheme: "bearer" } } },
    };
    const judge = (auth: object) =>
      factsOf(spec)
        .filter((f) => f.kind === "security")
        .map((f) => `${f.name} ${collectionEvidence(JSON.stringify({ auth, item: [{ name: "a", request: { method: "POST", url: { host: ["{{baseUrl}}"], path: ["things"] } } }] })).evidence(f).carried}`);
    // What openapi-to-postmanv2 4.x and 6.x write for this operation: its first requirement's first scheme, with the flow's URL.
    const exported = { type: "oauth2", oauth2: [{ key: "accessTokenUrl", value: "https://example.com/token" }, { key: "grant_type", value: "client_credentials" }] };
    expect(judge(exported)).toEqual(["oauth2 true", "http:basic false", "http:bearer false"]);
    expect(judge({ type: "oauth2", oauth2: [{ key: "authUrl", value: "https://example.com/auth" }] })).toEqual(["oauth2 true", "http:basic false", "http:bearer false"]);
    // A token alone, sent as `Authorization: Bearer …`, is what an http bearer scheme states (v2.0's object form too).
    expect(judge({ type: "oauth2", oauth2: [{ key: "accessToken", value: "{{token}}" }, { key: "addTokenTo", value: "header" }] })).toEqual(["oauth2 true", "http:basic false", "http:bearer true"]);
    expect(judge({ type: "oauth2", oauth2: { accessToken: "{{token}}", headerPrefix: "Bearer" } })).toEqual(["oauth2 true", "http:basic false", "http:bearer true"]);
    expect(judge({ type: "oauth2", oauth2: [{ key: "accessToken", value: "{{token}}" }, { key: "headerPrefix", value: "Token" }] })).toEqual(["oauth2 true", "http:basic false", "http:bearer false"]);
    expect(judge({ type: "oauth2", oauth2: [{ key: "accessToken", value: "{{token}}" }, { key: "addTokenTo", value: "queryParams" }] })).toEqual(["oauth2 true", "http:basic false", "http:bearer false"]);
    expect(judge({ type: "bearer", bearer: [{ key: "token", value: "{{bearerToken}}" }] })).toEqual(["oauth2 true", "http:basic false", "http:bearer true"]);
  });

  /** A score of `recovered` of `total` facts, `carriedRecovered` of the `carried` ones. */
  const scored = (total: number, recovered: number, carried: number, carriedRecovered: number, more: Partial<Score> = {}): Score => ({
    total,
    recovered,
    carried,
    carriedRecovered,
    byKind: {},
    invented: {},
    inventedEnums: {},
    prose: { total: 0, recovered: 0, ownTotal: 0, ownRecovered: 0 },
    lost: [],
    inventedFacts: [],
    ...more,
  });
  const row = (spec: string, ours: Score | undefined, peer?: Score, scalar?: Score): Row => ({ spec, variant: "v4 Example Tags", base: true, stripped: false, notes: 0, operations: 1, originalBytes: 100, oursBytes: 100, ours, peer, scalar, peerCrashedOnOriginal: false });

  it("tells a collection tied at 100 % of carried facts from one where ours is below or tied under 100 %", () => {
    const rows = [
      row("ceiling", scored(6, 5, 5, 5), scored(6, 5, 5, 5), scored(6, 4, 5, 4)),
      row("tied under 100 %", scored(6, 5, 5, 4), scored(6, 5, 5, 5)),
      // The peer ties on all facts with an uncarried one guessed and a carried one lost: not every converter is at the ceiling.
      row("peer not at the ceiling", scored(6, 5, 5, 5), scored(6, 5, 5, 4)),
      row("below", scored(6, 5, 5, 5), scored(6, 6, 5, 5)),
      row("all facts", scored(6, 6, 5, 5), scored(6, 6, 5, 5)),
      row("above", scored(6, 5, 5, 5), scored(6, 4, 5, 4)),
    ];
    expect(rows.map((r) => `${r.spec}: ${standing(r)}`)).toEqual([
      "ceiling: ceiling",
      "tied under 100 %: below",
      "peer not at the ceiling: below",
      "below: below",
      "all facts: above",
      "above: above",
    ]);
    expect(targetRows(rows, { scalarAvailable: true }).find(([name]) => name.startsWith("above both"))).toEqual([
      "above both other converters on every spec",
      false,
      "4 of 6 collections not above: 1 tied at 100 % of carried facts (nothing left to be above with), 3 below or tied under 100 %",
    ]);
  });

  it("has a target row for invented enums with every converter's count, and the own-description figure on the prose row", () => {
    const prose = { total: 4, recovered: 3, ownTotal: 2, ownRecovered: 1 };
    const rows = [
      row("a", scored(6, 6, 6, 6, { inventedEnums: { "parameter.enum": 2, "body.field.enum": 1 }, invented: { "body.field.required": 1 }, prose }), scored(6, 1, 6, 1, { inventedEnums: { "body.field.enum": 4 } }), scored(6, 1, 6, 1)),
      row("b", scored(6, 6, 6, 6), scored(6, 1, 6, 1, { inventedEnums: { "parameter.enum": 1 } })),
    ];
    const targets = targetRows(rows, { scalarAvailable: true });
    expect(targets.find(([name]) => name === "0 invented enums")).toEqual(["0 invented enums", false, "3 (postman-to-openapi 5, scalar 0)"]);
    expect(targets.find(([name]) => name === "0 invented required flags")).toEqual(["0 invented required flags", false, "1 (postman-to-openapi 0, scalar 0)"]);
    expect(targets.find(([name]) => name.startsWith("prose"))).toEqual([
      "prose-stated enums ≥ 95 % recovered",
      false,
      "3 of 4 (75.0%), in collections without notes; every value in the parameter's or form field's own description: 1 of 2 (50.0%)",
    ]);
    expect(targetRows([row("b", scored(6, 6, 6, 6), scored(6, 1, 6, 1, { inventedEnums: { "parameter.enum": 1 } }))], { scalarAvailable: false }).find(([name]) => name === "0 invented enums")).toEqual(["0 invented enums", true, "0 (postman-to-openapi 1)"]);
  });

  it("strips a whole note whose values hold parentheses", () => {
    const items = { item: [{ name: "a", request: { url: { query: [{ key: "lang", description: "Language (This can only be one of Arabic (Egypt),English (US))" }] } } }] };
    expect(JSON.parse(stripNotes(JSON.stringify(items)).text).item[0].request.url.query[0].description).toBe("Language");
  });

  it("strips openapi-to-postmanv2's enum notes from string and object descriptions", () => {
    const { text, notes } = stripNotes(JSON.stringify(collection));
    expect(notes).toBe(1);
    expect(JSON.parse(text).item[0].request.url.query.map((q: { description: unknown }) => q.description)).toEqual(["The type", { content: "Order: `asc` or `desc`.", type: "text/plain" }, undefined]);
  });
});
