/**
 * The change report as GitHub Actions workflow commands (`--format github`): one annotation
 * per change, `::error` for breaking ones and `::notice` for compatible ones, on the new
 * document's file.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import type { ApiChange } from "./change.js";
import type { DiffReport } from "./report.js";

/**
 * One line per change (and one for the exported names, when they changed), each ending in a
 * newline. `lineOf` gives a change's line in the new document's file (see lines.ts), so the
 * annotation shows on that line of the pull request's diff.
 */
export function formatGithub(reports: DiffReport[], lineOf?: (report: DiffReport, change: ApiChange) => number | undefined): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const change of report.changes) lines.push(annotation(report.new, change, lineOf?.(report, change)));
    const { added, removed } = report.exports;
    if (added.length + removed.length > 0) {
      const names = (list: string[]) => (list.length === 0 ? "none" : list.join(", "));
      lines.push(`::notice ${properties({ file: report.new, title: "SDK exports" })}::${escapeData(`Removed: ${names(removed)}. Added: ${names(added)}.`)}`);
    }
  }
  return lines.map((line) => `${line}\n`).join("");
}

function annotation(file: string, change: ApiChange, line: number | undefined): string {
  const command = change.severity === "breaking" ? "error" : "notice";
  const title = `${change.severity === "breaking" ? "Breaking" : "Compatible"} API change: ${change.kind}`;
  const where = `${change.pointer}${change.document === "old" ? " in the old document" : ""}`;
  const at: Record<string, string> = line === undefined ? { file } : { file, line: String(line) };
  return `::${command} ${properties({ ...at, title })}::${escapeData(`${change.message} (at ${where})`)}`;
}

/** `key=value,…` with values escaped as properties: `%`, CR, LF, `:` and `,`. */
function properties(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C")}`)
    .join(",");
}

/** A message escaped as GitHub's runner reads it: `%` first, then CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
