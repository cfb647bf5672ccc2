/**
 * Issue 10: a converted spec is no bigger than a reader needs (target: at most 1.5× the
 * original's size). What a collection repeats is written once: an item named after its whole
 * description (openapi-to-postmanv2 does so when the spec has no summary) gets its first
 * sentence as summary and a short operationId, and the paragraph is not written twice.
 */
import { describe, expect, it } from "vitest";
import { collection, convertJson, item, type Json } from "../helpers.js";
import { convertJson as convertInline } from "./inline.js";
import { shareRepeatedObjects } from "../../codegen/convert/shared-objects.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";

const saved = (code: number, body: unknown) => ({ name: String(code), code, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) });

describe("examples", () => {
  const responseExample = (body: unknown) => {
    const { document } = convertJson(collection([item("Get pets", { url: "{{baseUrl}}/pets" }, [saved(200, body)])]));
    return document.paths["/pets"]!.get!.responses["200"]!.content!["application/json"]!.example;
  };

  it("a list of alike objects is shown by its first item; a list of unlike ones, and of values, is kept whole; the schema is inferred from every item", () => {
    const body = {
      pets: [
        { name: "doggie", tags: [{ id: 1 }, { id: 2 }] },
        { name: "kitty", tags: [{ id: 3 }], age: 2 },
        { name: "rex", tags: [] },
      ],
      owners: [{ id: 1 }, { id: 2, note: null }],
      ids: [1, 2, 3],
      rows: [{ a: 1 }, { a: 2 }],
    };
    const { document } = convertInline(collection([item("Get pets", { url: "{{baseUrl}}/pets" }, [saved(200, body)])]));
    const media = document.paths["/pets"]!.get!.responses["200"]!.content!["application/json"]!;
    expect(media.example).toEqual({
      pets: [{ name: "doggie", tags: [{ id: 1 }] }, { name: "kitty", tags: [{ id: 3 }], age: 2 }, { name: "rex", tags: [] }],
      owners: [{ id: 1 }, { id: 2, note: null }],
      ids: [1, 2, 3],
      rows: [{ a: 1 }],
    });
    const object = (properties: Json) => ({ type: "object", properties });
    expect(media.schema).toEqual(
      object({
        pets: { type: "array", items: object({ name: { type: "string" }, tags: { type: "array", items: object({ id: { type: "integer" } }) }, age: { type: "integer" } }) },
        owners: { type: "array", items: object({ id: { type: "integer" }, note: {} }) },
        ids: { type: "array", items: { type: "integer" } },
        rows: { type: "array", items: object({ a: { type: "integer" } }) },
      }),
    );
  });

  it("items are alike only when their structure is the same all the way down: an empty list, null or {} is not a filled one, a decimal not an integer", () => {
    const unlike = { data: [{ id: 1, tags: [], owner: null, status: "active" }, { id: 2, tags: [{ name: "x" }], owner: { name: "Ada" }, status: "deleted" }] };
    expect(responseExample(unlike)).toEqual(unlike);
    const empty = { data: [{ id: 1, meta: {} }, { id: 2, meta: { page: 1 } }], prices: [{ amount: 1 }, { amount: 1.5 }] };
    expect(responseExample(empty)).toEqual(empty);
    const alike = {
      data: [
        { id: 1, tags: [{ name: "a" }, { name: "b" }], owner: { name: "Ada", since: null } },
        { id: 2, tags: [{ name: "c" }], owner: { name: "Bob", since: null } },
      ],
    };
    expect(responseExample(alike)).toEqual({ data: [{ id: 1, tags: [{ name: "a" }], owner: { name: "Ada", since: null } }] });
  });

  it("a request example is what a user copies: it is kept whole (a JSON Patch's operations)", () => {
    const patch = [
      { op: "add", path: "/a", value: "x" },
      { op: "remove", path: "/b", value: "y" },
    ];
    const { document } = convertJson(
      collection([
        item("Patch a pet", {
          method: "PATCH",
          url: "{{baseUrl}}/pets/1",
          header: [{ key: "Content-Type", value: "application/json-patch+json" }],
          body: { mode: "raw", raw: JSON.stringify(patch), options: { raw: { language: "json" } } },
        }),
      ]),
    );
    expect(Object.values(document.paths["/pets/1"]!.patch!.requestBody!.content).map((m) => m.example)).toEqual([patch]);
  });

  it("a response example that is word for word the request's (an echo) is kept whole, and written once", () => {
    const body = { pets: [1, 2, 3].map((id) => ({ id, name: `pet number ${id}`, tags: [{ name: "friendly" }], photoUrls: [`https://example.com/photos/${id}.png`] })) };
    const { document } = convertJson(
      collection([
        item("Replace pets", { method: "PUT", url: "{{baseUrl}}/pets", header: [{ key: "Content-Type", value: "application/json" }], body: { mode: "raw", raw: JSON.stringify(body), options: { raw: { language: "json" } } } }, [saved(200, body)]),
      ]),
    );
    const op = document.paths["/pets"]!.put!;
    const request = op.requestBody!.content["application/json"]!.examples!;
    // Which name it gets is the schema's (see the test above); what matters here is one whole copy.
    const [name] = Object.keys(request);
    expect(request).toEqual({ [name!]: { $ref: `#/components/examples/${name}` } });
    expect(op.responses["200"]!.content!["application/json"]!.examples).toEqual(request);
    expect((document.components as { examples?: unknown }).examples).toEqual({ [name!]: { value: body } });
  });

  it("a list is never shortened below its schema's minItems (a typed collection's), so the example stays valid", () => {
    const point = (x: number) => ({ x, y: x + 1 });
    const data = collection([item("Get a route", { url: "{{baseUrl}}/route" }, [saved(200, { points: [point(1), point(2), point(3)], stops: [point(4), point(5)] })])]);
    const pointSchema = { type: "object", properties: { x: { type: "integer" }, y: { type: "integer" } } };
    const body = JSON.stringify({ type: "object", properties: { points: { type: "array", minItems: 2, items: pointSchema }, stops: { type: "array", items: pointSchema } } });
    const types = { "get/route": { request: { headers: "[]", pathParam: "[]", queryParam: "[]" }, response: { "200": { body, headers: "[]" } } } };
    const { document } = convertJson({ result: true, output: [{ type: "collection", data }], extractedTypes: types });
    expect(document.paths["/route"]!.get!.responses["200"]!.content!["application/json"]!.example).toEqual({ points: [point(1), point(2)], stops: [point(4)] });
  });

  it("a map of made-up keys (json-schema-faker's) is shown by its first entry when its values are alike objects; unlike or scalar values, and a request's map, are kept whole", () => {
    const price = (amount: number, currency: string) => ({ amount, currency, tiers: [{ upTo: amount * 10 }] });
    const body = {
      prices: { key_0: price(1, "usd"), key_1: price(2, "eur"), key_2: price(3, "gbp") },
      limits: { minim_bd: { max: 1 }, Ut_96f: { max: 1.5 } },
      counts: { key_0: 4, key_1: 5 },
    };
    const { document } = convertInline(
      collection([
        item(
          "Update prices",
          { method: "PUT", url: "{{baseUrl}}/prices", header: [{ key: "Content-Type", value: "application/json" }], body: { mode: "raw", raw: JSON.stringify({ prices: body.prices, note: "sent" }), options: { raw: { language: "json" } } } },
          [saved(200, body)],
        ),
      ]),
    );
    const op = document.paths["/prices"]!.put!;
    const media = op.responses["200"]!.content!["application/json"]!;
    expect(media.example).toEqual({ prices: { key_0: price(1, "usd") }, limits: body.limits, counts: body.counts });
    const priceSchema = { type: "object", properties: { amount: { type: "integer" }, currency: { type: "string" }, tiers: { type: "array", items: { type: "object", properties: { upTo: { type: "integer" } } } } } };
    expect(media.schema).toEqual({
      type: "object",
      properties: {
        prices: { type: "object", additionalProperties: priceSchema },
        limits: { type: "object", additionalProperties: { type: "object", properties: { max: { type: "number" } } } },
        counts: { type: "object", additionalProperties: { type: "integer" } },
      },
    });
    expect(op.requestBody!.content["application/json"]!.example).toEqual({ prices: body.prices, note: "sent" });
  });

  it("a map is never shortened below its schema's minProperties, so the example stays valid", () => {
    const point = (x: number) => ({ x, y: x + 1 });
    const pointSchema = { type: "object", properties: { x: { type: "integer" }, y: { type: "integer" } } };
    const media = { schema: { $ref: "#/components/schemas/Route" }, example: { points: { key_0: point(1), key_1: point(2), key_2: point(3) } } };
    const document = (minProperties?: number) =>
      ({
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        paths: { "/route": { get: { responses: { "200": { description: "OK", content: { "application/json": media } } } } } },
        components: { schemas: { Route: { type: "object", properties: { points: { type: "object", ...(minProperties === undefined ? {} : { minProperties }), additionalProperties: pointSchema } } } } },
      }) as unknown as OpenApiDocument;
    const example = (doc: OpenApiDocument) => doc.paths["/route"]!.get!.responses["200"]!.content!["application/json"]!.example;
    expect(example(shareRepeatedObjects(document(2)))).toEqual({ points: { key_0: point(1), key_1: point(2) } });
    expect(example(shareRepeatedObjects(document()))).toEqual({ points: { key_0: point(1) } });
  });

  it("a long example (200 characters of JSON or more) given in two places is written once under components/examples, named after its schema, and referenced from both; a short one stays where it is", () => {
    const error = {
      error: {
        code: "not_found",
        message: "No such pet",
        details: "The pet you asked for does not exist in this store, or it was sold: ask for the list of pets to see those on sale today.",
        docs: "https://example.com/docs/errors#not_found",
      },
    };
    const { document } = convertJson(
      collection([
        item("Get a pet", { url: "{{baseUrl}}/pets/1" }, [saved(200, { id: 1, name: "doggie" }), saved(404, error)]),
        item("Delete a pet", { method: "DELETE", url: "{{baseUrl}}/pets/1" }, [saved(410, error)]),
        item("Get a toy", { url: "{{baseUrl}}/toys/1" }, [saved(200, { id: 1, name: "doggie" })]),
      ]),
    );
    expect(document.paths["/pets/1"]!.get!.responses["404"]!.content!["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/Error" });
    const name = "ErrorExample";
    expect(document.paths["/pets/1"]!.get!.responses["404"]!.content!["application/json"]!.examples).toEqual({ [name]: { $ref: `#/components/examples/${name}` } });
    expect(document.paths["/pets/1"]!.delete!.responses["410"]!.content!["application/json"]!.examples).toEqual({ [name]: { $ref: `#/components/examples/${name}` } });
    expect((document.components as { examples?: unknown }).examples).toEqual({ [name]: { value: error } });
    // Short, or used once: stays where it is.
    expect(document.paths["/pets/1"]!.get!.responses["200"]!.content!["application/json"]!.example).toEqual({ id: 1, name: "doggie" });
    expect(document.paths["/toys/1"]!.get!.responses["200"]!.content!["application/json"]!.example).toEqual({ id: 1, name: "doggie" });
  });
});

describe("an item named by its description", () => {
  it("a paragraph: the summary is its first sentence, the description the rest, the operationId at most eight words of that sentence", () => {
    const text = "Full details for a single build. The response includes all of the fields from the build summary.\nThis is also the payload for the notification webhooks.";
    const { document } = convertJson(collection([item(`${text}\n`, { url: "{{baseUrl}}/builds/1", description: text })]));
    const op = document.paths["/builds/1"]!.get!;
    expect([op.operationId, op.summary, op.description]).toEqual([
      "fullDetailsForASingleBuild",
      "Full details for a single build.",
      "The response includes all of the fields from the build summary.\nThis is also the payload for the notification webhooks.",
    ]);
  });

  it("a sentence does not end at an abbreviation or inside parentheses", () => {
    const text = "Returns the profile of a user (e.g. name, email) in the U.S. region (v2. only). Deleted users are left out.";
    const { document } = convertJson(collection([item(text, { url: "{{baseUrl}}/profile", description: text })]));
    const op = document.paths["/profile"]!.get!;
    expect([op.summary, op.description]).toEqual(["Returns the profile of a user (e.g. name, email) in the U.S. region (v2. only).", "Deleted users are left out."]);
  });

  it("a sentence ends at `no.`, at `etc.` before a capital, and at a single letter before a capitalised word", () => {
    const cases = [
      ["Check whether the account may use basic auth: yes or no. Requires an admin token.", "Check whether the account may use basic auth: yes or no.", "Requires an admin token."],
      ["Lists pets, toys, etc. Deleted ones are left out.", "Lists pets, toys, etc.", "Deleted ones are left out."],
      ["Returns items of type A. Items of type B are not returned.", "Returns items of type A.", "Items of type B are not returned."],
      // Still abbreviations: `etc.` before a lower-case word, a letter before another `X.` or a lower-case word.
      ["Lists pets, toys, etc. and their owners. Deleted ones are left out.", "Lists pets, toys, etc. and their owners.", "Deleted ones are left out."],
      ["Returns the U. S. offices and the type A. items only. Closed ones are left out.", "Returns the U. S. offices and the type A. items only.", "Closed ones are left out."],
    ];
    const { document } = convertJson(collection(cases.map(([text], i) => item(text!, { url: `{{baseUrl}}/things/${i}`, description: text }))));
    expect(cases.map((_, i) => [document.paths[`/things/${i}`]!.get!.summary, document.paths[`/things/${i}`]!.get!.description])).toEqual(cases.map(([, head, rest]) => [head, rest]));
  });

  it("a first sentence or a cut id another operation also has gives way to the whole item name, as summary and as id, in any item order", () => {
    const builds = "This endpoint is deprecated. Use the v2 list of builds instead, which pages its results.";
    const projects = "This endpoint is deprecated. Use the v2 list of projects instead.";
    const pipelines = "This endpoint is deprecated. Use the v2 pipelines.";
    const me = "Returns the user's own profile. Works with any token.";
    const items = [
      item(builds, { url: "{{baseUrl}}/builds", description: builds }),
      item(projects, { url: "{{baseUrl}}/projects", description: projects }),
      { name: "Pipelines", item: [item(pipelines, { url: "{{baseUrl}}/pipelines", description: pipelines })] },
      item(me, { url: "{{baseUrl}}/me", description: me }),
    ];
    const view = (document: ReturnType<typeof convertJson>["document"]) =>
      Object.fromEntries(Object.entries(document.paths).map(([path, ops]) => [path, [ops.get!.operationId, ops.get!.summary, ops.get!.description]]));
    const want = {
      "/builds": ["thisEndpointIsDeprecatedUseTheV2ListOfBuildsInsteadWhichPagesItsResults", builds, undefined],
      "/projects": ["thisEndpointIsDeprecatedUseTheV2ListOfProjectsInstead", projects, undefined],
      "/pipelines": ["thisEndpointIsDeprecatedUseTheV2Pipelines", pipelines, undefined],
      // Unique: split as before.
      "/me": ["returnsTheUsersOwnProfile", "Returns the user's own profile.", "Works with any token."],
    };
    expect(view(convertJson(collection(items)).document)).toEqual(want);
    expect(view(convertJson(collection([...items].reverse())).document)).toEqual(want);
  });

  it("a first sentence that is another operation's whole name gives way too", () => {
    const text = "List the builds. Newest first.";
    const { document } = convertJson(collection([item(text, { url: "{{baseUrl}}/a", description: text }), item("List the builds.", { url: "{{baseUrl}}/b" })]));
    expect([document.paths["/a"]!.get!.operationId, document.paths["/a"]!.get!.summary, document.paths["/a"]!.get!.description]).toEqual(["listTheBuildsNewestFirst", text, undefined]);
    expect([document.paths["/b"]!.get!.operationId, document.paths["/b"]!.get!.summary]).toEqual(["listTheBuilds", "List the builds."]);
  });

  it("one sentence: written once, as the summary; a long one gives an operationId of its first eight words", () => {
    const text = "This operation has a `requestBody` with a `readOnly` and a `writeOnly` property, as well as a response with the same.";
    const { document } = convertJson(collection([item(text, { method: "POST", url: "{{baseUrl}}/", description: `${text}\n` })]));
    const op = document.paths["/"]!.post!;
    expect(op.operationId).toBe("thisOperationHasARequestBodyWithAReadOnly");
    expect(op.summary).toBe(text);
    expect(op.description).toBeUndefined();
  });

  it("a cut that would give two operations one name keeps their whole sentences", () => {
    const a = "Lists the builds of the project that are queued or running right now";
    const b = "Lists the builds of the project that are finished";
    const { document } = convertJson(collection([item(a, { url: "{{baseUrl}}/running", description: a }), item(b, { url: "{{baseUrl}}/finished", description: b })]));
    expect(document.paths["/running"]!.get!.operationId).toBe("listsTheBuildsOfTheProjectThatAreQueuedOrRunningRightNow");
    expect(document.paths["/finished"]!.get!.operationId).toBe("listsTheBuildsOfTheProjectThatAreFinished");
  });

  it("a name that is not its description keeps its words, its punctuation and the description", () => {
    const { document } = convertJson(collection([item("Create a payment (Ver. 2) for the merchant of this account today", { method: "POST", description: "Creates a payment." })]));
    const op = document.paths["/things"]!.post!;
    expect([op.operationId, op.summary, op.description]).toEqual(["createAPaymentVer2ForTheMerchantOfThisAccountToday", "Create a payment (Ver. 2) for the merchant of this account today", "Creates a payment."]);
  });
});
