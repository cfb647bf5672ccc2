import { describe, expect, it } from "vitest";
import { collection, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";

const example = (code: number, name: string, body: string, contentType: string, status?: string) => ({
  name,
  code,
  ...(status ? { status } : {}),
  header: [{ key: "Content-Type", value: contentType }],
  body,
});

describe("responses", () => {
  const responses = (...examples: ReturnType<typeof example>[]) =>
    onlyOperation(convertJson(collection([item("Get", {}, examples)])).document).operation.responses;

  it("one response per status code, ordered by code; the Markdown scaffolding of the name goes, the rest stays", () => {
    expect(
      responses(
        example(404, "**HTTP Status Code:** `404` **Not Found**<br>\n**Error Code:** `1012` <br>\nRoom does not exist: {roomId}.\n\n\n", "", "text/plain"),
        example(400, "**HTTP Status Code:** `400` **Bad Request**<br>\n**Error Code:** `300`<br>\n* Zoom Room is offline.\n* Invalid parameters.", "", "text/plain"),
      ),
    ).toEqual({
      "400": { description: "**Error Code:** `300`\n* Zoom Room is offline.\n* Invalid parameters." },
      "404": { description: "**Error Code:** `1012`\nRoom does not exist: {roomId}." },
    });
  });

  it("a JSON body gives an inferred schema and the example; one example says nothing of what is required", () => {
    expect(responses(example(200, "**HTTP Status Code:** `200` **OK** <br>\nRegistrants added.", '{"registrants":[{"registrant_id":"r1","email":"a@example.com"}]}', "application/json"))).toEqual({
      "200": {
        description: "Registrants added.",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: {
                registrants: {
                  type: "array",
                  items: { type: "object", properties: { registrant_id: { type: "string" }, email: { type: "string", format: "email" } } },
                },
              },
            },
            example: { registrants: [{ registrant_id: "r1", email: "a@example.com" }] },
          },
        },
      },
    });
  });

  it("a 204 has no content even when the example has a body; an empty text/plain body adds no content", () => {
    expect(responses(example(204, "**HTTP Status Code:** `204`<br>\nStatus updated.", '""', "application/json"), example(429, "Too many.", "", "text/plain"))).toEqual({
      "204": { description: "Status updated." },
      "429": { description: "Too many." },
    });
  });

  it("'Untitled Example' with an empty body adds nothing beyond its status", () => {
    expect(responses(example(200, "Untitled Example", "", "text/plain", "OK"))).toEqual({ "200": { description: "OK" } });
  });

  it("several examples of one status merge their schemas: a field missing from some is optional", () => {
    const r = responses(example(200, "First", '{"id":1,"name":"a"}', "application/json"), example(200, "Second", '{"id":2}', "application/json"));
    expect(r["200"]!.content!["application/json"]!.schema).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, name: { type: "string" } },
      required: ["id"],
    });
    expect(Object.keys(r["200"]!.content!["application/json"]!.examples!)).toEqual(["first", "second"]);
  });

  it("examples that share their name are one documented response's (openapi-to-postmanv2 6): they make nothing required", () => {
    // Written here after the shape openapi-to-postmanv2 6 gives a response with two `examples`:
    // two saved responses of one code, both named by the response's description.
    const named = "The created certificate.";
    const r = responses(
      example(201, named, '{"certificate":{"id":1},"action":{"id":13}}', "application/json"),
      example(201, named, '{"certificate":{"id":2},"action":{"id":14}}', "application/json"),
    );
    expect(r["201"]!.content!["application/json"]!.schema).toEqual({
      type: "object",
      properties: { certificate: { type: "object", properties: { id: { type: "integer" } } }, action: { type: "object", properties: { id: { type: "integer" } } } },
    });
    // Named apart, the same two bodies are two observations: what both carry is required.
    const apart = responses(
      example(201, "Managed", '{"certificate":{"id":1},"action":{"id":13}}', "application/json"),
      example(201, "Uploaded", '{"certificate":{"id":2},"action":{"id":14}}', "application/json"),
    );
    expect(apart["201"]!.content!["application/json"]!.schema!.required).toEqual(["certificate", "action"]);
  });

  it("a property that is null in one of the examples is not required: null shows the key, not a value that always comes back", () => {
    const r = responses(
      example(201, "Managed", '{"certificate":{"id":1},"action":{"id":13}}', "application/json"),
      example(201, "Uploaded", '{"certificate":{"id":2},"action":null}', "application/json"),
    );
    expect(r["201"]!.content!["application/json"]!.schema).toEqual({
      type: "object",
      properties: { certificate: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] }, action: { type: "object", properties: { id: { type: "integer" } }, nullable: true } },
      required: ["certificate"],
    });
  });
});
