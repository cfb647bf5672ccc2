/**
 * `codegen --watch` with real file changes: a child process watches a scratch project; saving
 * the collection regenerates its spec and SDK within 2 s; a broken save prints its diagnostic
 * and the watch goes on; the next good save regenerates again. The test stops the child itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";

const BIN = resolve("bin/codegen.js");
let dir: string;
let child: ChildProcess | undefined;
let stderr = "";
let stdout = "";

/** A v2.1 collection of one GET request per name. */
function collection(names: string[]): string {
  return `${JSON.stringify(
    {
      info: { name: "Watched", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: names.map((name) => ({ name, request: { method: "GET", url: { raw: `https://api.example/v1/${name}`, protocol: "https", host: ["api", "example"], path: ["v1", name] } } })),
    },
    null,
    2,
  )}\n`;
}

/** Resolves when `check` holds (polled every 20 ms), with the milliseconds it took; rejects after `ms`. */
function until(check: () => boolean, ms: number, what: string): Promise<number> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll);
        done(performance.now() - start);
      } else if (performance.now() - start > ms) {
        clearInterval(poll);
        fail(new Error(`${what}: not within ${ms} ms; stderr so far:\n${stderr}`));
      }
    }, 20);
  });
}

const specFile = () => join(dir, "spec/api.openapi.json");
const paths = () => (existsSync(specFile()) ? Object.keys((JSON.parse(readFileSync(specFile(), "utf8")) as { paths: object }).paths) : []);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codegen-watch-"));
  mkdirSync(join(dir, "spec"));
  writeFileSync(join(dir, "spec/api.postman_collection.json"), collection(["pets"]));
  stderr = "";
  stdout = "";
});
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

it("regenerates within 2 s of a save, survives a broken save, and prints what changed", { timeout: 120_000 }, async () => {
  child = spawn(process.execPath, [BIN, "--watch"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
  // The first run (which loads the emitters) is given time; only the regenerations are timed.
  await until(() => stderr.includes("watching 1 file for changes"), 60_000, "the first run");
  expect(paths()).toEqual(["/v1/pets"]);
  expect(readFileSync(join(dir, "generated/api/default.gen.ts"), "utf8")).not.toContain("export function owners(");

  writeFileSync(join(dir, "spec/api.postman_collection.json"), collection(["pets", "owners"]));
  const took = await until(() => paths().includes("/v1/owners") && readFileSync(join(dir, "generated/api/default.gen.ts"), "utf8").includes("export function owners("), 2_000, "the regeneration");
  console.log(`watch: the new spec and SDK were on disk ${Math.round(took)} ms after the save`);
  expect(stderr).toContain("changed: spec/api.postman_collection.json");

  writeFileSync(join(dir, "spec/api.postman_collection.json"), "{ broken");
  await until(() => stderr.includes("error not-json: spec/api.postman_collection.json is not valid JSON"), 2_000, "the diagnostic");
  expect(child.exitCode).toBe(null); // still watching
  expect(paths()).toEqual(["/v1/pets", "/v1/owners"]); // the previous outputs stay

  writeFileSync(join(dir, "spec/api.postman_collection.json"), collection(["owners"]));
  await until(() => paths().join() === "/v1/owners", 2_000, "the regeneration after the fix");
});

it("a config edit reloads the jobs (a bad one is reported and the watch goes on); an environment edit reruns its job only", { timeout: 120_000 }, async () => {
  writeFileSync(join(dir, "spec/env.json"), JSON.stringify({ name: "Env", values: [] }));
  const config = (jobs: object[]) => writeFileSync(join(dir, "codegen.config.json"), JSON.stringify({ jobs }));
  config([{ input: "spec/api.postman_collection.json", spec: "out/one.openapi.json", environment: "spec/env.json" }]);
  child = spawn(process.execPath, [BIN, "--watch"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
  child.stdout!.on("data", (b: Buffer) => (stdout += b.toString()));
  await until(() => stderr.includes("watching 3 files for changes"), 60_000, "the first run");
  expect(existsSync(join(dir, "out/one.openapi.json"))).toBe(true);

  config([{ input: "spec/api.postman_collection.json", spec: "out/one.openapi.json", emit: "cjs" }]);
  await until(() => stderr.includes('error invalid-option: jobs[0].emit: must be "ts" or "js" (got "cjs")'), 2_000, "the config's diagnostic");
  expect(stderr).toContain("codegen: the config has errors; still watching (fix it and save)");

  config([
    { input: "spec/api.postman_collection.json", spec: "out/one.openapi.json", environment: "spec/env.json" },
    { input: "spec/api.postman_collection.json", spec: "out/two.openapi.yaml" },
  ]);
  await until(() => existsSync(join(dir, "out/two.openapi.yaml")), 2_000, "the new job's output");

  const before = stdout.length;
  writeFileSync(join(dir, "spec/env.json"), JSON.stringify({ name: "Env", values: [{ key: "unused", value: "1", enabled: true }] }));
  // Only the job that reads the environment runs: one output, unchanged (the value is used nowhere).
  await until(() => stdout.slice(before) === "0 written, 1 unchanged, 0 removed\n", 2_000, "the environment's job");
  expect(stderr).toContain("changed: spec/env.json");
});
