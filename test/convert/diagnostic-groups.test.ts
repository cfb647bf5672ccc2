/** Issue 10's "diagnostics that scale": repeated diagnostics print once, with a count and the first few places. */
import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic, formatDiagnosticGroup, groupDiagnostics } from "../../codegen/diagnostics.js";

function sink(): Diagnostics {
  const diag = new Diagnostics("c.json");
  for (let i = 0; i < 5; i++) diag.warning("unresolved-variable", "the variable {{host}} has no value", { pointer: `#/item/${i}/request/url/host`, item: `R${i}` });
  diag.warning("invalid-shape", "this entry is neither a folder nor a request; it was skipped", { pointer: "#/item/9" });
  diag.warning("unresolved-variable", "the variable {{port}} has no value", { pointer: "#/item/7/request/url/host", item: "R7" });
  return diag;
}

describe("groupDiagnostics", () => {
  it("folds identical diagnostics into one group, in first-seen order, with a count and the first three places", () => {
    const groups = groupDiagnostics(sink().list);
    expect(groups.map((g) => [g.code, g.message, g.count, g.at.map((a) => a.pointer)])).toEqual([
      ["unresolved-variable", "the variable {{host}} has no value", 5, ["#/item/0/request/url/host", "#/item/1/request/url/host", "#/item/2/request/url/host"]],
      ["invalid-shape", "this entry is neither a folder nor a request; it was skipped", 1, ["#/item/9"]],
      ["unresolved-variable", "the variable {{port}} has no value", 1, ["#/item/7/request/url/host"]],
    ]);
  });

  it("keeps every place when asked (--verbose)", () => {
    expect(groupDiagnostics(sink().list, Infinity)[0]!.at).toHaveLength(5);
  });

  it("prints a repeated diagnostic once with its count and how many more places there are; a single one as before", () => {
    const [repeated, single] = groupDiagnostics(sink().list, 2);
    expect(formatDiagnosticGroup(repeated!)).toBe(
      [
        "warning unresolved-variable: the variable {{host}} has no value (5 times)",
        "  at c.json#/item/0/request/url/host (R0)",
        "  at c.json#/item/1/request/url/host (R1)",
        "  … and 3 more (--verbose lists every one)",
      ].join("\n"),
    );
    expect(formatDiagnosticGroup(single!)).toBe(formatDiagnostic(sink().list[5]!));
  });
});
