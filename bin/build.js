#!/usr/bin/env node
// Builds dist/: the generator as plain JavaScript (esbuild), so `codegen` starts without a
// TypeScript loader (tsx costs 2.1 s and 120 MB on GitHub's spec). Run by `prepare` on
// `npm ci`, and before `npm run generate` and `npm test`, so dist/ never lags the sources.
// The build goes to a sibling folder that is swapped in whole, so a `codegen` (or a test)
// running beside a build never sees half a dist/.
//
// The programmatic API's declarations (dist/types/, the package's `types`) come from tsc,
// which takes about 10 s: they are made when packing (`npm pack` / `npm publish`, whose
// `prepare` runs this) or with --types, and otherwise carried over from the previous build
// while the sources they were made from are unchanged (a hash of codegen/**/*.ts).
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const staging = `${root}dist.${process.pid}.build`;
rmSync(staging, { recursive: true, force: true });
await build({
  // emit/worker.ts becomes dist/emit/worker.mjs, which codegen/emit/sdk.ts looks for.
  entryPoints: [`${root}codegen/cli.ts`, `${root}codegen/index.ts`, `${root}codegen/emit/worker.ts`],
  outdir: staging,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
// The runtime is copied into every SDK as TypeScript source; the generator reads it from here.
cpSync(`${root}codegen/runtime`, `${staging}/runtime`, { recursive: true });

const sourcesHash = hashSources(`${root}codegen`);
const stamp = "types/.sources-sha256";
const wantTypes = process.argv.includes("--types") || ["pack", "publish"].includes(process.env.npm_command ?? "");
if (wantTypes) {
  await emitDeclarations(`${staging}/types`);
  writeFileSync(`${staging}/${stamp}`, `${sourcesHash}\n`);
} else if (existsSync(`${root}dist/${stamp}`) && readFileSync(`${root}dist/${stamp}`, "utf8").trim() === sourcesHash) {
  cpSync(`${root}dist/types`, `${staging}/types`, { recursive: true });
}
const old = `${root}dist.${process.pid}.old`;
try {
  renameSync(`${root}dist`, old);
} catch {
  // No previous build.
}
renameSync(staging, `${root}dist`);
rmSync(old, { recursive: true, force: true });

/** sha256 over every .ts under codegen/ (names and bytes, in a fixed order). */
function hashSources(dir) {
  const hash = createHash("sha256");
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith(".ts")) hash.update(path.slice(dir.length)).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/** The declarations of codegen/index.ts and what it reaches (self-contained: no Node or DOM types), into `outDir`. */
async function emitDeclarations(outDir) {
  const { default: ts } = await import("typescript");
  const program = ts.createProgram([`${root}codegen/index.ts`], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir,
    rootDir: `${root}codegen`,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    types: ["node"],
  });
  const result = program.emit(undefined, undefined, undefined, true);
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0 || !existsSync(`${outDir}/index.d.ts`)) {
    throw new Error(`declarations: ${ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }) || "no index.d.ts"}`);
  }
}
