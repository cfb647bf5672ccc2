/**
 * Issue 10, spec size: what a collection repeats is written once, and nothing it states is lost.
 * openapi-to-postmanv2 (Example style) draws a fresh sample of one schema for each place it is
 * used (a pet for one response, a list of pets for another): alike all the way down, other
 * values. Each keeps its own values where it is (they differ, and a reader of one operation
 * would miss them); only examples given word for word are shared.
 */
import { describe, expect, it } from "vitest";
import { shareRepeatedObjects } from "../../codegen/convert/shared-objects.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { collection, convertJson, item } from "../helpers.js";

const saved = (code: number, body: unknown) => ({ name: String(code), code, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) });
const pet = (id: number, name: string, status: string) => ({ id, name, status, photoUrls: [`https://example.com/${name}.png`], owner: { id: id * 10, email: `${name}@example.com` } });
type Media = { schema?: unknown; example?: unknown; examples?: unknown };

describe("alike examples of one schema", () => {
  const items = [
    item("Get a pet", { url: "{{baseUrl}}/pets/1" }, [saved(200, pet(1, "rex", "sold"))]),
    item("Update a pet", { method: "PUT", url: "{{baseUrl}}/pets/1" }, [saved(200, pet(1, "rex", "sold"))]),
    item("List pets", { url: "{{baseUrl}}/pets" }, [saved(200, [pet(2, "tom", "available"), pet(3, "kit", "pending")])]),
  ];
  const media = (document: OpenApiDocument, path: string, method: string, status = "200") =>
    (document.paths[path] as Record<string, { responses: Record<string, { content?: Record<string, Media> }> }>)[method]!.responses[status]!.content!["application/json"]!;
  const shown = (document: OpenApiDocument, m: Media): unknown => {
    if ("example" in m) return m.example;
    const ref = Object.values((m.examples ?? {}) as Record<string, { $ref: string }>)[0]?.$ref;
    return ref === undefined ? undefined : (document.components as { examples: Record<string, { value: unknown }> }).examples[ref.split("/").pop()!]!.value;
  };

  it("each keep their own values where they are: another pet is not the same pet (GitHub's collection lost 60 such values when alike samples moved onto the schema)", () => {
    const { document } = convertJson(collection(items));
    expect(shown(document, media(document, "/pets/1", "get"))).toEqual(pet(1, "rex", "sold"));
    expect(shown(document, media(document, "/pets/1", "put"))).toEqual(pet(1, "rex", "sold"));
    expect(shown(document, media(document, "/pets", "get"))).toEqual([pet(2, "tom", "available")]); // a list of alike items is cut to its first (withShortExamples);
    expect((document.components!.schemas as Record<string, { example?: unknown }>).Pet!.example).toBeUndefined();
    // The same in any item order.
    expect(convertJson(collection([...items].reverse())).document.components).toEqual(document.components);
  });

  it("an error response keeps its own message, though other operations' errors share its schema", () => {
    const error = (code: string, message: string) => ({ error: { code, message } });
    const { document } = convertJson(
      collection([
        item("Create a user", { method: "POST", url: "{{baseUrl}}/users" }, [saved(400, error("invalid_email", "email must contain @"))]),
        item("Create an order", { method: "POST", url: "{{baseUrl}}/orders" }, [saved(400, error("out_of_stock", "item 42 is out of stock"))]),
        item("Delete an order", { method: "DELETE", url: "{{baseUrl}}/orders/1" }, [saved(409, error("already_shipped", "a shipped order cannot be deleted"))]),
      ]),
    );
    expect(shown(document, media(document, "/users", "post", "400"))).toEqual(error("invalid_email", "email must contain @"));
    expect(shown(document, media(document, "/orders", "post", "400"))).toEqual(error("out_of_stock", "item 42 is out of stock"));
    expect(shown(document, media(document, "/orders/1", "delete", "409"))).toEqual(error("already_shipped", "a shipped order cannot be deleted"));
  });

  it("a sample alike or not keeps every example where it is; only its schema's own example word for word is not written again", () => {
    const schema = { type: "object", properties: { id: { type: "number" }, name: { type: "string" }, nickname: { type: "string" } } };
    const at = (example: unknown, list = false) => ({
      get: { responses: { "200": { description: "OK", content: { "application/json": { schema: list ? { type: "array", items: { $ref: "#/components/schemas/Pet" } } : { $ref: "#/components/schemas/Pet" }, example } } } } },
    });
    const document = (a: unknown, b: unknown, pet: object = schema) =>
      ({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/a": at(a), "/b": at(b, true) }, components: { schemas: { Pet: pet } } }) as unknown as OpenApiDocument;
    const examples = (d: OpenApiDocument) => [d.paths["/a"]!.get!.responses["200"]!.content!["application/json"]!.example, d.paths["/b"]!.get!.responses["200"]!.content!["application/json"]!.example, (d.components!.schemas as Record<string, { example?: unknown }>).Pet!.example];
    const rex = { id: 1, name: "rex" };
    expect(examples(shareRepeatedObjects(document(rex, [{ id: 2, name: "tom", nickname: "Tommy" }])))).toEqual([rex, [{ id: 2, name: "tom", nickname: "Tommy" }], undefined]);
    expect(examples(shareRepeatedObjects(document(rex, [{ id: 2, name: "tom" }])))).toEqual([rex, [{ id: 2, name: "tom" }], undefined]);
    expect(examples(shareRepeatedObjects(document(rex, [{ id: 2, name: "tom" }], { ...schema, example: rex })))).toEqual([undefined, [{ id: 2, name: "tom" }], rex]);
  });

  it("a request example stays where it is sent, whole", () => {
    const body = JSON.stringify(pet(5, "bo", "pending"));
    const { document } = convertJson(
      collection([...items, item("Add a pet", { method: "POST", url: "{{baseUrl}}/pets", header: [{ key: "Content-Type", value: "application/json" }], body: { mode: "raw", raw: body } }, [saved(201, pet(5, "bo", "pending"))])]),
    );
    const body201 = document.paths["/pets"]!.post!.requestBody!.content["application/json"] as Media;
    expect(shown(document, body201)).toEqual(pet(5, "bo", "pending"));
  });
});

describe("examples given word for word", () => {
  const doc = (uses: number, example: unknown, schema: unknown = { type: "object" }): OpenApiDocument =>
    ({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: Object.fromEntries(
        Array.from({ length: uses }, (_, i) => [`/things/${i}`, { get: { operationId: `getThing${i}`, responses: { "200": { description: "OK", content: { "application/json": { schema, example } } } } } }]),
      ),
    }) as unknown as OpenApiDocument;
  // As the document is written (serialize.ts): 2-space JSON.
  const size = (d: OpenApiDocument) => JSON.stringify(d, null, 2).length;
  /** doc(uses, example) with the example written once under components/examples by hand. */
  const byHand = (uses: number, example: unknown): OpenApiDocument => {
    const d = doc(uses, example) as unknown as { paths: Record<string, { get: { responses: { "200": { content: Record<string, Media> } } } }>; components?: unknown };
    for (const item of Object.values(d.paths)) item.get.responses["200"].content["application/json"] = { schema: { type: "object" }, examples: { GetThing0ResponseExample: { $ref: "#/components/examples/GetThing0ResponseExample" } } };
    return { ...(d as unknown as OpenApiDocument), components: { examples: { GetThing0ResponseExample: { value: example } } } } as unknown as OpenApiDocument;
  };
  // 150 characters of JSON.
  const example = { note: "x".repeat(150 - '{"note":""}'.length) };

  it("are shared under components/examples exactly when that makes the document shorter, whatever their length", () => {
    expect(JSON.stringify(example).length).toBe(150);
    const twice = shareRepeatedObjects(doc(2, example));
    expect(twice).toEqual(doc(2, example));
    const thirteen = shareRepeatedObjects(doc(13, example));
    expect((thirteen.components as { examples?: unknown }).examples).toEqual({ GetThing0ResponseExample: { value: example } });
    expect(thirteen.paths["/things/3"]!.get!.responses["200"]!.content!["application/json"]).toEqual({
      schema: { type: "object" },
      examples: { GetThing0ResponseExample: { $ref: "#/components/examples/GetThing0ResponseExample" } },
    });
    expect(size(thirteen)).toBeLessThan(size(doc(13, example)));
  });

  it("measure the document as it is written, 2-space JSON, the components/examples container included", () => {
    const shares = (uses: number, value: unknown) => (shareRepeatedObjects(doc(uses, value)).components as { examples?: unknown } | undefined)?.examples !== undefined;
    const shorter = (uses: number, value: unknown) => size(byHand(uses, value)) < size(doc(uses, value));
    // The 150-character example on one line: a reference is 194 characters at a media type's depth, so it takes many uses.
    const counts = Array.from({ length: 14 }, (_, i) => i + 1);
    expect(counts.filter((n) => shares(n, example))).toEqual(counts.filter((n) => shorter(n, example)));
    expect(counts.filter((n) => shares(n, example))[0]).toBe(13);
    // A many-line example pays its indentation at every copy: twice is already worth sharing.
    const lines = { a: { b: { c: [1, 2, 3], d: "z".repeat(40) } }, e: [1, 2, 3], g: "w".repeat(40) };
    expect(counts.filter((n) => shares(n, lines))).toEqual(counts.filter((n) => shorter(n, lines)));
    expect(shareRepeatedObjects(doc(2, lines))).toEqual(byHand(2, lines));
  });

  it("a response example that is its schema's own example is not written again", () => {
    const own = { id: 7, name: "rex" };
    const d = shareRepeatedObjects(doc(1, own, { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } }, example: own }));
    expect(d.paths["/things/0"]!.get!.responses["200"]!.content!["application/json"]!.example).toBeUndefined();
    const other = shareRepeatedObjects(doc(1, { id: 8, name: "tom" }, { type: "object", example: own }));
    expect(other.paths["/things/0"]!.get!.responses["200"]!.content!["application/json"]!.example).toEqual({ id: 8, name: "tom" });
  });
});
