/**
 * The change report as Markdown for a pull-request description: per document, the breaking
 * changes first, then the compatible ones, each row with the function it affects, what
 * changed and the JSON pointer; then the SDK's exported names added and removed.
 */
import type { ApiChange, Severity } from "./change.js";
import { codeSpan } from "./code-span.js";
import type { DiffReport } from "./report.js";

/** GitHub refuses a pull-request description or comment longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface MarkdownOptions {
  /**
   * Cut the table rows so the whole text stays within this many characters (UTF-16 code
   * units, as GitHub counts), ending with a line that says how many changes were left out.
   * Rows go in order, so breaking changes are the last to be cut. Default: no limit.
   */
  maxLength?: number;
}

/** One section per report; the same reports give the same bytes. */
export function formatMarkdown(reports: DiffReport[], options: MarkdownOptions = {}): string {
  const sections = reports.map(sectionOf);
  const full = sections.map((s) => s.text(Infinity)).join("\n");
  if (options.maxLength === undefined || full.length <= options.maxLength) return full;
  // The most rows that fit (the length grows with the rows kept): a binary search.
  let lo = 0;
  let hi = sections.reduce((n, s) => n + s.rows, 0) - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(sections, mid).length <= options.maxLength) lo = mid;
    else hi = mid - 1;
  }
  return render(sections, lo);
}

/** The sections with only their first `keep` rows (in order across sections). */
function render(sections: Section[], keep: number): string {
  let left = Math.max(0, keep);
  return sections
    .map((s) => {
      const text = s.text(left);
      left = Math.max(0, left - s.rows);
      return text;
    })
    .join("\n");
}

interface Section {
  rows: number;
  /** The section's Markdown with at most `rows` table rows. */
  text: (rows: number) => string;
}

function sectionOf(report: DiffReport): Section {
  const of = (severity: Severity) => report.changes.filter((c) => c.severity === severity);
  const breaking = of("breaking");
  const compatible = of("compatible");
  const exportsChanged = report.exports.added.length + report.exports.removed.length > 0;
  const text = (limit: number): string => {
    const lines = [`## API changes: ${codeSpan(report.new)}`, ""];
    if (report.changes.length === 0 && !exportsChanged) {
      lines.push(`No changes that affect SDK callers since ${codeSpan(report.old)}.`, "");
      return lines.join("\n");
    }
    lines.push(`Compared with ${codeSpan(report.old)}: ${breaking.length > 0 ? `**${breaking.length} breaking**` : "0 breaking"}, ${compatible.length} compatible.`, "");
    let left = limit;
    let cut = 0;
    for (const [title, changes] of [["Breaking", breaking], ["Compatible", compatible]] as const) {
      if (changes.length === 0) continue;
      const shown = changes.slice(0, Math.max(0, left));
      left -= shown.length;
      cut += changes.length - shown.length;
      if (shown.length === 0) continue;
      lines.push(`### ${title}`, "", "| Function | Change | Where |", "| --- | --- | --- |");
      for (const change of shown) lines.push(row(change));
      lines.push("");
    }
    if (cut > 0) lines.push(`_${cut} more ${cut === 1 ? "change is" : "changes are"} not shown here (the text would pass GitHub's limit): \`codegen diff --format json\` lists them all._`, "");
    if (exportsChanged) {
      const names = (list: string[]) => (list.length === 0 ? "none" : list.map(codeSpan).join(", "));
      lines.push("### SDK exports", "", `- Removed: ${names(report.exports.removed)}`, `- Added: ${names(report.exports.added)}`, "");
    }
    return lines.join("\n");
  };
  return { rows: report.changes.length, text };
}

/** A table row. GFM splits cells on every unescaped `|`, code spans included, so each is escaped. */
function row(change: ApiChange): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const fn = change.operation ? codeSpan(change.operation.functionName) : "every function";
  const where = `${codeSpan(change.pointer)}${change.document === "old" ? " (old)" : ""}`;
  return `| ${cell(fn)} | ${cell(change.message)} | ${cell(where)} |`;
}
