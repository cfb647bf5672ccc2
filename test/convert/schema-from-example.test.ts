import { describe, expect, it } from "vitest";
import { inferFromText, inferSchema, RECURSION } from "../../codegen/convert/schema-from-example.js";

describe("schemas inferred from examples", () => {
  it("nested objects and arrays, integer vs number, formats when every sample agrees", () => {
    expect(
      inferSchema([
        {
          id: 7,
          price: 9.5,
          created: "2024-05-01T09:00:00Z",
          day: "2024-05-01",
          owner: { email: "a@example.com", id: "0b6f3a38-9f7e-4b7c-9f0e-6a4a8d2d1c11" },
          links: ["https://example.com/a"],
        },
      ]),
    ).toEqual({
      type: "object",
      properties: {
        id: { type: "integer" },
        price: { type: "number" },
        created: { type: "string", format: "date-time" },
        day: { type: "string", format: "date" },
        owner: { type: "object", properties: { email: { type: "string", format: "email" }, id: { type: "string", format: "uuid" } } },
        links: { type: "array", items: { type: "string", format: "uri" } },
      },
    });
  });

  it("merges samples: a field missing from some is optional, null makes nullable, integer and number make number, other conflicts a union", () => {
    expect(inferSchema([{ a: 1, b: "x", c: 1, d: "s" }, { a: 2, b: null, c: 1.5, d: 3 }, { a: 3, c: 2 }])).toEqual({
      type: "object",
      properties: {
        a: { type: "integer" },
        b: { type: "string", nullable: true },
        c: { type: "number" },
        d: { anyOf: [{ type: "string" }, { type: "integer" }] },
      },
      required: ["a", "c"],
    });
  });

  it("the exporter's stand-in for an object it did not expand is no sample: no `value` property is invented", () => {
    const cut = { value: "<Error: Too many levels of nesting to fake this schema>" };
    const circular = { value: "<Circular reference to #/components/schemas/Card detected>" };
    // The cut schema's description may sit beside it (a string id behind a `$ref`, cut too deep).
    const described = { value: "<Error: Too many levels of nesting to fake this schema>", description: "object id for the user" };
    expect(inferSchema([{ name: "a", footer: cut, cards: [circular], userId: described, own: { value: "<string>" }, note: { value: "<Error: Too many levels of nesting>", by: "x" } }])).toEqual({
      type: "object",
      properties: {
        name: { type: "string" },
        footer: {},
        // A cycle mark straight in the body's object is the body (see the cycle test below).
        cards: { type: "array", items: { [RECURSION]: 0 } },
        // The cut schema's description is kept: what the property is, where no type can be.
        userId: { description: "object id for the user" },
        own: { type: "object", properties: { value: { type: "string" } } },
        // Another key beside `value`: an object of the API's (its `value` any type).
        note: { type: "object", properties: { value: {}, by: { type: "string" } } },
      },
    });
    // Beside a real sample, the stand-in neither adds a key nor makes the property optional; its description describes the property.
    expect(inferSchema([{ footer: { text: "x" } }, { footer: cut }, { footer: { ...cut, description: "The page footer." } }])).toEqual({
      type: "object",
      properties: { footer: { type: "object", properties: { text: { type: "string" } }, description: "The page footer." } },
    });
    // Two stand-ins that disagree: which text is this property's is unknown.
    expect(inferSchema([{ by: { ...cut, description: "One." } }, { by: { ...cut, description: "Two." } }], { required: false })).toEqual({ type: "object", properties: { by: {} } });
  });

  it("a cycle mark is the nearest enclosing object under the mark's own property name, else any type", () => {
    const mark = { value: "<Circular reference to #/components/schemas/Node detected>" };
    const node = (inner: unknown) => ({ type: "object", properties: { id: { type: "integer" }, inner } });
    // `inner` in an `inner`: the inner object holds itself (0 objects up).
    expect(inferSchema([{ id: 1, inner: { id: 2, inner: mark } }], { required: false })).toEqual(node(node({ [RECURSION]: 0 })));
    // Items of `children` in a `children` item; one object up through `boss` to the `manager`.
    expect(inferSchema([{ children: [{ children: ["<Circular reference to #/components/schemas/Tree detected>"] }] }], { required: false })).toEqual({
      type: "object",
      properties: { children: { type: "array", items: { type: "object", properties: { children: { type: "array", items: { [RECURSION]: 0 } } } } } },
    });
    expect(inferSchema([{ manager: { boss: { manager: mark } } }], { required: false })).toEqual({
      type: "object",
      properties: { manager: { type: "object", properties: { boss: { type: "object", properties: { manager: { [RECURSION]: 1 } } } } } },
    });
    // Straight in the body's object: the only object the exporter is expanding there, the body itself (0 up).
    // Under a name no enclosing object has, which object it names is a guess: any type.
    expect(inferSchema([{ id: 1, inner: mark, list: [mark], next: { id: 2, prev: mark } }], { required: false })).toEqual({
      type: "object",
      properties: {
        id: { type: "integer" },
        inner: { [RECURSION]: 0 },
        list: { type: "array", items: { [RECURSION]: 0 } },
        next: { type: "object", properties: { id: { type: "integer" }, prev: {} } },
      },
    });
    // In an array body's items the mark may stand for the array or its items: any type.
    expect(inferSchema([[{ id: 1, inner: mark }]], { required: false })).toEqual({
      type: "array",
      items: { type: "object", properties: { id: { type: "integer" }, inner: {} } },
    });
    // Beside a real sample the mark is no sample; inside a map's values it is not resolved.
    expect(inferSchema([{ inner: { inner: mark } }, { inner: { inner: "x" } }], { required: false })).toEqual({
      type: "object",
      properties: { inner: { type: "object", properties: { inner: { type: "string" } } } },
    });
    expect(inferSchema([{ inner: { key_0: { inner: mark } } }], { required: false })).toEqual({
      type: "object",
      properties: { inner: { type: "object", additionalProperties: { type: "object", properties: { inner: {} } } } },
    });
  });

  it("a map whose keys the exporter made up is additionalProperties, its values merged", () => {
    // openapi-to-postmanv2 6.x: key_0, key_1 …
    expect(inferSchema([{ tags: { key_0: "a", key_1: "b" } }], { required: false })).toEqual({
      type: "object",
      properties: { tags: { type: "object", additionalProperties: { type: "string" } } },
    });
    // 4.x: a lorem ipsum word and a random suffix.
    // (A word may end in a letter its suffix could start with: `ad` + `ff_`, `consequat` + `e`.)
    expect(inferSchema([{ footers: { adff_: 1, consequate: 2 } }], { required: false })).toEqual({
      type: "object",
      properties: { footers: { type: "object", additionalProperties: { type: "integer" } } },
    });
    expect(inferSchema([{ hooks: { Ut_96f: { url: "x" }, in8: { url: "y", on: true }, minim_bd: { url: "z" } } }], { required: false })).toEqual({
      type: "object",
      properties: {
        hooks: { type: "object", additionalProperties: { type: "object", properties: { url: { type: "string" }, on: { type: "boolean" } } } },
      },
    });
    // One word and a random suffix is the exporter's too.
    expect(inferSchema([{ hooks: { minim_bd: 1 } }], { required: false })).toEqual({ type: "object", properties: { hooks: { type: "object", additionalProperties: { type: "integer" } } } });
    // An API's own numbered keys stay properties, lorem words though their stems are (`eu`, `in`, `ad`, `id`): one word, counted.
    for (const keys of [["eu1", "eu2"], ["in1", "in2", "in3"], ["ad1", "ad2"], ["id_1", "id_2"], ["in8"]]) {
      const value = Object.fromEntries(keys.map((k) => [k, { url: "x" }]));
      expect(inferSchema([{ regions: value }], { required: false }), keys.join()).toEqual({
        type: "object",
        properties: { regions: { type: "object", properties: Object.fromEntries(keys.map((k) => [k, { type: "object", properties: { url: { type: "string" } } }])) } },
      });
    }
    // Real keys stay properties: a lorem word without a digit or underscore (`add`, `idea`), other words, a lone key_ mixed with others.
    expect(inferSchema([{ add: [1], idea: "x" }], { required: false })).toEqual({
      type: "object",
      properties: { add: { type: "array", items: { type: "integer" } }, idea: { type: "string" } },
    });
    expect(inferSchema([{ key_0: 1, name: "x" }], { required: false })).toEqual({
      type: "object",
      properties: { key_0: { type: "integer" }, name: { type: "string" } },
    });
  });

  it("request examples make no property required", () => {
    expect(inferSchema([{ a: 1 }], { required: false })).toEqual({ type: "object", properties: { a: { type: "integer" } } });
  });

  it("an empty array and a lone null say nothing of their type", () => {
    expect(inferSchema([{ list: [], gone: null }])).toEqual({
      type: "object",
      properties: { list: { type: "array", items: {} }, gone: {} },
    });
  });

  it.each([
    ["true", { type: "boolean" }, true],
    ["1221", { type: "integer" }, 1221],
    ["-3", { type: "integer" }, -3],
    ["0.5", { type: "number" }, 0.5],
    ["0012", { type: "string" }, "0012"],
    ["12345678901234567890", { type: "string" }, "12345678901234567890"],
    ["<long>", { type: "integer", format: "int64" }, undefined],
    // openapi-to-postmanv2 writes an integer int64 as <long>, int32 as <integer>; <int64> is a string's or a
    // number's (taken as a string: Google's ids), <int32> a number's or a string's (taken as a number).
    ["<int64>", { type: "string", format: "int64" }, undefined],
    ["<int32>", { type: "number", format: "int32" }, undefined],
    ["<dateTime>", { type: "string", format: "date-time" }, undefined],
    ["<uuid>", { type: "string", format: "uuid" }, undefined],
    ["<email>", { type: "string", format: "email" }, undefined],
    ["<uri>", { type: "string", format: "uri" }, undefined],
    ["<boolean>", { type: "boolean" }, undefined],
    ["<token>", { type: "string" }, "<token>"],
  ])("text %j is %j", (text, schema, value) => {
    expect(inferFromText(text, false)).toEqual({ schema, value, json: false });
  });
});
