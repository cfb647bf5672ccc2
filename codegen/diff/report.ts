/** A diff of two documents as the formatters take it: the changes, the SDK's exported names, and how to name both sides. */
import type { ApiChange } from "./change.js";
import type { ExportsDiff } from "./exports.js";

export interface DiffReport {
  /** How the old document is named: a path, or `<ref>:<path>` under `--base`. */
  old: string;
  /** How the new document is named: the path annotations point to. */
  new: string;
  changes: ApiChange[];
  exports: ExportsDiff;
}

/** How many changes of each severity a set of reports holds. */
export function countChanges(reports: DiffReport[]): { breaking: number; compatible: number } {
  const all = reports.flatMap((r) => r.changes);
  return { breaking: all.filter((c) => c.severity === "breaking").length, compatible: all.filter((c) => c.severity === "compatible").length };
}
