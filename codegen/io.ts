/**
 * The one module that writes files. Outputs are computed in full before anything is written;
 * then every changed file is written to a temporary sibling and renamed into place, so a
 * reader never sees half a file and unchanged files keep their bytes and modification times.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface Output {
  path: string;
  content: string;
}

export type Change = { path: string; kind: "create" | "update" | "delete" };

/** Files under `dir` carrying `marker` in their first line: the ones a run may delete when stale. */
export function listGenerated(dir: string, marker: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => firstLine(file).includes(marker))
    .sort();
}

/** A file's first line, reading no more than its first 256 bytes. */
function firstLine(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString("utf8", 0, n).split("\n", 1)[0]!;
  } finally {
    closeSync(fd);
  }
}

/** What writing `outputs` (and removing `stale`) would change on disk. */
export function planChanges(outputs: Output[], stale: string[]): Change[] {
  const changes: Change[] = [];
  for (const o of outputs) {
    if (!existsSync(o.path)) changes.push({ path: o.path, kind: "create" });
    else if (readFileSync(o.path, "utf8") !== o.content) changes.push({ path: o.path, kind: "update" });
  }
  const produced = new Set(outputs.map((o) => o.path));
  for (const file of stale) if (!produced.has(file)) changes.push({ path: file, kind: "delete" });
  return changes;
}

/** Applies changes: all new contents written to temporary files first, then renamed into place. */
export function applyChanges(changes: Change[], outputs: Output[]): void {
  const content = new Map(outputs.map((o) => [o.path, o.content]));
  const staged: [string, string][] = [];
  try {
    for (const change of changes) {
      if (change.kind === "delete") continue;
      mkdirSync(dirname(change.path), { recursive: true });
      const temp = `${change.path}.${process.pid}.tmp`;
      writeFileSync(temp, content.get(change.path)!);
      staged.push([temp, change.path]);
    }
  } catch (e) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw e;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  for (const change of changes) if (change.kind === "delete") rmSync(change.path, { force: true });
}
