/**
 * A run's result as the user asked to see it: text (diagnostics on stderr, one summary line on
 * stdout), one JSON document on stdout (`--json`), or GitHub workflow annotations
 * (`--reporter github`). Pure: result in, lines out, plus the exit code.
 */
import { formatDiagnosticGroup, groupDiagnostics, type Diagnostic } from "./diagnostics.js";
import { escapeData } from "./diff/github.js";
import { nearestLine, pointerLines } from "./diff/lines.js";
import type { RunResult } from "./run.js";

export type OutputFormat = "text" | "json" | "github";

export interface Printed {
  out: string[];
  err: string[];
  exitCode: 0 | 1;
}

/** The JSON document `--json` prints: every diagnostic, and the outputs by what happened to them. */
export interface JsonResult {
  ok: boolean;
  /** Under --check, `written` and `removed` are what a run would write and remove. */
  check: boolean;
  diagnostics: { code: string; severity: "error" | "warning"; message: string; file: string; pointer: string; item?: string }[];
  files: { written: string[]; unchanged: string[]; removed: string[] };
}

/** Prints a result; `label` names files relative to the working directory; `quiet` keeps only errors and what --check found. */
export function formatResult(result: RunResult, format: OutputFormat, label: (file: string) => string, quiet = false, verbose = false): Printed {
  const failed = result.inputErrors || result.outputError !== undefined;
  const written = result.changes.filter((c) => c.kind !== "delete").map((c) => label(c.path));
  const removed = result.changes.filter((c) => c.kind === "delete").map((c) => label(c.path));
  const exitCode: 0 | 1 = failed || (result.check && result.changes.length > 0) ? 1 : 0;
  const outputs = result.changes.length + result.unchanged.length;
  if (format === "json") {
    const doc: JsonResult = {
      ok: exitCode === 0,
      check: result.check,
      diagnostics: [
        ...result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, file: d.at.file, pointer: d.at.pointer, ...(d.at.item ? { item: d.at.item } : {}) })),
        ...(result.outputError ? [{ code: "cannot-write", severity: "error" as const, message: result.outputError, file: "", pointer: "" }] : []),
      ],
      files: failed ? { written: [], unchanged: [], removed: [] } : { written, unchanged: result.unchanged.map(label), removed },
    };
    return { out: [JSON.stringify(doc, null, 2)], err: [], exitCode };
  }
  const out: string[] = [];
  const err: string[] = [];
  const shown = quiet ? result.diagnostics.filter((d) => d.severity === "error") : result.diagnostics;
  if (format === "github") out.push(...annotations(shown, result.sources));
  // Repeats of one diagnostic print once, with a count and the first three places (all with --verbose).
  else for (const group of groupDiagnostics(shown, verbose ? Infinity : 3)) err.push(formatDiagnosticGroup(group));
  if (result.inputErrors) {
    err.push("codegen: nothing was written (fix the errors above)");
    return { out, err, exitCode };
  }
  if (result.outputError) {
    // One line, no stack: the outputs are as they were (each is replaced whole or not at all).
    if (format === "github") out.push(`::error title=cannot-write::${escapeData(result.outputError)}`);
    err.push(`error: ${result.outputError}`);
    return { out, err, exitCode };
  }
  if (result.check) {
    for (const c of result.changes) out.push(`${c.kind === "create" ? "missing" : c.kind === "delete" ? "stale" : "differs"}: ${label(c.path)}`);
    if (!quiet || result.changes.length > 0) out.push(result.changes.length === 0 ? `up to date: ${outputs} files` : `${result.changes.length} of ${outputs} outputs differ from a fresh run`);
    return { out, err, exitCode };
  }
  if (!quiet) out.push(`${written.length} written, ${result.unchanged.length} unchanged, ${removed.length} removed`);
  return { out, err, exitCode };
}

/**
 * Diagnostics as GitHub workflow commands (`::warning file=…,line=…,title=code::message`), each
 * on the line of the input its pointer names when the input is at hand; values escaped as the
 * runner reads them (`%`, CR, LF; and `:` `,` in properties).
 */
export function annotations(diagnostics: Diagnostic[], sources: Map<string, string>): string[] {
  const lines = new Map<string, Map<string, number>>();
  for (const file of new Set(diagnostics.map((d) => d.at.file))) {
    const text = sources.get(file);
    if (text === undefined) continue;
    const pointers = diagnostics.filter((d) => d.at.file === file && d.at.pointer.startsWith("#/")).map((d) => d.at.pointer);
    if (pointers.length > 0) lines.set(file, pointerLines(text, file, pointers));
  }
  return diagnostics.map((d) => {
    const found = lines.get(d.at.file);
    const line = found && d.at.pointer.startsWith("#/") ? nearestLine(found, d.at.pointer) : undefined;
    const props = [["file", d.at.file], ...(line !== undefined ? [["line", String(line)]] : []), ["title", d.code]]
      .map(([k, v]) => `${k}=${escapeData(v!).replace(/:/g, "%3A").replace(/,/g, "%2C")}`)
      .join(",");
    const where = d.at.pointer && d.at.pointer !== "#" ? ` (at ${d.at.pointer}${d.at.item ? `, ${d.at.item}` : ""})` : "";
    return `::${d.severity === "error" ? "error" : "warning"} ${props}::${escapeData(`${d.message}${where}`)}`;
  });
}
