import { describe, expect, it } from "vitest";
import { readAnnotations, readRequestSection } from "../../codegen/convert/annotations.js";
import { htmlToMarkdown } from "../../codegen/postman/description.js";
import { collection, form, item, onlyOperation } from "../helpers.js";
import { convertJson } from "./inline.js";
import { withRequestStatedEnums } from "../../codegen/convert/field.js";

describe("annotations in descriptions", () => {
  it.each([
    ["(Required) Room ID", { description: "Room ID", required: true }],
    ["[required] Room ID", { description: "Room ID", required: true }],
    ["Room ID (Required)", { description: "Room ID (Required)", required: false }],
    ["Status. (This can only be one of activate,deactivate)", { description: "Status.", required: false, enum: ["activate", "deactivate"], enumFrom: "one-of-note" }],
    [
      "(Required) Registrant Status:\n`approve` - Approve. (This can only be one of approve,cancel,deny)",
      { description: "Registrant Status:\n`approve` - Approve.", required: true, enum: ["approve", "cancel", "deny"], enumFrom: "one-of-note" },
    ],
  ])("%j", (given, want) => {
    expect(readAnnotations(given)).toEqual(want);
  });

  it("a bullet list after 'one of the following' is an enum (seed 000's `method`), and the text stays", () => {
    const text = htmlToMarkdown("The value of this field can be one of the following:<br>\n* zoomroom.check_in\n* zoomroom.check_out");
    expect(readAnnotations(text)).toEqual({
      description: "The value of this field can be one of the following:\n* zoomroom.check_in\n* zoomroom.check_out",
      required: false,
      enum: ["zoomroom.check_in", "zoomroom.check_out"],
      enumFrom: "bullet-list",
    });
  });

  it("a bullet list of phrases is prose, not an enum", () => {
    expect(readAnnotations("Users can be one of the following:\n* **Away** for a while\n* Do not disturb").enum).toBeUndefined();
  });
});

describe("HTML in descriptions becomes Markdown", () => {
  it.each([
    ["Line one.<br>\nLine two.", "Line one.\nLine two."],
    ["Paragraph.<br><br>\n**Scopes:** `a`", "Paragraph.\n\n**Scopes:** `a`"],
    ['See <a href="https://zoom.us">Zoom</a> and <b>bold</b>, <i>it</i>, <code>x</code>.', "See [Zoom](https://zoom.us) and **bold**, _it_, `x`."],
    ["<ul><li>one</li><li>two</li></ul>", "* one\n* two"],
    ["a &lt;b&gt; &amp; c", "a <b> & c"],
    ["it&#39;s &#x27;live&#x27; &#8212; &AMP; &#0; &#x110000; &#xD800;", "it's 'live' — & &#0; &#x110000; &#xD800;"],
    ["Trailing spaces   \nand\n\n\n\nblank lines", "Trailing spaces\nand\n\nblank lines"],
  ])("%j", (given, want) => {
    expect(htmlToMarkdown(given)).toBe(want);
  });
});

describe("what descriptions state reaches the schema, typed like the field", () => {
  const query = (key: string, value: string | undefined, description: string) => {
    const { document, diagnostics } = convertJson(
      collection([item("List", { url: { raw: "{{baseUrl}}/things", host: ["{{baseUrl}}"], path: ["things"], query: [{ key, value, description }] } })]),
    );
    return { parameter: onlyOperation(document).operation.parameters![0]!, diagnostics };
  };

  it("`1` - meaning lines give an integer enum, and the example is typed from it", () => {
    const { parameter } = query("type", "2", "Meeting type:<br>`1` - Instant.<br>`2` - Scheduled.<br>`8` - Recurring.");
    expect(parameter.schema).toEqual({ type: "integer", enum: [1, 2, 8] });
    expect(parameter.example).toBe(2);
  });

  it("a sample outside a prose enum is left out with example-not-in-enum", () => {
    const { parameter, diagnostics } = query("type", "quis", "The value can be one of the following:<br>\n`country`, `states`, `city`");
    expect(parameter.schema).toEqual({ type: "string", enum: ["country", "states", "city"] });
    expect(parameter.example).toBeUndefined();
    expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([
      'example-not-in-enum: the example "quis" of `type` is not one of country, states, city; it was left out of the examples',
    ]);
  });

  it("a default is typed like the schema: an enum member, an integer", () => {
    expect(query("type", "live", "`live` - Live.<br>`past` - Past.<br>This value defaults to `live`.").parameter.schema).toEqual({
      type: "string",
      enum: ["live", "past"],
      default: "live",
    });
    expect(query("page_size", "30", "Records per page, between 1 and 300. Defaults to 30.").parameter.schema).toEqual({
      type: "integer",
      default: 30,
      minimum: 1,
      maximum: 300,
    });
  });

  it("a default that is not one of the enum's values, or not of the field's type, is left out", () => {
    expect(query("type", "live", "`live` - Live.<br>`past` - Past.<br>This value defaults to `all`.").parameter.schema).toEqual({ type: "string", enum: ["live", "past"] });
    expect(query("page_size", "30", "Records per page. Defaults to `all`.").parameter.schema).toEqual({ type: "integer" });
  });

  it("a range bounds numbers only; characters bound strings only", () => {
    expect(query("topic", "abc", "The topic, between 1 and 300.").parameter.schema).toEqual({ type: "string" });
    expect(query("topic", "abc", "The topic. Max 200 characters.").parameter.schema).toEqual({ type: "string", maxLength: 200 });
    expect(query("page_size", "30", "Max 200 characters.").parameter.schema).toEqual({ type: "integer" });
  });

  it("a list beside a JSON form value names its keys, not its values; the note still applies", () => {
    const body = form(["settings", '{"host_video":true}', "Settings:<br>`host_video` - Start video.<br>`mute` - Mute on entry."]);
    const { document } = convertJson(collection([item("Create", { method: "POST", body })]));
    const media = onlyOperation(document).operation.requestBody!.content["multipart/form-data"]!;
    expect(media.schema!.properties!.settings).toEqual({
      description: "Settings:\n`host_video` - Start video.\n`mute` - Mute on entry.",
      type: "object",
      properties: { host_video: { type: "boolean" } },
    });
    expect(media.encoding).toEqual({ settings: { contentType: "application/json" } });
  });
});

describe("idioms on hostile text", () => {
  it.each([
    ["white space after a lead", "The value can be one of the following" + " ".repeat(50_000) + "x"],
    ["white space after 'Allowed values'", "Allowed values" + " \t".repeat(25_000) + "x y"],
    ["white space before a list's end", "be one of `a`" + " ".repeat(50_000) + "x"],
    ["label = value pairs that never close (each label's trailing space read two ways: 2^labels)", "(" + "a = `1`, ".repeat(20_000) + "b"],
    ["a Choices list of tabs and spaces", "Choices " + "a \t".repeat(30_000) + "!"],
    ["a values-only text with a long run before 'or'", "x" + " ".repeat(50_000) + "(default)"],
    ["many 'must be' lists in one text", "`a` value must be `x`. ".repeat(20_000)],
    ["a contrast that never comes", ". a, 'x' means " + "y, ".repeat(20_000)],
    ["many contrast starts in one sentence", "'x' represents a, ".repeat(10_000)],
    ["use-sentences without an end", "To a, use `x`. " + "To b, ".repeat(20_000)],
    ["a value-or-default text with a long gloss", "a to " + "b ".repeat(30_000) + "(default is c"],
    ["bullets of values with long glosses", "- `a` for " + "b ".repeat(50_000)],
  ])("%s: linear time (a run tried from each position costs its length squared: seconds here)", (_, text) => {
    const start = performance.now();
    readAnnotations(text);
    expect(performance.now() - start).toBeLessThan(500);
  });
  it.each([
    ["many lines that name the field", "- `status`: a\n".repeat(20_000)],
    ["one bullet carrying many indented lines, many times", ("- `s`: a\n" + "  b\n".repeat(200)).repeat(100)],
    ["a table row with many cells", "| status |" + " a |".repeat(30_000)],
  ])("a request section, %s: linear time", (_, text) => {
    const start = performance.now();
    readRequestSection(text, text.includes("`s`") ? "s" : "status");
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("a JSON body's fields, from the section of the request's description about each", () => {
  const request = "Creates a ticket.\n\n- `status`: one of `open` or `closed`.\n- `level`: Allowed values: 1, 2, 3\n- `code`: Allowed values: 1, 2\n- `tags`: one of `a` or `b`.\n- `kind`: one of `bug` or `task`.\n- `<x>`: one of `p` or `q`.";
  const schema = {
    type: "object" as const,
    properties: {
      status: { type: "string" as const },
      level: { type: "integer" as const },
      code: { type: "string" as const },
      tags: { type: "array" as const, items: { type: "string" as const } },
      kind: { type: "string" as const },
      note: { type: "string" as const },
    },
  };
  it("scalar fields take the stated values, typed like the body's sample; arrays, other values and unnamed fields do not", () => {
    const example = { status: "open", level: 2, code: "1", tags: ["a"], kind: "story", note: "x" };
    expect(withRequestStatedEnums(schema, example, request).properties).toEqual({
      status: { type: "string", enum: ["open", "closed"] },
      level: { type: "integer", enum: [1, 2, 3] },
      // The JSON sample is the text "1": the values stay text.
      code: { type: "string", enum: ["1", "2"] },
      tags: { type: "array", items: { type: "string" } },
      // The sample "story" is none of the stated values: the line is not the whole set.
      kind: { type: "string" },
      note: { type: "string" },
    });
  });
  it("a placeholder sample (`<string>`) says nothing against the values; without a request text the schema is the same object", () => {
    expect(withRequestStatedEnums(schema, { kind: "<string>" }, request).properties!.kind).toEqual({ type: "string", enum: ["bug", "task"] });
    expect(withRequestStatedEnums(schema, {}, undefined)).toBe(schema);
  });
});
