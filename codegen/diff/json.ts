/** The change report as one JSON document (`--format json`), for scripts and bots. */
import { countChanges, type DiffReport } from "./report.js";

/** `{ breaking, compatible, reports: [{ old, new, changes, exports }] }`, 2-space indented, with a final newline. */
export function formatJson(reports: DiffReport[]): string {
  return `${JSON.stringify({ ...countChanges(reports), reports }, null, 2)}\n`;
}
