#!/usr/bin/env node
// Builds dist/: the generator as plain JavaScript (esbuild), so `codegen` starts without a
// TypeScript loader (tsx costs 2.1 s and 120 MB on GitHub's spec). Run by `prepare` on
// `npm ci`, and before `npm run generate` and `npm test`, so dist/ never lags the sources.
// The build goes to a sibling folder that is swapped in whole, so a `codegen` (or a test)
// running beside a build never sees half a dist/.
import { cpSync, renameSync, rmSync } from "node:fs";
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
const old = `${root}dist.${process.pid}.old`;
try {
  renameSync(`${root}dist`, old);
} catch {
  // No previous build.
}
renameSync(staging, `${root}dist`);
rmSync(old, { recursive: true, force: true });
