/**
 * Issue 10, named components: identical inferred shapes are defined once under
 * `components/schemas` and referenced, named from where they live, stable under item order,
 * unique, renamable by an overlay. Fixtures are small collections written here.
 */
import { describe, expect, it } from "vitest";
import { placeWord, resourceName, singular } from "../../codegen/convert/components.js";
import { convert } from "../../codegen/index.js";
import type { OpenApiDocument, Operation, Response } from "../../codegen/openapi.js";
import { collection, convertJson, item, type Json } from "../helpers.js";
import { redoclyErrors } from "./redocly.js";

const json = (code: number, body: unknown, name = "OK") => ({ name, code, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify(body) });
const raw = (body: unknown) => ({ mode: "raw", raw: JSON.stringify(body), options: { raw: { language: "json" } } });

const settings = { host_video: true, mute_upon_entry: false };
const meeting = { id: 85746065432, topic: "Standup", settings };
const notFound = { code: 3001, message: "Meeting does not exist." };

/** A small meetings API: one resource read, listed, created and updated, with a shared error. */
function meetingsItems(): Json[] {
  return [
    item("Get a meeting", { url: "{{baseUrl}}/meetings/:meetingId" }, [json(200, meeting), json(404, notFound, "Not found")]),
    item("List meetings", { url: "{{baseUrl}}/meetings" }, [json(200, { page_size: 30, meetings: [meeting] })]),
    item("Create a meeting", { method: "POST", url: "{{baseUrl}}/meetings", body: raw({ topic: "Standup", settings }) }, [json(201, meeting)]),
    item("Update a meeting", { method: "PATCH", url: "{{baseUrl}}/meetings/:meetingId", body: raw({ topic: "Retro" }) }, [json(404, notFound, "Not found")]),
    item("List registrants", { url: "{{baseUrl}}/meetings/:meetingId/registrants" }, [json(200, { registrants: [{ id: "r1", email: "ada@example.com" }] })]),
  ];
}

/** The schema of a request body (no status) or a response, following a shared response's `$ref`. */
const schemaAt = (document: OpenApiDocument, path: string, method: "get" | "post" | "patch", status?: string) => {
  const operation = document.paths[path]![method]!;
  let response = status === undefined ? undefined : (operation.responses[status] as Response & { $ref?: string });
  if (response?.$ref) response = (document.components as { responses: Record<string, Response> }).responses[response.$ref.split("/").pop()!];
  const content = status === undefined ? operation.requestBody!.content : response!.content!;
  return content["application/json"]!.schema as unknown;
};

describe("named components", () => {
  it("identical shapes are one component, referenced wherever they occur, named from their place", async () => {
    const { document, diagnostics } = convertJson(collection(meetingsItems()));
    expect(diagnostics).toEqual([]);
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas)).toEqual(["CreateAMeetingRequest", "Error", "Meeting", "MeetingList", "MeetingRegistrantList", "Registrant", "Settings", "UpdateAMeetingRequest"]);
    // A list's items of two properties are named by the property that holds them, singular.
    expect(schemas.MeetingRegistrantList).toEqual({ type: "object", properties: { registrants: { type: "array", items: { $ref: "#/components/schemas/Registrant" } } } });
    // The meeting read, created and listed is one shape: one component, four references.
    expect(schemaAt(document, "/meetings/{meetingId}", "get", "200")).toEqual({ $ref: "#/components/schemas/Meeting" });
    expect(schemaAt(document, "/meetings", "post", "201")).toEqual({ $ref: "#/components/schemas/Meeting" });
    expect(schemas.MeetingList).toEqual({
      type: "object",
      properties: { page_size: { type: "integer" }, meetings: { type: "array", items: { $ref: "#/components/schemas/Meeting" } } },
    });
    // The settings sent and the settings answered are one shape (one saved example makes no
    // response property required): written once, named by the property that holds it.
    expect(schemas.Meeting).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, topic: { type: "string" }, settings: { $ref: "#/components/schemas/Settings" } },
    });
    expect(schemas.Settings).toEqual({ type: "object", properties: { host_video: { type: "boolean" }, mute_upon_entry: { type: "boolean" } } });
    expect(schemas.CreateAMeetingRequest).toEqual({ type: "object", properties: { topic: { type: "string" }, settings: { $ref: "#/components/schemas/Settings" } } });
    // One error shape on two operations is `Error`.
    expect(schemaAt(document, "/meetings/{meetingId}", "get", "404")).toEqual({ $ref: "#/components/schemas/Error" });
    expect(schemaAt(document, "/meetings/{meetingId}", "patch", "404")).toEqual({ $ref: "#/components/schemas/Error" });
    // Examples stay on the operation.
    expect(document.paths["/meetings/{meetingId}"]!.get!.responses["200"]!.content!["application/json"]!.example).toEqual(meeting);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a nested object of two properties is named, one of one property when written twice or more (once: inline); under one word's names they are one type", () => {
    const address = { street: "1 Main St", city: "Springfield" };
    const { document } = convertJson(
      collection([
        item("Get a customer", { url: "{{baseUrl}}/customers/:id" }, [
          json(200, { id: "c1", billing_address: address, shipping_address: address, owner: { id: "u1" }, note: { text: "hi", by: "u1" }, flags: { vip: true } }),
        ]),
        item("Get an order", { url: "{{baseUrl}}/orders/:id" }, [json(200, { id: "o1", owners: [{ id: "u1" }], address, billing: address })]),
      ]),
    );
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas)).toEqual(["Address", "Billing", "Customer", "Note", "Order", "Owner"]);
    expect(schemas.Customer!.properties).toEqual({
      id: { type: "string" },
      // Two properties under names whose last word is `address`: one type.
      billing_address: { $ref: "#/components/schemas/Address" },
      shipping_address: { $ref: "#/components/schemas/Address" },
      // One property, written twice under one word (`owner`, `owners`' items): named.
      owner: { $ref: "#/components/schemas/Owner" },
      // Two properties, written once: named.
      note: { $ref: "#/components/schemas/Note" },
      // One property, written once: inline.
      flags: { type: "object", properties: { vip: { type: "boolean" } } },
    });
    expect(schemas.Owner).toEqual({ type: "object", properties: { id: { type: "string" } } });
    expect(schemas.Note).toEqual({ type: "object", properties: { text: { type: "string" }, by: { type: "string" } } });
    // The same two properties under another word (`billing`) are a type of their own, named from there.
    expect(schemas.Order!.properties).toEqual({
      id: { type: "string" },
      owners: { type: "array", items: { $ref: "#/components/schemas/Owner" } },
      address: { $ref: "#/components/schemas/Address" },
      billing: { $ref: "#/components/schemas/Billing" },
    });
    expect(schemas.Billing).toEqual(schemas.Address);
  });

  it("a one-property object written under unrelated names is one type per name: an invoice's `order: { id }` is not a customer's", () => {
    const { document } = convertJson(
      collection([
        item("Get an order", { url: "{{baseUrl}}/orders/:id" }, [json(200, { id: "o1", customer: { id: "c1" }, product: { id: "p1" }, _links: { self: { href: "/orders/o1" }, next: { href: "/orders/o2" } } })]),
        item("Get an invoice", { url: "{{baseUrl}}/invoices/:id" }, [json(200, { id: "i1", total: 5, order: { id: "o1" }, amount: { value: 5, currency: "EUR" } })]),
      ]),
    );
    const schemas = document.components!.schemas!;
    // `{ id }` and `{ href }` are each written more than once, under words that are not one: each place's type is its own.
    expect(Object.keys(schemas)).toEqual(["Amount", "Customer", "Invoice", "InvoiceOrder", "Links", "Next", "Order", "Product", "Self"]);
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(schemas.Order!.properties).toEqual({ id: { type: "string" }, customer: ref("Customer"), product: ref("Product"), _links: ref("Links") });
    expect(schemas.Links).toEqual({ type: "object", properties: { self: ref("Self"), next: ref("Next") } });
    // `Order` is the order's resource: the invoice's order stub is named by its place.
    expect(schemas.Invoice!.properties).toEqual({ id: { type: "string" }, total: { type: "integer" }, order: ref("InvoiceOrder"), amount: ref("Amount") });
    const id = { type: "object", properties: { id: { type: "string" } } };
    const href = { type: "object", properties: { href: { type: "string" } } };
    expect([schemas.Customer, schemas.Product, schemas.InvoiceOrder, schemas.Self, schemas.Next]).toEqual([id, id, id, href, href]);
  });

  it("a property's word is its last word, singular, in lower case, or the whole name when that word only links", () => {
    expect(["billing_address", "Addresses", "shippingAddress", "address", "ship_to", "created_by", "_links", "self", "data", "X"].map(placeWord)).toEqual([
      "address",
      "address",
      "address",
      "address",
      "shipto",
      "createdby",
      "link",
      "self",
      "data",
      "x",
    ]);
  });

  it("a nested object is named though written once; a name another shape has is qualified by the enclosing property", () => {
    const home = { line1: "1 Main St", city: "Springfield", zip: "12345" };
    const { document } = convertJson(
      collection([
        item("Get an invoice", { url: "{{baseUrl}}/invoices/:id" }, [
          json(200, { id: "in_1", customer: { name: "Ada", email: "ada@example.com", phone: "555" }, shipping: { address: home }, billing: { address: { line1: "2 Elm St", city: "Shelbyville", country: "US" } } }),
        ]),
        item("Get an order", { url: "{{baseUrl}}/orders/:id" }, [json(200, { id: "or_1", ship_to: { address: home } })]),
      ]),
    );
    const schemas = document.components!.schemas!;
    // `Address` goes to the shape used twice; the other address is the billing one.
    expect(Object.keys(schemas)).toEqual(["Address", "BillingAddress", "Customer", "Invoice", "Order", "ShipTo", "Shipping"]);
    expect(schemas.Invoice!.properties).toEqual({
      id: { type: "string" },
      customer: { $ref: "#/components/schemas/Customer" },
      // One property written twice, under two words (`shipping`, `ship_to`): a type for each, named from its place.
      shipping: { $ref: "#/components/schemas/Shipping" },
      // One property written once: inline.
      billing: { type: "object", properties: { address: { $ref: "#/components/schemas/BillingAddress" } } },
    });
    expect(schemas.Order!.properties!.ship_to).toEqual({ $ref: "#/components/schemas/ShipTo" });
    expect(schemas.ShipTo).toEqual(schemas.Shipping);
    expect(schemas.BillingAddress).toEqual({ type: "object", properties: { line1: { type: "string" }, city: { type: "string" }, country: { type: "string" } } });
  });

  it("a property name wanted by a request's shape and a response's goes to the response's (what a caller reads)", () => {
    const body = raw({ registrants: [{ first_name: "Ada", email: "ada@example.com", last_name: "L" }] });
    const { document } = convertJson(
      collection([
        item("Perform batch registration", { method: "POST", url: "{{baseUrl}}/meetings/:meetingId/batch_registrants", body }, [
          json(201, { registrants: [{ registrant_id: "r1", email: "ada@example.com", join_url: "https://example.com/j" }] }),
        ]),
      ]),
    );
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas)).toEqual(["MeetingBatchRegistrant", "PerformBatchRegistrationRegistrant", "PerformBatchRegistrationRequest", "Registrant"]);
    expect(Object.keys(schemas.Registrant!.properties!)).toEqual(["registrant_id", "email", "join_url"]);
    expect(Object.keys(schemas.PerformBatchRegistrationRegistrant!.properties!)).toEqual(["first_name", "email", "last_name"]);
  });

  it("a one-property body is a component, but where that shape is nested it stays inline (Stripe's `{ value }` everywhere)", () => {
    const { document } = convertJson(
      collection([
        item("Delete a card", { method: "DELETE", url: "{{baseUrl}}/cards/:id" }, [json(200, { value: "x" })]),
        item("Get a customer", { url: "{{baseUrl}}/customers/:id" }, [json(200, { id: { value: "c1" }, email: { value: "a@b" } })]),
      ]),
    );
    // What a DELETE answers is named by the operation, not the resource.
    expect(Object.keys(document.components!.schemas!)).toEqual(["Customer", "DeleteACardResponse"]);
    expect(document.components!.schemas!.Customer!.properties).toEqual({
      id: { type: "object", properties: { value: { type: "string" } } },
      email: { type: "object", properties: { value: { type: "string" } } },
    });
  });

  it("a cycle the exporter cut is a $ref to the object it names: a recursive component, and one level written before the mark is that component", async () => {
    const mark = { value: "<Circular reference to #/components/schemas/Comment detected>" };
    const comment = { id: "c1", text: "hi", replies: [{ id: "c2", text: "re", replies: [mark] }] };
    // Another level with one more property: a shape of its own around the recursive one.
    const thread = { id: "t1", text: "x", pinned: true, replies: [{ id: "c3", text: "y", replies: [mark] }] };
    const { document, diagnostics } = convertJson(
      collection([item("Get a comment", { url: "{{baseUrl}}/comments/:id" }, [json(200, comment)]), item("Get a thread", { url: "{{baseUrl}}/threads/:id" }, [json(200, thread)])]),
    );
    expect(diagnostics).toEqual([]);
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas)).toEqual(["Comment", "Thread"]);
    // The reply holds replies like itself: the comment (the reply unfolded once) is that one type.
    expect(schemas.Comment).toEqual({
      type: "object",
      properties: { id: { type: "string" }, text: { type: "string" }, replies: { type: "array", items: { $ref: "#/components/schemas/Comment" } } },
    });
    expect(schemas.Thread!.properties).toEqual({
      id: { type: "string" },
      text: { type: "string" },
      pinned: { type: "boolean" },
      replies: { type: "array", items: { $ref: "#/components/schemas/Comment" } },
    });
    expect(schemaAt(document, "/comments/{id}", "get", "200")).toEqual({ $ref: "#/components/schemas/Comment" });
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("a top-level array of objects names its items; an empty object is not named", () => {
    const { document } = convertJson(
      collection([
        item("List tags", { url: "{{baseUrl}}/v1/tags" }, [json(200, [{ id: 1, label: "a" }])]),
        item("Ping", { url: "{{baseUrl}}/ping" }, [json(200, {})]),
      ]),
    );
    expect(Object.keys(document.components!.schemas!)).toEqual(["Tag"]);
    expect(schemaAt(document, "/v1/tags", "get", "200")).toEqual({ type: "array", items: { $ref: "#/components/schemas/Tag" } });
    expect(schemaAt(document, "/ping", "get", "200")).toEqual({ type: "object" });
  });

  it("shapes only alike are not merged: a different type, format, enum or required list is another component", () => {
    const { document } = convertJson(
      collection([
        item("Get a user", { url: "{{baseUrl}}/users/:id" }, [json(200, { id: 1, email: "a@example.com" })]),
        item("Get a robot", { url: "{{baseUrl}}/robots/:id" }, [json(200, { id: 1, email: "not an email" })]),
        item("Get a pet", { url: "{{baseUrl}}/pets/:id" }, [json(200, { id: "1", email: "a@example.com" })]),
      ]),
    );
    expect(Object.keys(document.components!.schemas!)).toEqual(["Pet", "Robot", "User"]);
  });

  it("a name that is taken falls to the shape's next candidate, then to a number; the best place wins", () => {
    const { document } = convertJson(
      collection([
        // PATCH's answer is another shape that also wants `Meeting`: the GET of one meeting has it.
        item("Update a meeting", { method: "PATCH", url: "{{baseUrl}}/meetings/:meetingId", body: raw({ topic: "x" }) }, [json(200, { updated: true, at: "now" })]),
        item("Get a meeting", { url: "{{baseUrl}}/meetings/:meetingId" }, [json(200, meeting), json(400, { a: 1, b: 2 }), json(404, notFound), json(500, { error: "x", trace: "y" })]),
        item("List meetings", { url: "{{baseUrl}}/meetings" }, [json(404, notFound)]),
      ]),
    );
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas)).toEqual(["Error", "GetAMeetingError", "GetAMeetingError2", "Meeting", "Settings", "UpdateAMeetingRequest", "UpdateAMeetingResponse"]);
    expect(schemaAt(document, "/meetings/{meetingId}", "get", "200")).toEqual({ $ref: "#/components/schemas/Meeting" });
    expect(schemaAt(document, "/meetings/{meetingId}", "patch", "200")).toEqual({ $ref: "#/components/schemas/UpdateAMeetingResponse" });
    // The error shape used twice is `Error`; the two used once share the operation's error name.
    expect(schemaAt(document, "/meetings/{meetingId}", "get", "404")).toEqual({ $ref: "#/components/schemas/Error" });
    const others = [schemaAt(document, "/meetings/{meetingId}", "get", "400"), schemaAt(document, "/meetings/{meetingId}", "get", "500")].map((s) => (s as { $ref: string }).$ref);
    expect(others.sort()).toEqual(["#/components/schemas/GetAMeetingError", "#/components/schemas/GetAMeetingError2"]);
  });

  it("names do not depend on item order: the reversed collection gives the same components and references", () => {
    // One shape answers PUT /meetings/{id} (`Meeting`, taken by the GET) and POST /webinars (`Webinar`).
    const items = () => [
      ...meetingsItems(),
      item("Replace a meeting", { method: "PUT", url: "{{baseUrl}}/meetings/:meetingId" }, [json(200, { ok: true, at: "now" })]),
      item("Create a webinar", { method: "POST", url: "{{baseUrl}}/webinars" }, [json(200, { ok: true, at: "now" })]),
    ];
    const forward = convertJson(collection(items())).document;
    const backward = convertJson(collection(items().reverse())).document;
    expect(Object.keys(forward.components!.schemas!)).toEqual(["CreateAMeetingRequest", "Error", "Meeting", "MeetingList", "MeetingRegistrantList", "Registrant", "Settings", "UpdateAMeetingRequest", "Webinar"]);
    expect(backward.components).toEqual(forward.components);
    for (const [path, item] of Object.entries(forward.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        const other = (backward.paths[path] as Record<string, Operation>)[method]!;
        expect(JSON.stringify(other.responses), `${method} ${path}`).toBe(JSON.stringify(operation.responses));
        expect(other.requestBody).toEqual(operation.requestBody);
      }
    }
  });

  it("resources are read from paths: the last two literal segments, singular, version prefixes left out", () => {
    expect(
      Object.fromEntries(
        ["/meetings/{meetingId}/registrants", "/v1/customers/{customer}", "/users/{userId}/presence_status", "/policies", "/v2/addresses/{id}", "/api/v3/statuses", "/conversations.list", "/{id}", "/"].map((p) => [p, resourceName(p)]),
      ),
    ).toEqual({
      "/meetings/{meetingId}/registrants": "MeetingRegistrant",
      "/v1/customers/{customer}": "Customer",
      "/users/{userId}/presence_status": "UserPresenceStatus",
      "/policies": "Policy",
      "/v2/addresses/{id}": "Address",
      "/api/v3/statuses": "Status",
      "/conversations.list": undefined,
      "/{id}": undefined,
      "/": undefined,
    });
    expect(["boxes", "statuses", "status", "analysis", "news", "series"].map(singular)).toEqual(["box", "status", "status", "analysis", "news", "series"]);
  });
});

describe("renaming a component in an overlay", () => {
  const source = JSON.stringify(collection(meetingsItems()));
  const overlay = (actions: string) => ({ overlay: { text: `overlay: 1.0.0\ninfo: { title: names, version: 1.0.0 }\nactions:\n${actions}`, file: "names.overlay.yaml" } });

  it("x-codegen-name on the component, or on a $ref where the shape is used, renames it and every $ref", () => {
    const { document, diagnostics } = convert(
      source,
      "c.json",
      overlay(
        [
          "  - target: $.components.schemas.MeetingRegistrantList",
          "    update: { x-codegen-name: Registrants }",
          "  - target: $.paths['/meetings/{meetingId}'].get.responses['200'].content['application/json'].schema",
          "    update: { x-codegen-name: ZoomMeeting }",
        ].join("\n"),
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(Object.keys(document!.components!.schemas!)).toEqual(["CreateAMeetingRequest", "Error", "MeetingList", "Registrant", "Registrants", "Settings", "UpdateAMeetingRequest", "ZoomMeeting"]);
    expect(schemaAt(document!, "/meetings/{meetingId}", "get", "200")).toEqual({ $ref: "#/components/schemas/ZoomMeeting" });
    expect(schemaAt(document!, "/meetings", "post", "201")).toEqual({ $ref: "#/components/schemas/ZoomMeeting" });
    expect(document!.components!.schemas!.MeetingList!.properties!.meetings).toEqual({ type: "array", items: { $ref: "#/components/schemas/ZoomMeeting" } });
    expect(JSON.stringify(document)).not.toContain("x-codegen-name");
  });

  it("a name that is taken or not a component name is refused with a warning at the action's place; the component keeps its name", () => {
    const { document, diagnostics } = convert(
      source,
      "c.json",
      overlay(["  - target: $.components.schemas.Meeting", "    update: { x-codegen-name: Error }", "  - target: $.components.schemas.MeetingList", "    update: { x-codegen-name: 'My list' }", "  - target: $.info", "    update: { x-codegen-name: Nothing }"].join("\n")),
    );
    expect(diagnostics.map((d) => [d.code, d.message, d.at.file, d.at.pointer])).toEqual([
      ["invalid-overlay", "`x-codegen-name` renames a component schema, set on it or on a `$ref` to one; at #/info it names nothing and was ignored", "names.overlay.yaml", "#/actions/2"],
      ["invalid-overlay", "the component Meeting cannot be renamed to Error, which another component has; it kept its name", "names.overlay.yaml", "#/actions/0"],
      ["invalid-overlay", '"My list" is not a component name (letters, digits, `.`, `_` and `-`); MeetingList kept its name', "names.overlay.yaml", "#/actions/1"],
    ]);
    expect(Object.keys(document!.components!.schemas!)).toEqual(["CreateAMeetingRequest", "Error", "Meeting", "MeetingList", "MeetingRegistrantList", "Registrant", "Settings", "UpdateAMeetingRequest"]);
    expect(JSON.stringify(document)).not.toContain("x-codegen-name");
  });

  it("two different names for one component are refused: it keeps its own, and the warning names both", () => {
    const { document, diagnostics } = convert(
      source,
      "c.json",
      overlay(
        [
          "  - target: $.components.schemas.Meeting",
          "    update: { x-codegen-name: ZoomMeeting }",
          "  - target: $.paths['/meetings'].post.responses['201'].content['application/json'].schema",
          "    update: { x-codegen-name: NewMeeting }",
        ].join("\n"),
      ),
    );
    expect(diagnostics.map((d) => [d.code, d.message, d.at.pointer])).toEqual([
      ["invalid-overlay", 'the component Meeting is renamed to "ZoomMeeting" and "NewMeeting"; it kept its name', "#/actions/0"],
    ]);
    expect(schemaAt(document!, "/meetings", "post", "201")).toEqual({ $ref: "#/components/schemas/Meeting" });
  });
});

