/**
 * The CLI's path: a project with node_modules/ keeps each job's printed pieces under
 * node_modules/.cache/codegen/, and the next process regenerates from them. After an edit, the
 * SDK it writes equals, byte for byte, the one a project without any cache writes.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SdkCache } from "../../codegen/index.js";
import { OutputCache } from "../../codegen/cache.js";
import { runJobs, type Job } from "../../codegen/run.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codegen-pieces-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under a folder, by relative path. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(root, p)] = readFileSync(p, "utf8");
    }
  };
  walk(root);
  return out;
}

/** One `generate` run in a project folder, as the CLI makes it (a fresh OutputCache: a new process). */
async function generateIn(project: string) {
  const job: Job = { input: join(project, "api.openapi.json"), inputKind: "openapi", sdk: join(project, "sdk"), source: "../api.openapi.json" };
  const result = await runJobs([job], { check: false, label: (f) => relative(project, f), cache: OutputCache.open(project) });
  expect(result.inputErrors).toBe(false);
  expect(result.outputError).toBeUndefined();
  return result;
}

describe("a project's pieces cache", () => {
  it("a later process regenerates an edited spec from the cache, to the bytes of a project without one", async () => {
    const cached = join(dir, "cached");
    const plain = join(dir, "plain");
    mkdirSync(join(cached, "node_modules"), { recursive: true });
    mkdirSync(plain);
    cpSync("spec/zoom.openapi.json", join(cached, "api.openapi.json"));
    await generateIn(cached);
    const record = readdirSync(join(cached, "node_modules/.cache/codegen"));
    expect(record.filter((f) => f.endsWith(".sdk"))).toHaveLength(1);

    // One operation's summary changes: one operation module and one path item are printed again.
    const spec = JSON.parse(readFileSync(join(cached, "api.openapi.json"), "utf8")) as { paths: Record<string, Record<string, { summary?: string }>> };
    const [path] = Object.keys(spec.paths);
    const method = Object.keys(spec.paths[path!]!).find((m) => m !== "parameters")!;
    spec.paths[path!]![method]!.summary = "Edited in place";
    writeFileSync(join(cached, "api.openapi.json"), `${JSON.stringify(spec, null, 2)}\n`);
    writeFileSync(join(plain, "api.openapi.json"), `${JSON.stringify(spec, null, 2)}\n`);
    const again = await generateIn(cached);
    expect(again.changes.map((c) => relative(cached, c.path)).sort()).toContain("sdk/schema.gen.ts");

    await generateIn(plain);
    expect(existsSync(join(plain, "node_modules"))).toBe(false);
    const [a, b] = [tree(join(cached, "sdk")), tree(join(plain, "sdk"))];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const file of Object.keys(b)) expect(a[file], file).toBe(b[file]);
    expect(a["schema.gen.ts"]).toContain("Edited in place");

    // The next process reads the pieces from disk: a module planted there is what it writes for
    // an unchanged module (the cache trusts what it keyed by content; here, to show it is read).
    const file = join(cached, "node_modules/.cache/codegen", record.find((f) => f.endsWith(".sdk"))!);
    const pieces = deserialize(readFileSync(file)) as SdkCache;
    const planted = [...pieces.modules.values()].find((m) => m.path === "users.gen.ts")!;
    planted.content += "// planted\n";
    writeFileSync(file, serialize(pieces));
    spec.paths[path!]![method]!.summary = "Edited again";
    writeFileSync(join(cached, "api.openapi.json"), `${JSON.stringify(spec, null, 2)}\n`);
    await generateIn(cached);
    expect(readFileSync(join(cached, "sdk/users.gen.ts"), "utf8")).toMatch(/\/\/ planted\n$/);
  }, 60_000);
});
