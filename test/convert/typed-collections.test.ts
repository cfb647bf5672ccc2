/**
 * Postman's typed collections (issue 10): where a request or saved response carries a JSON Schema,
 * that schema is used instead of inferring from the sample, and the sample stays the example.
 * The fixture is written here in the shape openapi-to-postmanv2's `convertV2WithTypes` returns
 * (`{ result, output: [{ type: "collection", data }], extractedTypes }`, each type JSON text).
 */
import { describe, expect, it } from "vitest";
import { isDeclaredSchema } from "../../codegen/postman/typed-schema.js";
import { collection, convertJson as convertWithComponents, item, type Json } from "../helpers.js";
import { convertJson } from "./inline.js";
import { redoclyErrors } from "./redocly.js";

const text = (value: unknown) => JSON.stringify(value, null, 2);

/** A pet store collection: GET and PUT /pets/:petId, with saved 200 responses. */
function pets(): Json {
  const get = item(
    "Get a pet",
    {
      url: {
        raw: "{{baseUrl}}/pets/:petId?site id=b",
        host: ["{{baseUrl}}"],
        path: ["pets", ":petId"],
        query: [{ key: "site id", value: "b" }],
        variable: [{ key: "petId", value: "0042", description: "The pet's id." }],
      },
      header: [{ key: "X-Trace", value: "1234" }],
    },
    [
      {
        name: "A pet",
        code: 200,
        header: [{ key: "Content-Type", value: "application/json" }, { key: "X-Rate", value: "100" }],
        body: text({ id: 42, name: null, tags: ["<string>"] }),
      },
    ],
  );
  const put = item("Rename a pet", {
    method: "PUT",
    url: { raw: "{{baseUrl}}/pets/:petId", host: ["{{baseUrl}}"], path: ["pets", ":petId"] },
    header: [{ key: "Content-Type", value: "application/json" }],
    body: { mode: "raw", raw: text({ name: "Rex", kind: "dog" }), options: { raw: { language: "json" } } },
  });
  return collection([get, put]);
}

/** The types openapi-to-postmanv2 writes for those two requests, as JSON text. */
function extractedTypes(overrides: Json = {}): Json {
  return {
    "get/pets/{petId}": {
      request: {
        headers: text([{ keyName: "X-Trace", properties: { type: "string", default: "<string>" } }]),
        pathParam: text([{ keyName: "petId", properties: { type: "string", format: "uuid", default: "<uuid>", required: true } }]),
        queryParam: text([{ keyName: "site id", properties: { type: "string", enum: ["a", "b"] } }]),
      },
      response: {
        "200": {
          body: text({
            type: "object",
            properties: {
              id: { type: "integer", format: "int64" },
              name: { type: ["string", "null"], description: "The pet's name." },
              tags: { type: "array", items: { type: "string" } },
            },
            required: ["id"],
          }),
          headers: text([{ keyName: "X-Rate", properties: { type: "integer", default: "<integer>" } }]),
        },
      },
    },
    "put/pets/{petId}": {
      request: {
        body: text({
          type: "object",
          properties: { name: { type: "string", minLength: 1, maxLength: 40 }, kind: { type: "string", enum: ["cat", "dog"] } },
          required: ["name"],
        }),
        headers: "[]",
        pathParam: "[]",
        queryParam: "[]",
      },
      response: {},
    },
    ...overrides,
  };
}

const typed = (types: Json, data: Json = pets()) => ({ result: true, output: [{ type: "collection", data }], extractedTypes: types });

describe("typed collections", () => {
  it("a saved response's schema replaces the inferred one: required and nullable as typed, the sample kept as example", async () => {
    const { document, diagnostics } = convertJson(typed(extractedTypes()));
    const response = document.paths["/pets/{petId}"]!.get!.responses["200"]!;
    expect(response.content!["application/json"]).toEqual({
      schema: {
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          name: { nullable: true, type: "string", description: "The pet's name." },
          tags: { type: "array", items: { type: "string" } },
        },
        required: ["id"],
      },
    });
    // A typed response header: its sample is typed like the schema; the placeholder default is no default.
    expect(response.headers).toEqual({ "X-Rate": { schema: { type: "integer" }, example: 100 } });
    expect(diagnostics).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("the request body's schema replaces the inferred one; the sample stays the example", () => {
    const { document } = convertJson(typed(extractedTypes()));
    expect(document.paths["/pets/{petId}"]!.put!.requestBody).toEqual({
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            properties: { name: { type: "string", minLength: 1, maxLength: 40 }, kind: { type: "string", enum: ["cat", "dog"] } },
            required: ["name"],
          },
          example: { name: "Rex", kind: "dog" },
        },
      },
    });
  });

  it("a typed form body: its schema, the fields' own descriptions where the type has none, the JSON field's encoding kept", () => {
    const upload = item("Add a photo", {
      method: "POST",
      url: { raw: "{{baseUrl}}/pets/:petId/photos", host: ["{{baseUrl}}"], path: ["pets", ":petId", "photos"] },
      body: {
        mode: "formdata",
        formdata: [
          { key: "caption", value: "12", type: "text", description: "Shown under the photo." },
          { key: "meta", value: '{"w":1}', type: "text" },
          { key: "file", type: "file", src: [] },
        ],
      },
    });
    const types = {
      "post/pets/{petId}/photos": {
        request: {
          body: text({
            type: "object",
            properties: { caption: { type: "string" }, meta: { type: "object", description: "Sizes." }, file: { type: "string", format: "binary" } },
            required: ["file"],
          }),
        },
        response: {},
      },
    };
    const { document, diagnostics } = convertJson(typed(types, collection([upload])));
    expect(document.paths["/pets/{petId}/photos"]!.post!.requestBody).toEqual({
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: {
              caption: { type: "string", description: "Shown under the photo." },
              meta: { type: "object", description: "Sizes." },
              file: { type: "string", format: "binary" },
            },
            required: ["file"],
          },
          encoding: { meta: { contentType: "application/json" } },
          // Read alone, "12" would be the integer 12; typed string, it is the text it was.
          example: { caption: "12", meta: { w: 1 } },
        },
      },
    });
    expect(diagnostics).toEqual([]);
  });

  it("typed path, query and header parameters: their schema, and the sample as an example of that type", () => {
    const { document, diagnostics } = convertJson(typed(extractedTypes()));
    expect(document.paths["/pets/{petId}"]!.get!.parameters).toEqual([
      // "0042" read alone would be a string anyway; typed uuid, it keeps its text.
      { name: "petId", in: "path", description: "The pet's id.", required: true, schema: { type: "string", format: "uuid" }, example: "0042" },
      { name: "site id", in: "query", schema: { type: "string", enum: ["a", "b"] }, example: "b" },
      // Inferred alone, "1234" would be an integer; the type says string.
      { name: "X-Trace", in: "header", schema: { type: "string" }, example: "1234" },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("a declared schema can be told from an inferred one (stages that reconcile inferred types leave it be)", () => {
    // Through the pipeline as the CLI runs it (inline.js copies schemas, and identity is the point here).
    const typedParameters = convertWithComponents(typed(extractedTypes())).document.paths["/pets/{petId}"]!.get!.parameters!;
    const inferredParameters = convertWithComponents(pets()).document.paths["/pets/{petId}"]!.get!.parameters!;
    expect(typedParameters.map((p) => isDeclaredSchema(p.schema))).toEqual([true, true, true]);
    expect(inferredParameters.map((p) => isDeclaredSchema(p.schema))).toEqual([false, false, false]);
  });

  it("without types (the same collection exported by Postman) everything is inferred", () => {
    const { document } = convertJson(pets());
    // Its one sample holds a placeholder, so nothing is required, and a null says nothing of `name`'s type.
    expect(document.paths["/pets/{petId}"]!.get!.responses["200"]!.content!["application/json"]!.schema).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, name: {}, tags: { type: "array", items: { type: "string" } } },
    });
    expect(document.paths["/pets/{petId}"]!.get!.parameters![2]).toEqual({ name: "X-Trace", in: "header", schema: { type: "integer" }, example: 1234 });
  });

  it("JSON Schema spellings become OpenAPI 3.0's: type lists, const, examples, oneOf, allOf, tuples, exclusive bounds, map bounds; a `$ref` property is left out", () => {
    const body = {
      allOf: [
        { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
        {
          properties: {
            state: { const: "open" },
            size: { type: ["integer", "string"] },
            when: { type: "string", format: "date-time", examples: ["2024-01-01T00:00:00Z"] },
            any: true,
            pair: { type: "array", items: [{ type: "string" }, { type: "integer" }] },
            shape: { oneOf: [{ type: "string" }, { type: "null" }] },
            label: { enum: ["x", null] },
            $ref: { type: "string" },
            code: { type: "string", pattern: "^[A-Z]{3}$", title: "Code", readOnly: true },
            score: { type: "number", exclusiveMinimum: 0, maximum: 10, multipleOf: 0.5 },
            ids: { type: "array", items: { type: "integer" }, minItems: 1, maxItems: 5, uniqueItems: true },
            labels: { type: "object", additionalProperties: { type: "string" }, minProperties: 2, maxProperties: 9 },
          },
          required: ["state", "missing", "$ref"],
        },
      ],
    };
    const types = extractedTypes({ "put/pets/{petId}": { request: { body: text(body) }, response: {} } });
    const { document, diagnostics } = convertJson(typed(types));
    expect(document.paths["/pets/{petId}"]!.put!.requestBody!.content["application/json"]!.schema).toEqual({
      type: "object",
      properties: {
        id: { type: "integer" },
        state: { enum: ["open"] },
        size: { anyOf: [{ type: "integer" }, { type: "string" }] },
        when: { type: "string", format: "date-time", example: "2024-01-01T00:00:00Z" },
        any: {},
        pair: { type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
        shape: { anyOf: [{ type: "string" }, { nullable: true }] },
        label: { nullable: true, enum: ["x"] },
        code: { type: "string", title: "Code", pattern: "^[A-Z]{3}$", readOnly: true },
        score: { type: "number", maximum: 10, multipleOf: 0.5, minimum: 0, exclusiveMinimum: true },
        ids: { type: "array", items: { type: "integer" }, minItems: 1, maxItems: 5, uniqueItems: true },
        labels: { type: "object", additionalProperties: { type: "string" }, minProperties: 2, maxProperties: 9 },
      },
      required: ["id", "state"],
    });
    expect(diagnostics).toEqual([]);
  });

  it("a bad schema is a warning naming the item and the types' pointer, and the body is inferred instead", () => {
    const types = extractedTypes({
      "put/pets/{petId}": { request: { body: text({ type: "object", properties: { name: { type: "text" } } }) }, response: {} },
    });
    const { document, diagnostics } = convertJson(typed(types));
    expect(diagnostics.map((d) => [d.code, d.message, d.at.pointer, d.at.item])).toEqual([
      [
        "invalid-shape",
        'the typed collection\'s schema of the request body is not a schema OpenAPI 3.0 can hold (the type "text" is not one of object, array, string, integer, number, boolean (or null) at properties.name.type); the request body is typed from its sample instead',
        "#/extractedTypes/put~1pets~1{petId}/request/body",
        "Rename a pet",
      ],
    ]);
    expect(document.paths["/pets/{petId}"]!.put!.requestBody!.content["application/json"]!.schema).toEqual({
      type: "object",
      properties: { name: { type: "string" }, kind: { type: "string" } },
    });
  });

  it("types that are not JSON, or that match no request, are named in warnings; nothing else changes", () => {
    const types = extractedTypes({ "delete/owners/{id}": { request: {}, response: {} } });
    (types["get/pets/{petId}"] as Json).request = { queryParam: "[{ not json" };
    const { diagnostics } = convertJson(typed(types));
    expect(diagnostics.map((d) => [d.code, d.at.pointer])).toEqual([
      ["invalid-shape", "#/extractedTypes/get~1pets~1{petId}/request/queryParam"],
      ["invalid-shape", "#/extractedTypes/delete~1owners~1{id}"],
    ]);
    expect(diagnostics[1]!.message).toBe("the types of delete/owners/{id} match no request of the collection (method and path); they were not used");
  });

  it("a typed enum the sample is not in: the example is left out with a warning", () => {
    const types = extractedTypes();
    (types["get/pets/{petId}"] as Json).request = { queryParam: text([{ keyName: "site id", properties: { type: "string", enum: ["x", "y"] } }]) };
    const { document, diagnostics } = convertJson(typed(types));
    expect(document.paths["/pets/{petId}"]!.get!.parameters![1]).toEqual({ name: "site id", in: "query", schema: { type: "string", enum: ["x", "y"] } });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["example-not-in-enum", 'the example "b" of `site id` is not one of x, y; it was left out of the examples']]);
  });

  it("a spec's default response: the saved example without a code takes the types filed under \"default\"", () => {
    const data = pets();
    const get = (data.item as Json[])[0]!;
    (get.response as Json[]).push({ name: "Unexpected error", header: [{ key: "Content-Type", value: "application/json" }], body: text({ code: "E1", message: "no" }) });
    const types = extractedTypes();
    ((types["get/pets/{petId}"] as Json).response as Json).default = {
      body: text({ type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code"] }),
    };
    const { document, diagnostics } = convertJson(typed(types, data));
    expect(document.paths["/pets/{petId}"]!.get!.responses.default).toEqual({
      description: "Unexpected error",
      content: {
        "application/json": {
          schema: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code"] },
          example: { code: "E1", message: "no" },
        },
      },
    });
    expect(diagnostics).toEqual([]);
  });
});
