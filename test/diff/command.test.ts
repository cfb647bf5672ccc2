/** `codegen diff` as the CLI runs it: arguments, files, `--base` through git, formats, exit codes. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIFF_HELP, runDiff } from "../../codegen/diff/command.js";
import { thing } from "./documents.js";

let dir: string;
let out: string[];
let err: string[];
const io = () => ({ out: (t: string) => out.push(t), err: (t: string) => err.push(t) });
const run = (...argv: string[]) => runDiff(argv, dir, io());
const write = (name: string, value: unknown) => writeFileSync(join(dir, name), typeof value === "string" ? value : JSON.stringify(value, null, 2));
/** git in the test's folder, whatever repository the tests themselves run in (a hook's GIT_DIR is dropped). */
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], {
    cwd: dir,
    stdio: "pipe",
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("GIT_"))),
  });

const before = thing({ parameters: [{ name: "q", in: "query", schema: { type: "string" } }] });
const breaking = thing({ parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }] });
const compatible = thing({ parameters: [{ name: "q", in: "query", schema: { type: "string" } }, { name: "page", in: "query", schema: { type: "integer" } }] });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codegen-diff-"));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("two files", () => {
  it("prints the Markdown report and exits 0; 1 under --fail-on breaking only when something breaks", async () => {
    write("old.json", before);
    write("new.json", breaking);
    write("compatible.json", compatible);
    expect(await run("old.json", "new.json")).toBe(0);
    expect(out).toEqual([
      [
        "## API changes: `new.json`",
        "",
        "Compared with `old.json`: **1 breaking**, 0 compatible.",
        "",
        "### Breaking",
        "",
        "| Function | Change | Where |",
        "| --- | --- | --- |",
        "| `updateThing` | The query parameter `q` of `updateThing` is now required; calls that leave it out no longer type-check. | `#/paths/~1things/put/parameters/0` |",
      ].join("\n"),
    ]);
    expect(await run("old.json", "new.json", "--fail-on", "breaking")).toBe(1);
    expect(await run("old.json", "compatible.json", "--fail-on", "breaking")).toBe(0);
    expect(err).toEqual([]);
  });

  it("--format json and --format github", async () => {
    write("old.json", before);
    write("new.yaml", `openapi: 3.0.3\ninfo: { title: Test API, version: 1.0.0 }\npaths:\n  /things:\n    put:\n      operationId: updateThing\n      responses: { "204": { description: No content } }\n`);
    expect(await run("old.json", "new.yaml", "--format", "json")).toBe(0);
    const json = JSON.parse(out[0]!);
    expect(json.breaking).toBe(1);
    expect(json.reports[0].changes[0]).toMatchObject({ kind: "parameter-removed", pointer: "#/paths/~1things/put/parameters/0", document: "old" });
    expect(await run("old.json", "new.yaml", "--format", "github")).toBe(0);
    expect(out[1]).toBe(
      "::error file=new.yaml,line=5,title=Breaking API change%3A parameter-removed::`updateThing` no longer takes the query parameter `q`; calls that pass it no longer type-check. (at #/paths/~1things/put/parameters/0 in the old document)",
    );
  });

  it("usage errors exit 2 with the help", async () => {
    expect(await run("only-one.json")).toBe(2);
    expect(err[0]).toBe(`codegen diff: diff needs two OpenAPI documents, old then new (got 1)\n\n${DIFF_HELP}`);
    expect(await run("a.json", "b.json", "--format", "html")).toBe(2);
    expect(err[1]!.split("\n")[0]).toBe('codegen diff: --format must be markdown, json or github (got "html")');
    expect(await run("a.json", "b.json", "--fail-on", "compatible")).toBe(2);
    expect(err[2]!.split("\n")[0]).toBe('codegen diff: --fail-on takes breaking (got "compatible")');
    expect(await run("a.json", "b.json", "--colour")).toBe(2);
    expect(err[3]!.split("\n")[0]).toMatch(/^codegen diff: Unknown option '--colour'/);
    expect(await run("--help")).toBe(0);
    expect(out).toEqual([DIFF_HELP]);
  });

  it("an input that cannot be read exits 2 with one line naming it", async () => {
    write("old.json", before);
    write("list.json", "[1, 2]");
    write("broken.json", "{");
    mkdirSync(join(dir, "folder.json"));
    expect(await run("old.json", "missing.json")).toBe(2);
    expect(await run("old.json", "list.json")).toBe(2);
    expect(await run("old.json", "broken.json")).toBe(2);
    expect(await run("old.json", "folder.json")).toBe(2);
    expect(err).toEqual([
      "codegen diff: missing.json does not exist",
      "error not-openapi: list.json is not an OpenAPI 3 document (it needs `openapi: 3.x` and `paths`)",
      // The reason is V8's own text, which differs between Node versions.
      expect.stringMatching(/^error not-json: broken\.json is not valid JSON \(Expected property name or '\}' in JSON at position 1\b/),
      "codegen diff: folder.json is a folder, not an OpenAPI document",
    ]);
    expect(out).toEqual([]);
  });
});

describe("--base", () => {
  beforeEach(() => {
    mkdirSync(join(dir, "spec"));
    write("spec/things.openapi.json", before);
  });

  it("compares spec/*.openapi.json as committed at the ref with the working tree", async () => {
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "spec");
    write("spec/things.openapi.json", breaking);
    expect(await run("--base", "HEAD", "--fail-on", "breaking", "--format", "github")).toBe(1);
    expect(out).toEqual([
      "::error file=spec/things.openapi.json,line=17,title=Breaking API change%3A parameter-became-required::The query parameter `q` of `updateThing` is now required; calls that leave it out no longer type-check. (at #/paths/~1things/put/parameters/0)",
    ]);
    expect(await run("--base", "HEAD", "spec/things.openapi.json", "--format", "json")).toBe(0);
    expect(JSON.parse(out[1]!).reports[0]).toMatchObject({ old: "HEAD:spec/things.openapi.json", new: "spec/things.openapi.json" });
    expect(err).toEqual([]);
  });

  it("paths are taken from the working directory, also inside a subfolder of the repository", async () => {
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "spec");
    write("spec/things.openapi.json", compatible);
    expect(await runDiff(["--base", "HEAD", "things.openapi.json", "--format", "json"], join(dir, "spec"), io())).toBe(0);
    expect(JSON.parse(out[0]!).compatible).toBe(1);
  });

  it("says clearly when it is not a git repository, the ref is unknown, or the file is not at that ref", async () => {
    expect(await run("--base", "HEAD")).toBe(2);
    expect(err[0]).toBe(`codegen diff: --base needs a git repository, and ${dir} is not in one`);
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "spec");
    expect(await run("--base", "no-such-branch")).toBe(2);
    expect(err[1]).toBe("codegen diff: no-such-branch is not a git revision here (fetch it first, e.g. git fetch origin main)");
    write("spec/new.openapi.json", before);
    expect(await run("--base", "HEAD", "spec/new.openapi.json")).toBe(2);
    expect(err[2]).toBe("codegen diff: spec/new.openapi.json does not exist at HEAD (a new file has nothing to compare with)");
    expect(out).toEqual([]);
  });

  it("without files and without spec/*.openapi.json, it asks for a file", async () => {
    rmSync(join(dir, "spec"), { recursive: true });
    expect(await run("--base", "HEAD")).toBe(2);
    expect(err[0]!.split("\n")[0]).toBe("codegen diff: --base without files compares spec/*.openapi.json (or .yaml), and there are none here: name the file");
  });
});
