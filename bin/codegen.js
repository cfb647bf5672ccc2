#!/usr/bin/env node
// The `codegen` command: runs the TypeScript sources through tsx, so there is no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../codegen/cli.ts");
process.exitCode = await main(process.argv.slice(2), process.cwd());
