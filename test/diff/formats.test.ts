/** The three formats of the report: Markdown for a pull request, JSON, GitHub workflow annotations. */
import { describe, expect, it } from "vitest";
import type { ApiChange } from "../../codegen/diff/change.js";
import { codeSpan } from "../../codegen/diff/code-span.js";
import { formatGithub } from "../../codegen/diff/github.js";
import { formatJson } from "../../codegen/diff/json.js";
import { formatMarkdown } from "../../codegen/diff/markdown.js";
import type { DiffReport } from "../../codegen/diff/report.js";

const removed: ApiChange = {
  kind: "operation-removed",
  severity: "breaking",
  message: "`deleteThing` (`DELETE /things`) was removed; calls to it no longer compile.",
  pointer: "#/paths/~1things/delete",
  document: "old",
  operation: { method: "delete", path: "/things", functionName: "deleteThing" },
};
const added: ApiChange = {
  kind: "field-added-optional",
  severity: "compatible",
  message: "`updateThing` takes a new optional request field `a|b`.",
  pointer: "#/paths/~1things/put/requestBody/content/application~1json/schema/properties/a|b",
  document: "new",
  direction: "request",
  operation: { method: "put", path: "/things", functionName: "updateThing" },
};
const server: ApiChange = {
  kind: "server-added",
  severity: "compatible",
  message: "The server `https://us.example` was added.",
  pointer: "#/servers/1",
  document: "new",
};
const report: DiffReport = {
  old: "main:spec/things.openapi.json",
  new: "spec/things.openapi.json",
  // Compatible first on purpose: the Markdown puts breaking changes first whatever the order.
  changes: [added, server, removed],
  exports: { added: [], removed: ["DeleteThingArgs", "deleteThing"] },
};

describe("formatMarkdown", () => {
  it("puts breaking changes first, one row each with the function, the message and the pointer; then the exports", () => {
    expect(formatMarkdown([report])).toBe(
      [
        "## API changes: `spec/things.openapi.json`",
        "",
        "Compared with `main:spec/things.openapi.json`: **1 breaking**, 2 compatible.",
        "",
        "### Breaking",
        "",
        "| Function | Change | Where |",
        "| --- | --- | --- |",
        "| `deleteThing` | `deleteThing` (`DELETE /things`) was removed; calls to it no longer compile. | `#/paths/~1things/delete` (old) |",
        "",
        "### Compatible",
        "",
        "| Function | Change | Where |",
        "| --- | --- | --- |",
        "| `updateThing` | `updateThing` takes a new optional request field `a\\|b`. | `#/paths/~1things/put/requestBody/content/application~1json/schema/properties/a\\|b` |",
        "| every function | The server `https://us.example` was added. | `#/servers/1` |",
        "",
        "### SDK exports",
        "",
        "- Removed: `DeleteThingArgs`, `deleteThing`",
        "- Added: none",
        "",
      ].join("\n"),
    );
  });

  it("says so when nothing changed", () => {
    expect(formatMarkdown([{ ...report, changes: [], exports: { added: [], removed: [] } }])).toBe(
      "## API changes: `spec/things.openapi.json`\n\nNo changes that affect SDK callers since `main:spec/things.openapi.json`.\n",
    );
  });

  it("code spans hold any name: backticks get a longer fence, line breaks become spaces", () => {
    expect(codeSpan("plain")).toBe("`plain`");
    expect(codeSpan("a`b")).toBe("`` a`b ``");
    expect(codeSpan("``x")).toBe("``` ``x ```");
    expect(codeSpan("one\ntwo\r\nthree")).toBe("`one two three`");
  });
});

describe("formatJson", () => {
  it("is one JSON document with the counts and every report as it is", () => {
    const parsed = JSON.parse(formatJson([report]));
    expect(parsed).toEqual({ breaking: 1, compatible: 2, reports: [report] });
    expect(formatJson([report]).endsWith("}\n")).toBe(true);
  });
});

describe("formatGithub", () => {
  it("writes ::error for breaking changes and ::notice for compatible ones, on the new file", () => {
    expect(formatGithub([report]).split("\n")).toEqual([
      "::notice file=spec/things.openapi.json,title=Compatible API change%3A field-added-optional::`updateThing` takes a new optional request field `a|b`. (at #/paths/~1things/put/requestBody/content/application~1json/schema/properties/a|b)",
      "::notice file=spec/things.openapi.json,title=Compatible API change%3A server-added::The server `https://us.example` was added. (at #/servers/1)",
      "::error file=spec/things.openapi.json,title=Breaking API change%3A operation-removed::`deleteThing` (`DELETE /things`) was removed; calls to it no longer compile. (at #/paths/~1things/delete in the old document)",
      "::notice file=spec/things.openapi.json,title=SDK exports::Removed: DeleteThingArgs, deleteThing. Added: none.",
      "",
    ]);
  });

  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    const hostile: ApiChange = { ...server, message: "100% sure\r\nnext line, really: yes" };
    expect(formatGithub([{ ...report, new: "spec/a,b:c%.json", changes: [hostile], exports: { added: [], removed: [] } }])).toBe(
      "::notice file=spec/a%2Cb%3Ac%25.json,title=Compatible API change%3A server-added::100%25 sure%0D%0Anext line, really: yes (at #/servers/1)\n",
    );
  });
});

describe("formatMarkdown with maxLength", () => {
  const many: DiffReport = {
    ...report,
    changes: Array.from({ length: 40 }, (_, i): ApiChange => ({ ...(i < 10 ? removed : added), message: `Change number ${i}.` })),
  };
  it("keeps as many rows as fit, breaking ones first, and says how many were left out", () => {
    const full = formatMarkdown([many]);
    const cut = formatMarkdown([many], { maxLength: 2_000 });
    expect(cut.length).toBeLessThanOrEqual(2_000);
    expect(formatMarkdown([many], { maxLength: full.length })).toBe(full);
    const rows = cut.split("\n").filter((l) => l.startsWith("| `"));
    // Every row kept is the same as in the full text, in the same order.
    expect(rows).toEqual(full.split("\n").filter((l) => l.startsWith("| `")).slice(0, rows.length));
    expect(rows.length).toBeGreaterThan(10);
    expect(cut).toContain(`_${40 - rows.length} more changes are not shown here (the text would pass GitHub's limit): \`codegen diff --format json\` lists them all._`);
    // Room for one more row keeps one more row.
    const roomier = formatMarkdown([many], { maxLength: 2_000 + rows[rows.length - 1]!.length + 1 });
    expect(roomier.split("\n").filter((l) => l.startsWith("| `")).length).toBe(rows.length + 1);
    expect(cut).toContain("### SDK exports");
  });
});
