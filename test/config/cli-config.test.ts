/**
 * The config file as a user runs it (the real bin, in a scratch folder): two jobs, a collection
 * and an OpenAPI document, regenerate both; paths are relative to the config's folder; the SDK
 * header names the spec as the config writes it; .mjs and .ts configs load through the same
 * checks; a bad config is one line naming the key path, exit 1, nothing written.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const BIN = resolve("bin/codegen.js");
const SLOW = { timeout: 180_000 };
let dir: string;

function codegen(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

const PETS = {
  openapi: "3.0.3",
  info: { title: "Pets", version: "1.0.0" },
  servers: [{ url: "https://pets.example/v1" }],
  paths: { "/pets/{id}": { get: { operationId: "getPet", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok" } } } } },
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codegen-config-"));
  mkdirSync(join(dir, "project/apis"), { recursive: true });
  cpSync("spec/zoom.postman_collection.json", join(dir, "project/apis/zoom.postman_collection.json"));
  writeFileSync(join(dir, "project/apis/pets.json"), `${JSON.stringify(PETS, null, 2)}\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("codegen.config.json", () => {
  it("two jobs, a collection and an OpenAPI document, regenerate both, paths relative to the config's folder", SLOW, () => {
    const config = {
      jobs: [
        { input: "apis/zoom.postman_collection.json", spec: "apis/zoom.openapi.yaml", sdk: "sdk/zoom", packageName: "@acme/zoom" },
        { input: "apis/pets.json", sdk: "sdk/pets", emit: "js" },
      ],
    };
    writeFileSync(join(dir, "project/codegen.config.json"), JSON.stringify(config));
    // Run from above the project: every path is the config's folder's, not the working directory's.
    const r = codegen(dir, "--config", "project/codegen.config.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ written, 0 unchanged, 0 removed$/);
    expect(readFileSync(join(dir, "project/apis/zoom.openapi.yaml"), "utf8")).toMatch(/^openapi: 3\.0\.3\ninfo:\n {2}title: Zoom API\n/);
    expect(readFileSync(join(dir, "project/sdk/zoom/index.ts"), "utf8").split("\n")[0]).toBe("// Generated from apis/zoom.openapi.yaml by codegen. Do not edit.");
    expect(JSON.parse(readFileSync(join(dir, "project/sdk/zoom/package.json"), "utf8")).name).toBe("@acme/zoom");
    // The OpenAPI input is read as it is (no spec step) and emitted as JavaScript.
    expect(readFileSync(join(dir, "project/sdk/pets/index.js"), "utf8").split("\n")[0]).toBe("// Generated from apis/pets.json by codegen. Do not edit.");
    expect(existsSync(join(dir, "project/sdk/pets/index.d.ts"))).toBe(true);
    expect(existsSync(join(dir, "project/sdk/pets/index.ts"))).toBe(false);
    // Found in the working directory without --config; a second run changes nothing.
    const again = codegen(join(dir, "project"), "--check");
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toMatch(/^up to date: \d+ files$/);
  });

  it.each([
    ["codegen.config.mjs", `export default { jobs: [{ input: "apis/pets.json", sdk: "sdk/pets" }] };\n`],
    ["codegen.config.ts", `const emit: "ts" | "js" = "ts";\nexport default { jobs: [{ input: "apis/pets.json", sdk: "sdk/pets", emit }] };\n`],
  ])("%s loads through the same loader", SLOW, (name, text) => {
    writeFileSync(join(dir, "project", name), text);
    const r = codegen(join(dir, "project"));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "project/sdk/pets/index.ts"), "utf8").split("\n")[0]).toBe("// Generated from apis/pets.json by codegen. Do not edit.");
  });

  it("a bad config: each error names its key path and points at it, exit 1, nothing written", () => {
    writeFileSync(join(dir, "project/codegen.config.json"), JSON.stringify({ jobs: [{ input: "apis/pets.json", sdk: "sdk/pets" }, { input: "apis/zoom.postman_collection.json", sdk: "sdk/zoom", emit: "esm" }] }));
    const r = codegen(join(dir, "project"));
    expect(r).toEqual({ code: 1, stdout: "", stderr: `error invalid-option: jobs[1].emit: must be "ts" or "js" (got "esm")\n  at codegen.config.json#/jobs/1/emit` });
    expect(existsSync(join(dir, "project/sdk"))).toBe(false);
  });

  it("a .ts config that does not load, and a --config that does not exist, are one line each", () => {
    writeFileSync(join(dir, "project/codegen.config.ts"), "export default {\n");
    const r = codegen(join(dir, "project"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error invalid-option: codegen\.config\.ts: cannot be loaded \(.+\)$/);
    expect(codegen(join(dir, "project"), "--config", "nope.json")).toEqual({ code: 1, stdout: "", stderr: "error invalid-option: nope.json: it does not exist" });
  });
});
