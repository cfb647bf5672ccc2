/**
 * The change report as Markdown for a pull-request description: per document, the breaking
 * changes first, then the compatible ones, each row with the function it affects, what
 * changed and the JSON pointer; then the SDK's exported names added and removed.
 */
import type { ApiChange, Severity } from "./change.js";
import { codeSpan } from "./code-span.js";
import type { DiffReport } from "./report.js";

/** One section per report; the same reports give the same bytes. */
export function formatMarkdown(reports: DiffReport[]): string {
  return reports.map(formatOne).join("\n");
}

function formatOne(report: DiffReport): string {
  const lines = [`## API changes: ${codeSpan(report.new)}`, ""];
  const of = (severity: Severity) => report.changes.filter((c) => c.severity === severity);
  const breaking = of("breaking");
  const compatible = of("compatible");
  const exportsChanged = report.exports.added.length + report.exports.removed.length > 0;
  if (report.changes.length === 0 && !exportsChanged) {
    lines.push(`No changes that affect SDK callers since ${codeSpan(report.old)}.`, "");
    return lines.join("\n");
  }
  const count = (n: number, what: string) => `${n} ${what}`;
  lines.push(`Compared with ${codeSpan(report.old)}: ${breaking.length > 0 ? `**${count(breaking.length, "breaking")}**` : "0 breaking"}, ${count(compatible.length, "compatible")}.`, "");
  for (const [title, changes] of [["Breaking", breaking], ["Compatible", compatible]] as const) {
    if (changes.length === 0) continue;
    lines.push(`### ${title}`, "", "| Function | Change | Where |", "| --- | --- | --- |");
    for (const change of changes) lines.push(row(change));
    lines.push("");
  }
  if (exportsChanged) {
    const names = (list: string[]) => (list.length === 0 ? "none" : list.map(codeSpan).join(", "));
    lines.push("### SDK exports", "", `- Removed: ${names(report.exports.removed)}`, `- Added: ${names(report.exports.added)}`, "");
  }
  return lines.join("\n");
}

/** A table row. GFM splits cells on every unescaped `|`, code spans included, so each is escaped. */
function row(change: ApiChange): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const fn = change.operation ? codeSpan(change.operation.functionName) : "every function";
  const where = `${codeSpan(change.pointer)}${change.document === "old" ? " (old)" : ""}`;
  return `| ${cell(fn)} | ${cell(change.message)} | ${cell(where)} |`;
}
