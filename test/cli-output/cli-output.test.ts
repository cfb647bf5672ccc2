/**
 * What the real command prints for machines and people: --json parses and lists the
 * diagnostics and the files, --reporter github annotates the collection's line, --quiet is
 * quiet, --version is the package's, `codegen diff` is dispatched, --report writes the API
 * change report, and no progress reaches a pipe.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const BIN = resolve("bin/codegen.js");
const SLOW = { timeout: 180_000 };
let dir: string;

function codegen(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const WARNING = {
  code: "example-not-in-enum",
  severity: "warning",
  message: 'the example "quis consectetur veniam laboris" of `method` is not one of zoomroom.check_in, zoomroom.check_out; it was left out of the examples',
  file: "spec/zoom.postman_collection.json",
  pointer: "#/item/1/item/0/request/body/formdata/0",
  item: "Rooms › Check-in or check-out of a Zoom Room",
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codegen-output-"));
  mkdirSync(join(dir, "spec"));
  for (const f of ["zoom.postman_collection.json", "zoom.overlay.yaml"]) cpSync(join("spec", f), join(dir, "spec", f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("machine-readable output", () => {
  it("--json: one JSON document on stdout with every diagnostic and every file; nothing on stderr", SLOW, () => {
    const r = codegen("--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as { ok: boolean; diagnostics: unknown[]; files: { written: string[]; unchanged: string[]; removed: string[] } };
    expect(doc.ok).toBe(true);
    expect(doc.diagnostics).toEqual([WARNING]);
    expect(doc.files.written).toContain("spec/zoom.openapi.json");
    expect(doc.files.written).toContain("generated/zoom/index.ts");
    expect(doc.files).toMatchObject({ unchanged: [], removed: [] });
    // A second run: all unchanged, the same diagnostics.
    const again = JSON.parse(codegen("--json").stdout) as typeof doc;
    expect(again.diagnostics).toEqual([WARNING]);
    expect(again.files.written).toEqual([]);
    expect(again.files.unchanged.sort()).toEqual([...doc.files.written].sort());
  });

  it("--reporter github: the warning as an annotation on the collection's line; --quiet prints nothing", SLOW, () => {
    const r = codegen("--reporter", "github");
    expect(r.code).toBe(0);
    // The form field's own line: the `{` just above its `"key": "method"` (an array item is annotated where it starts).
    const keyLine = readFileSync(join(dir, "spec/zoom.postman_collection.json"), "utf8").split("\n").findIndex((l) => l.includes('"key": "method"')) + 1;
    const line = keyLine - 1;
    expect(r.stdout.split("\n")[0]).toBe(
      `::warning file=spec/zoom.postman_collection.json,line=${line},title=example-not-in-enum::${WARNING.message} (at ${WARNING.pointer}, ${WARNING.item})`,
    );
    expect(r.stderr).toBe("");
    expect(codegen("--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("the rest of the command line", () => {
  it("--version is the tool's package.json version; diff is dispatched; bad option values are usage errors", () => {
    const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    expect(codegen("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const diff = codegen("diff", "--help");
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^Usage: codegen diff /);
    expect(codegen("--reporter", "gitlab").stderr.split("\n")[0]).toBe('codegen: --reporter takes github (got "gitlab")');
    expect(codegen("--watch", "--json").code).toBe(2);
    expect(codegen("--nope").stderr.split("\n")[0]).toBe("codegen: Unknown option '--nope'");
  });

  it("--report writes the API change report of the spec before the run against the new one", SLOW, () => {
    const before = JSON.parse(readFileSync("spec/zoom.openapi.json", "utf8")) as { paths: Record<string, unknown> };
    const [removed] = Object.keys(before.paths);
    // A spec as it was before the collection gained its first path: the run adds it back, a compatible change.
    delete before.paths[removed!];
    writeFileSync(join(dir, "spec/zoom.openapi.json"), `${JSON.stringify(before, null, 2)}\n`);
    const r = codegen("--report", "api-changes.md");
    expect(r.code).toBe(0);
    const report = readFileSync(join(dir, "api-changes.md"), "utf8");
    expect(report).toContain(removed);
    expect(report).toMatch(/compatible/i);
    expect(report).not.toMatch(/\*\*\d+ breaking/);
  });
});
