import { describe, expect, it } from "vitest";
import { readAnnotations } from "../../codegen/convert/annotations.js";
import { htmlToMarkdown } from "../../codegen/postman/description.js";

describe("annotations in descriptions", () => {
  it.each([
    ["(Required) Room ID", { description: "Room ID", required: true }],
    ["[required] Room ID", { description: "Room ID", required: true }],
    ["Room ID (Required)", { description: "Room ID (Required)", required: false }],
    ["Status. (This can only be one of activate,deactivate)", { description: "Status.", required: false, enum: ["activate", "deactivate"] }],
    [
      "(Required) Registrant Status:\n`approve` - Approve. (This can only be one of approve,cancel,deny)",
      { description: "Registrant Status:\n`approve` - Approve.", required: true, enum: ["approve", "cancel", "deny"] },
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
    ["Trailing spaces   \nand\n\n\n\nblank lines", "Trailing spaces\nand\n\nblank lines"],
  ])("%j", (given, want) => {
    expect(htmlToMarkdown(given)).toBe(want);
  });
});
