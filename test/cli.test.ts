/**
 * The `codegen` command as a user runs it (the real bin, in a scratch folder): bad input gets
 * one clear line naming the file and the reason, exit 1, and previous outputs stay untouched.
 */
import { spawn, spawnSync as spawnSyncChild } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sdkFiles } from "./helpers.js";

const BIN = resolve("bin/codegen.js");
/** Tests that run codegen several times: a few seconds each on a busy 2-core machine. */
const SLOW = { timeout: 180_000 };
let dir: string;

function codegen(...args: string[]) {
  return codegenIn(dir, ...args);
}

function codegenIn(cwd: string, ...args: string[]) {
  const r = spawnSyncChild(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** The committed Zoom spec, less the operations of one tag, written to `file` in the scratch folder. */
function zoomSpecWithout(tag: string | undefined, file: string) {
  const spec = JSON.parse(readFileSync("spec/zoom.openapi.json", "utf8")) as { paths: Record<string, Record<string, { tags?: string[] }>> };
  for (const [path, item] of Object.entries(spec.paths)) if (Object.values(item).some((op) => op.tags?.includes(tag!))) delete spec.paths[path];
  writeFileSync(join(dir, file), `${JSON.stringify(spec, null, 2)}\n`);
}

/** Every file under a folder (relative path → content), for comparing whole folders. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = readFileSync(join(root, r), "utf8");
    }
  };
  walk("");
  return out;
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

  it("the default job with one broken collection writes nothing at all", SLOW, () => {
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
  it("--check writes nothing, lists what differs, and exits 1; a regeneration that changes nothing rewrites no file", SLOW, () => {
    cpSync("spec", join(dir, "spec"), { recursive: true });
    expect(codegen().code).toBe(0);
    const spec = join(dir, "spec/zoom.openapi.json");
    const mtime = statSync(spec).mtimeMs;
    // The spec, and every file of the SDK (its manifest included).
    const outputs = 1 + Object.keys(tree(join(dir, "generated/zoom"))).length;
    expect(outputs).toBe(22);
    expect(codegen().stdout).toBe(`0 written, ${outputs} unchanged, 0 removed\n`);
    expect(statSync(spec).mtimeMs).toBe(mtime);
    expect(codegen("--check").code).toBe(0);

    writeFileSync(join(dir, "generated/zoom/users.gen.ts"), "// edited by hand\n");
    rmSync(join(dir, "generated/zoom/rooms.gen.ts"));
    const r = codegen("--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`missing: generated/zoom/rooms.gen.ts\ndiffers: generated/zoom/users.gen.ts\n2 of ${outputs} outputs differ from a fresh run\n`);
    expect(readFileSync(join(dir, "generated/zoom/users.gen.ts"), "utf8")).toBe("// edited by hand\n");
  });

  it("the built command (code printed in a worker thread) writes the same bytes as the sources (snapshot.test.ts)", SLOW, () => {
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
    // The header names the input relative to the SDK folder, not to where codegen ran.
    expect(readFileSync(join(dir, "sdk/index.ts"), "utf8").split("\n")[0]).toBe("// Generated from ../zoom.openapi.yaml by codegen. Do not edit.");
  });

  it("--help on each command exits 0", () => {
    for (const args of [["--help"], ["convert", "--help"], ["generate", "--help"]]) {
      const r = codegen(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: codegen/);
    }
  });
});

describe("only its own files", () => {
  it("regeneration removes only what the manifest lists: a user's file and another SDK below stay, untouched", SLOW, () => {
    zoomSpecWithout(undefined, "api.json");
    expect(codegen("generate", "api.json", "-o", "sdk").stdout).toBe("21 written, 0 unchanged, 0 removed\n");
    writeFileSync(join(dir, "sdk/NOTES.md"), "my notes\n");
    expect(codegen("generate", "api.json", "-o", "sdk/nested").stdout).toBe("21 written, 0 unchanged, 0 removed\n");
    zoomSpecWithout("Rooms", "api.json"); // the API loses its Rooms operations
    const nested = tree(join(dir, "sdk/nested"));
    const readmeTime = statSync(join(dir, "sdk/NOTES.md")).mtimeMs;
    const kept = statSync(join(dir, "sdk/runtime/call.gen.ts")).mtimeMs;

    expect(codegen("generate", "api.json", "-o", "sdk", "--check").stdout).toBe(
      "differs: sdk/README.md\ndiffers: sdk/index.ts\ndiffers: sdk/schema.gen.ts\ndiffers: sdk/.codegen-manifest.json\nstale: sdk/rooms.gen.ts\n5 of 21 outputs differ from a fresh run\n",
    );
    // rooms.gen.ts goes; index.ts, README.md, schema.gen.ts (they name Rooms) and the manifest change.
    expect(codegen("generate", "api.json", "-o", "sdk").stdout).toBe("4 written, 16 unchanged, 1 removed\n");
    expect(existsSync(join(dir, "sdk/rooms.gen.ts"))).toBe(false);
    expect(readFileSync(join(dir, "sdk/NOTES.md"), "utf8")).toBe("my notes\n");
    expect(statSync(join(dir, "sdk/NOTES.md")).mtimeMs).toBe(readmeTime);
    expect(statSync(join(dir, "sdk/runtime/call.gen.ts")).mtimeMs).toBe(kept);
    expect(tree(join(dir, "sdk/nested"))).toEqual(nested);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, "sdk/.codegen-manifest.json"), "utf8")).files)).not.toContain("NOTES.md");
    // Nothing of ours is left beside it.
    expect(readdirSync(dir).sort()).toEqual(["api.json", "previous.openapi.json", "sdk"]);
  });

  it("an SDK made before manifests: header-marked files in it and in runtime/ are taken as ours, once; a subfolder's are not", SLOW, () => {
    zoomSpecWithout(undefined, "api.json");
    expect(codegen("generate", "api.json", "-o", "sdk").code).toBe(0);
    zoomSpecWithout("Rooms", "api.json");
    rmSync(join(dir, "sdk/.codegen-manifest.json"));
    mkdirSync(join(dir, "sdk/other"));
    writeFileSync(join(dir, "sdk/other/users.gen.ts"), "// Generated from x.json by codegen. Do not edit.\n");
    writeFileSync(join(dir, "sdk/runtime/old.gen.ts"), "// Generated from x.json by codegen. Do not edit.\n");
    writeFileSync(join(dir, "sdk/mine.ts"), "export const mine = 1;\n");
    expect(codegen("generate", "api.json", "-o", "sdk").stdout).toBe("4 written, 16 unchanged, 2 removed\n");
    expect(existsSync(join(dir, "sdk/rooms.gen.ts"))).toBe(false);
    expect(existsSync(join(dir, "sdk/runtime/old.gen.ts"))).toBe(false);
    expect(readFileSync(join(dir, "sdk/other/users.gen.ts"), "utf8")).toBe("// Generated from x.json by codegen. Do not edit.\n");
    expect(readFileSync(join(dir, "sdk/mine.ts"), "utf8")).toBe("export const mine = 1;\n");
  });
});

describe("a cache that never lies", () => {
  it("a hand edit that keeps the size and the modification time is seen by every --check and repaired by a plain run", SLOW, () => {
    cpSync("spec", join(dir, "spec"), { recursive: true });
    mkdirSync(join(dir, "node_modules")); // where the cache lives
    expect(codegen().code).toBe(0);
    expect(codegen().stdout).toBe("0 written, 22 unchanged, 0 removed\n"); // answered from the cache
    const file = join(dir, "generated/zoom/users.gen.ts");
    const original = readFileSync(file, "utf8");
    const { size } = statSync(file);
    const time = 1_700_000_000; // a whole second, so utimes can give it back exactly
    utimesSync(file, time, time);
    expect(codegen().stdout).toBe("0 written, 22 unchanged, 0 removed\n"); // seen with this time
    const at = original.indexOf("PUT /users");
    writeFileSync(file, `${original.slice(0, at)}GET${original.slice(at + 3)}`);
    utimesSync(file, time, time);
    expect(statSync(file)).toMatchObject({ size, mtimeMs: time * 1000 });
    for (let i = 0; i < 2; i++) {
      const r = codegen("--check");
      expect(r.stdout).toBe("differs: generated/zoom/users.gen.ts\n1 of 22 outputs differ from a fresh run\n");
      expect(r.code).toBe(1);
    }
    expect(codegen().stdout).toBe("1 written, 21 unchanged, 0 removed\n");
    expect(readFileSync(file, "utf8")).toBe(original);
    expect(codegen("--check").stdout).toBe("up to date: 22 files\n");
  });
});

describe("the header does not depend on the working directory", () => {
  it("generate from two working directories gives byte-identical SDKs", SLOW, () => {
    zoomSpecWithout(undefined, "api.json");
    mkdirSync(join(dir, "deep/er"), { recursive: true });
    expect(codegen("generate", "api.json", "-o", "one").code).toBe(0);
    expect(codegenIn(join(dir, "deep/er"), "generate", "../../api.json", "-o", "../../two").code).toBe(0);
    const one = tree(join(dir, "one"));
    expect(one["index.ts"]!.split("\n")[0]).toBe("// Generated from ../api.json by codegen. Do not edit.");
    expect(tree(join(dir, "two"))).toEqual(one);
  });
});

describe("I/O errors", () => {
  it("a folder where the spec file goes: one line naming it, exit 1, nothing left behind", () => {
    cpSync("spec/zoom.postman_collection.json", join(dir, "zoom.json"));
    mkdirSync(join(dir, "out.openapi.json"));
    writeFileSync(join(dir, "out.openapi.json/keep.txt"), "kept\n");
    const r = codegen("convert", "zoom.json", "-o", "out.openapi.json");
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").at(-1)).toBe("error: cannot read out.openapi.json: a folder is where a file should be [EISDIR]");
    expect(r.stderr.split("\n")).toHaveLength(3); // the collection's one warning (two lines), then the error: no stack
    expect(readFileSync(join(dir, "out.openapi.json/keep.txt"), "utf8")).toBe("kept\n");
    expect(readdirSync(dir).sort()).toEqual(["out.openapi.json", "previous.openapi.json", "zoom.json"]);
  });

  it("a file where the SDK folder goes", () => {
    zoomSpecWithout(undefined, "api.json");
    const r = codegen("generate", "api.json", "-o", "previous.openapi.json/sdk");
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toBe("error: cannot read previous.openapi.json/sdk: a file is where a folder should be [ENOTDIR] (at previous.openapi.json/sdk/README.md)");
    expect(readFileSync(join(dir, "previous.openapi.json"), "utf8")).toBe("previous output\n");
  });
});

describe("runs at once, and runs that were killed", () => {
  it("concurrent runs on one output take turns, never crash, and leave one whole SDK", SLOW, async () => {
    zoomSpecWithout(undefined, "full.json");
    zoomSpecWithout("Rooms", "less.json");
    expect(codegen("generate", "full.json", "-o", "want-full").code).toBe(0);
    expect(codegen("generate", "less.json", "-o", "want-less").code).toBe(0);
    const wants = [tree(join(dir, "want-full")), tree(join(dir, "want-less"))];
    const run = (spec: string) =>
      new Promise<number | null>((done) => spawn(process.execPath, [BIN, "generate", spec, "-o", "sdk"], { cwd: dir, stdio: "ignore" }).on("exit", done));
    for (let round = 0; round < 2; round++) {
      expect(await Promise.all([run("full.json"), run("less.json")])).toEqual([0, 0]);
      expect(wants).toContainEqual(tree(join(dir, "sdk")));
      expect(readdirSync(dir).filter((n) => n.includes("codegen-"))).toEqual([]);
    }
  });

  it("a stale lock (its process is gone) and a dead run's staging folder are cleared; a live lock is waited for, then named", SLOW, () => {
    zoomSpecWithout(undefined, "api.json");
    const dead = spawnSyncChild(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(join(dir, ".sdk.codegen-lock"), JSON.stringify({ pid: Number(dead), host: hostname() }));
    mkdirSync(join(dir, `.sdk.codegen-stage-${dead}-0badc0de`));
    writeFileSync(join(dir, `.sdk.codegen-stage-${dead}-0badc0de/index.ts`), "half");
    expect(codegen("generate", "api.json", "-o", "sdk").code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["api.json", "previous.openapi.json", "sdk"]);

    zoomSpecWithout("Rooms", "api.json"); // something to write, so the lock is needed
    writeFileSync(join(dir, ".sdk.codegen-lock"), JSON.stringify({ pid: process.pid, host: hostname() }));
    const r = spawnSyncChild(process.execPath, [BIN, "generate", "api.json", "-o", "sdk"], { cwd: dir, encoding: "utf8", env: { ...process.env, CODEGEN_LOCK_TIMEOUT_MS: "300" } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `error: cannot write sdk: another codegen run holds its lock ({"pid":${process.pid},"host":"${hostname()}"}); remove the lock if no codegen is running (at .sdk.codegen-lock)`,
    );
  });
});
