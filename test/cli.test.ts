/**
 * The `codegen` command as a user runs it (the real bin, in a scratch folder): bad input gets
 * one clear line naming the file and the reason, exit 1, and previous outputs stay untouched.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sdkFiles } from "./helpers.js";

const BIN = resolve("bin/codegen.js");
let dir: string;

function codegen(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codegen-cli-"));
  writeFileSync(join(dir, "previous.openapi.json"), "previous output\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("bad input", () => {
  it.each([
    ["not JSON", "{ nope", "error not-json: bad.json is not valid JSON (Expected property name or '}' at line 1, column 3)"],
    ["JSON that is not a collection", '{"openapi":"3.0.0"}', "error not-a-collection: bad.json is not a Postman collection: it has no `info`"],
    [
      "a v1 collection",
      '{"id":"1","name":"Old","order":[],"requests":[]}',
      "error unsupported-version: bad.json is a Postman v1 collection, which is not supported: export it again as Collection v2.1 from Postman",
    ],
  ])("%s: one line naming the file and the reason, exit 1, the previous output untouched", (_, text, line) => {
    writeFileSync(join(dir, "bad.json"), text);
    const r = codegen("convert", "bad.json", "-o", "previous.openapi.json");
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(line);
    expect(r.stderr.split("\n")).toHaveLength(2); // the reason, then "nothing was written"
    expect(readFileSync(join(dir, "previous.openapi.json"), "utf8")).toBe("previous output\n");
  });

  it("the default job with one broken collection writes nothing at all", () => {
    cpSync("spec", join(dir, "spec"), { recursive: true });
    expect(codegen().code).toBe(0);
    const sdk = join(dir, "generated/zoom/users.gen.ts");
    const before = readFileSync(sdk, "utf8");
    writeFileSync(join(dir, "spec/zoom.postman_collection.json"), "[1, 2");
    writeFileSync(join(dir, "spec/zoom.openapi.json"), "kept\n");
    const r = codegen();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error not-json: spec/zoom.postman_collection.json is not valid JSON");
    expect(readFileSync(join(dir, "spec/zoom.openapi.json"), "utf8")).toBe("kept\n");
    expect(readFileSync(sdk, "utf8")).toBe(before);
  });

  it("usage errors exit 2", () => {
    expect(codegen("frobnicate").code).toBe(2);
    expect(codegen("convert", "x.json").stderr).toContain("codegen: convert needs -o <file.openapi.json|.yaml>");
    expect(codegen("convert", "x.json", "-o", "out.txt").code).toBe(2);
    expect(codegen("--nope").code).toBe(2);
  });

  it("a missing input file is an input error, exit 1", () => {
    const r = codegen("generate", "missing.openapi.json", "-o", "sdk");
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe("error not-json: cannot read missing.openapi.json: it does not exist");
  });
});

describe("--check and regeneration", () => {
  it("--check writes nothing, lists what differs, and exits 1; a regeneration that changes nothing rewrites no file", () => {
    cpSync("spec", join(dir, "spec"), { recursive: true });
    expect(codegen().code).toBe(0);
    const spec = join(dir, "spec/zoom.openapi.json");
    const mtime = statSync(spec).mtimeMs;
    // The spec, and every file of the SDK.
    const outputs = 1 + sdkFiles(join(dir, "generated/zoom")).length;
    expect(codegen().stdout).toBe(`0 written, ${outputs} unchanged\n`);
    expect(statSync(spec).mtimeMs).toBe(mtime);
    expect(codegen("--check").code).toBe(0);

    writeFileSync(join(dir, "generated/zoom/users.gen.ts"), "// edited by hand\n");
    writeFileSync(join(dir, "generated/zoom/old.gen.ts"), "// Generated from spec/zoom.openapi.json by codegen. Do not edit.\n");
    const r = codegen("--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`differs: generated/zoom/users.gen.ts\nstale: generated/zoom/old.gen.ts\n2 of ${outputs} outputs differ from a fresh run\n`);
    expect(readFileSync(join(dir, "generated/zoom/users.gen.ts"), "utf8")).toBe("// edited by hand\n");
  });

  it("the built command (code printed in a worker thread) writes the same bytes as the sources (snapshot.test.ts)", () => {
    expect(existsSync("dist/emit/worker.mjs")).toBe(true);
    cpSync("spec", join(dir, "spec"), { recursive: true });
    expect(codegen().code).toBe(0);
    for (const file of sdkFiles("generated/zoom")) expect(readFileSync(join(dir, "generated/zoom", file), "utf8"), file).toBe(readFileSync(join("generated/zoom", file), "utf8"));
  });

  it("convert and generate write YAML or JSON specs and an SDK folder", () => {
    cpSync("spec/zoom.postman_collection.json", join(dir, "zoom.json"));
    expect(codegen("convert", "zoom.json", "-o", "zoom.openapi.yaml").code).toBe(0);
    expect(readFileSync(join(dir, "zoom.openapi.yaml"), "utf8")).toMatch(/^openapi: 3\.0\.3\ninfo:\n {2}title: Zoom API\n/);
    expect(codegen("generate", "zoom.openapi.yaml", "-o", "sdk").code).toBe(0);
    expect(readFileSync(join(dir, "sdk/index.ts"), "utf8").split("\n")[0]).toBe("// Generated from zoom.openapi.yaml by codegen. Do not edit.");
  });

  it("--help on each command exits 0", () => {
    for (const args of [["--help"], ["convert", "--help"], ["generate", "--help"]]) {
      const r = codegen(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: codegen/);
    }
  });
});
