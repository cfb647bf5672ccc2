/**
 * codegen/io.ts on its own, on literal outputs in a scratch folder: what a swap keeps, what it
 * removes, the manifest's exact bytes, and what a later run does with an interrupted one's leftovers.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { manifestOf, planTarget, writeTargets, type Target } from "../../codegen/io.js";

const MARKER = "by codegen. Do not edit.";
const HEADER = "// Generated from api.json by codegen. Do not edit.\n";
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codegen-io-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sdk = (files: Record<string, string>): Target => ({
  kind: "folder",
  path: join(dir, "sdk"),
  files: Object.entries(files).map(([path, body]) => ({ path, content: HEADER + body })),
});
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const inode = (path: string) => statSync(join(dir, path)).ino;

describe("an SDK folder is replaced whole", () => {
  it("the manifest lists the generated files, sorted, with their hashes", () => {
    writeTargets([sdk({ "b.gen.ts": "b\n", "a.gen.ts": "a\n", "runtime/x.gen.ts": "x\n" })], MARKER);
    expect(read("sdk/.codegen-manifest.json")).toBe(`{
  "//": "Written by codegen: the files it generated in this folder. The next run replaces or removes only these; every other file here is left alone.",
  "files": {
    "a.gen.ts": "sha256:2254ad8b7b153b75a365759d690556778c63afb7f84e408e0b17bcfdb3fbf161",
    "b.gen.ts": "sha256:c29f83c3a24c8f13420492134fc8d752e68252aec6a3b8b64f40965bae9d0489",
    "runtime/x.gen.ts": "sha256:a9ed78a8ddada7b475f0479d3def4e18139dd4873ad19af2f22dc36bb2b9e336"
  }
}
`);
  });

  it("unchanged and user files are carried by hard link (same inode, same time); changed files are new; stale ones go", () => {
    writeTargets([sdk({ "a.gen.ts": "a\n", "b.gen.ts": "b\n", "gone.gen.ts": "old\n" })], MARKER);
    writeFileSync(join(dir, "sdk/README.md"), "mine\n");
    mkdirSync(join(dir, "sdk/other/deeper"), { recursive: true });
    writeFileSync(join(dir, "sdk/other/deeper/x.gen.ts"), HEADER);
    const before = { a: inode("sdk/a.gen.ts"), b: inode("sdk/b.gen.ts"), readme: inode("sdk/README.md"), x: inode("sdk/other/deeper/x.gen.ts") };
    const mtime = statSync(join(dir, "sdk/a.gen.ts")).mtimeMs;

    const [plan] = writeTargets([sdk({ "a.gen.ts": "a\n", "b.gen.ts": "b changed\n" })], MARKER);
    expect(plan!.changes.map((c) => `${c.kind} ${c.path.slice(dir.length + 1)}`)).toEqual(["update sdk/b.gen.ts", "update sdk/.codegen-manifest.json", "delete sdk/gone.gen.ts"]);
    expect(readdirSync(join(dir, "sdk")).sort()).toEqual([".codegen-manifest.json", "README.md", "a.gen.ts", "b.gen.ts", "other"]);
    expect(inode("sdk/a.gen.ts")).toBe(before.a);
    expect(statSync(join(dir, "sdk/a.gen.ts")).mtimeMs).toBe(mtime);
    expect(inode("sdk/README.md")).toBe(before.readme);
    expect(inode("sdk/other/deeper/x.gen.ts")).toBe(before.x);
    expect(inode("sdk/b.gen.ts")).not.toBe(before.b);
    expect(read("sdk/b.gen.ts")).toBe(`${HEADER}b changed\n`);
    expect(readdirSync(dir)).toEqual(["sdk"]); // no staging folder, no lock left beside it
  });

  it("nothing changed: nothing is written, not even a staging folder", () => {
    const target = sdk({ "a.gen.ts": "a\n" });
    writeTargets([target], MARKER);
    const folder = statSync(join(dir, "sdk"));
    const parent = statSync(dir).mtimeMs;
    const [plan] = writeTargets([target], MARKER);
    expect(plan!.changes).toEqual([]);
    expect(statSync(join(dir, "sdk")).ino).toBe(folder.ino);
    expect(statSync(join(dir, "sdk")).mtimeMs).toBe(folder.mtimeMs);
    expect(statSync(dir).mtimeMs).toBe(parent); // no lock was made beside it either
  });

  it("a manifest entry that points outside the folder is ignored", () => {
    writeTargets([sdk({ "a.gen.ts": "a\n" })], MARKER);
    writeFileSync(join(dir, "outside.txt"), "keep\n");
    writeFileSync(join(dir, "sdk/.codegen-manifest.json"), JSON.stringify({ files: { "../outside.txt": "", "a.gen.ts": "" } }));
    expect(planTarget(sdk({ "a.gen.ts": "a\n" }), MARKER).changes.map((c) => c.kind)).toEqual(["update"]);
    writeTargets([sdk({ "a.gen.ts": "a\n" })], MARKER);
    expect(read("outside.txt")).toBe("keep\n");
  });

  it("where the exchange call is missing, two renames do the swap, with the same result", async () => {
    vi.stubEnv("CODEGEN_SWAP", "rename");
    vi.resetModules();
    const io = await import("../../codegen/io.js");
    vi.unstubAllEnvs();
    io.writeTargets([sdk({ "a.gen.ts": "a\n", "gone.gen.ts": "g\n" })], MARKER);
    writeFileSync(join(dir, "sdk/README.md"), "mine\n");
    io.writeTargets([sdk({ "a.gen.ts": "a2\n" })], MARKER);
    expect(readdirSync(join(dir, "sdk")).sort()).toEqual([".codegen-manifest.json", "README.md", "a.gen.ts"]);
    expect(read("sdk/a.gen.ts")).toBe(`${HEADER}a2\n`);
    expect(readdirSync(dir)).toEqual(["sdk"]);
  });
});

describe("a later run finishes or clears what an interrupted one left", () => {
  it("killed between the two renames of a fallback swap: the complete new folder is put in place", () => {
    const next = sdk({ "a.gen.ts": "new\n" });
    const files = next.kind === "folder" ? next.files : [];
    mkdirSync(join(dir, ".sdk.codegen-new-123-0abc0abc"));
    writeFileSync(join(dir, ".sdk.codegen-new-123-0abc0abc/a.gen.ts"), `${HEADER}new\n`);
    writeFileSync(join(dir, ".sdk.codegen-new-123-0abc0abc/.codegen-manifest.json"), manifestOf(files));
    mkdirSync(join(dir, ".sdk.codegen-old-123-0def0def"));
    writeFileSync(join(dir, ".sdk.codegen-old-123-0def0def/a.gen.ts"), `${HEADER}old\n`);
    const [plan] = writeTargets([next], MARKER);
    expect(plan!.changes).toEqual([]); // the rolled-forward folder is already the wanted one
    expect(read("sdk/a.gen.ts")).toBe(`${HEADER}new\n`);
    expect(readdirSync(dir)).toEqual(["sdk"]);
  });

  it("a spec file: written through a staging file and a rename; a dead run's staging file is removed", () => {
    writeFileSync(join(dir, ".api.json.codegen-stage-99999-00000000"), "half");
    const target: Target = { kind: "file", path: join(dir, "api.json"), content: "{}\n" };
    expect(writeTargets([target], MARKER)[0]!.changes).toEqual([{ path: join(dir, "api.json"), kind: "create" }]);
    expect(read("api.json")).toBe("{}\n");
    expect(readdirSync(dir)).toEqual(["api.json"]);
    const ino = inode("api.json");
    expect(writeTargets([target], MARKER)[0]!.changes).toEqual([]);
    expect(inode("api.json")).toBe(ino);
  });
});
