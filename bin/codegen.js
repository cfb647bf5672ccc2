#!/usr/bin/env node
// The `codegen` command. Runs the build in dist/ (made by `npm ci` through `prepare`, and
// by `npm run generate` / `npm test`); without one, the TypeScript sources through tsx.
import { existsSync } from "node:fs";

const dist = new URL("../dist/cli.mjs", import.meta.url);
let main;
if (existsSync(dist)) {
  ({ main } = await import(dist.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../codegen/cli.ts"));
}
process.exitCode = await main(process.argv.slice(2), process.cwd());
