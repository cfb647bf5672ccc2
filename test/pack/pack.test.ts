/**
 * The tool as a package (issue 11): `npm pack` carries only what runs (the built dist/ with
 * its declarations, the bin, README, LICENSE); installed from the tarball into an empty folder
 * without the network, `npx codegen --version` and `npx codegen` work, the output is the
 * repository's byte for byte, it runs as fast as from the repository (figures printed), and
 * the programmatic API imports in plain Node and type-checks in a consumer (strict, no DOM,
 * no skipLibCheck).
 *
 * Offline: the app's lockfile is the tool's own (package-lock.json) with the tool itself
 * pointing at the tarball, so `npm ci --offline` takes every dependency from the npm cache by
 * its integrity, as the repository's `npm ci` left them, and asks no registry for metadata.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];
const tool = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };

let work: string;
let app: string;
let packed: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "codegen-pack-"));
  // npm pack runs `prepare` (bin/build.js), which makes the declarations when npm packs.
  const { stdout } = await run(npm, ["pack", "--json", "--pack-destination", work, ...QUIET], { cwd: root, maxBuffer: 1 << 26 });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path).sort();
  app = join(work, "app");
  mkdirSync(app);
  const tarball = `file:../${info!.filename}`;
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
  const packages: Record<string, unknown> = {
    "": { name: "app", dependencies: { [tool.name]: tarball } },
    [`node_modules/${tool.name}`]: { version: tool.version, resolved: tarball, dependencies: tool.dependencies, bin: tool.bin, engines: tool.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key !== "" && !entry.dev && !entry.link) packages[key] = entry;
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "app", private: true, type: "module", dependencies: { [tool.name]: tarball } }, null, 2)}\n`);
  writeFileSync(join(app, "package-lock.json"), `${JSON.stringify({ name: "app", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  await run(npm, ["ci", "--offline", ...QUIET], { cwd: app });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed tool", () => {
  it("carries only what runs: dist/ (code, worker, runtime templates, declarations), the bin, README, LICENSE", () => {
    expect(packed.filter((p) => !p.startsWith("dist/"))).toEqual(["LICENSE", "README.md", "bin/codegen.js", "package.json"]);
    for (const file of ["dist/cli.mjs", "dist/index.mjs", "dist/emit/worker.mjs", "dist/runtime/client.ts", "dist/types/index.d.ts"]) expect(packed).toContain(file);
    expect(packed.filter((p) => p.startsWith("dist/") && !/\.(mjs|d\.ts|ts)$/.test(p) && !p.endsWith(".sources-sha256"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(app, "node_modules", tool.name, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest.exports).toEqual({ ".": { types: "./dist/types/index.d.ts", default: "./dist/index.mjs" }, "./package.json": "./package.json" });
  });

  it("installed in an empty folder: npx codegen --version, then npx codegen on a collection, the same bytes as from the repository", { timeout: 120_000 }, async () => {
    expect((await run(npx, ["codegen", "--version"], { cwd: app })).stdout).toBe(`${tool.version}\n`);
    mkdirSync(join(app, "spec"));
    cpSync(join(root, "spec/zoom.postman_collection.json"), join(app, "spec/zoom.postman_collection.json"));
    const installed = await run(npx, ["codegen"], { cwd: app });
    expect(installed.stdout).toMatch(/^\d+ written, 0 unchanged, 0 removed\n$/);
    const repo = join(work, "repo-run");
    mkdirSync(join(repo, "spec"), { recursive: true });
    cpSync(join(root, "spec/zoom.postman_collection.json"), join(repo, "spec/zoom.postman_collection.json"));
    await run(process.execPath, [join(root, "bin/codegen.js")], { cwd: repo });
    expect(readFileSync(join(app, "spec/zoom.openapi.json"), "utf8")).toBe(readFileSync(join(repo, "spec/zoom.openapi.json"), "utf8"));
    for (const file of readdirSync(join(repo, "generated/zoom"))) {
      if (file === "runtime") continue;
      expect(readFileSync(join(app, "generated/zoom", file), "utf8"), file).toBe(readFileSync(join(repo, "generated/zoom", file), "utf8"));
    }
  });

  it("runs as fast as from the repository (medians of alternating runs of convert)", { timeout: 120_000 }, async () => {
    const scratch = join(work, "timing");
    mkdirSync(scratch);
    cpSync(join(root, "spec/zoom.postman_collection.json"), join(scratch, "zoom.json"));
    const bins = { repository: join(root, "bin/codegen.js"), installed: join(app, "node_modules", tool.name, "bin/codegen.js") };
    const times: Record<keyof typeof bins, number[]> = { repository: [], installed: [] };
    for (let round = 0; round < 5; round++) {
      for (const which of ["repository", "installed"] as const) {
        const start = performance.now();
        await run(process.execPath, [bins[which], "convert", "zoom.json", "-o", `${which}.openapi.json`], { cwd: scratch });
        times[which].push(performance.now() - start);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [repo, installed] = [median(times.repository), median(times.installed)];
    console.log(`pack: codegen convert (Zoom collection), median of 5: repository ${repo.toFixed(0)} ms, installed from the tarball ${installed.toFixed(0)} ms (${(installed / repo).toFixed(2)}×)`);
    expect(readFileSync(join(scratch, "installed.openapi.json"), "utf8")).toBe(readFileSync(join(scratch, "repository.openapi.json"), "utf8"));
    // The tarball ran 3.2× slower (no dist/: tsx at every start); a shared machine's noise stays well under 1.5×.
    expect(installed / repo).toBeLessThan(1.5);
  });

  it("the programmatic API: imported from plain Node, and type-checked in a consumer without DOM and without skipLibCheck", { timeout: 120_000 }, async () => {
    const collection = { info: { name: "Pets", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, item: [{ name: "List pets", request: { method: "GET", url: "https://pets.example/v1/pets" } }] };
    writeFileSync(
      join(app, "use.ts"),
      `import { convert, diff, formatMarkdown, generate, type Diagnostic, type OpenApiDocument } from "${tool.name}";

const { document, diagnostics } = convert(${JSON.stringify(JSON.stringify(collection))}, "pets.json");
const problems: Diagnostic[] = diagnostics;
if (!document) throw new Error(problems.map((d) => d.message).join("; "));
const doc: OpenApiDocument = document;
const files = await generate(doc, "pets.openapi.json", { emit: "ts" });
const report = diff(doc, doc, { old: "a", new: "b" });
export const summary = JSON.stringify({ paths: Object.keys(doc.paths), files: files.length > 0, changes: report.changes.length, markdown: typeof formatMarkdown([report]) });
`,
    );
    writeFileSync(join(app, "use.mjs"), readFileSync(join(app, "use.ts"), "utf8").replace(/, type \w+/g, "").replace(/: (Diagnostic\[\]|OpenApiDocument)/g, ""));
    writeFileSync(join(app, "main.mjs"), 'import { summary } from "./use.mjs";\nconsole.log(summary);\n');
    const { stdout } = await run(process.execPath, ["main.mjs"], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ paths: ["/v1/pets"], files: true, changes: 0, markdown: "string" });
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const compilerOptions = { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022"], types: [] };
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["use.ts"] }));
    const checked = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    expect(checked.stdout).toBe("");
  });
});
