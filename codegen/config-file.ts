/**
 * Reads a config file for the CLI: JSON as text, `.mjs` by dynamic import, `.ts` through tsx's
 * `tsImport`; the value then goes through the same checks (config.ts). A module is imported
 * afresh each time (a query on its URL), so `--watch` sees its edits.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseConfig, validateConfig, type ConfigResult } from "./config.js";

let loads = 0;

/** The config at `path` (absolute); `label` names it in diagnostics. Never throws for a user's mistake. */
export async function readConfig(path: string, label: string): Promise<ConfigResult> {
  const fail = (message: string): ConfigResult => ({
    config: undefined,
    diagnostics: [{ code: "invalid-option", severity: "error", message: `${label}: ${message}`, at: { file: label, pointer: "" } }],
  });
  if (/\.json$/i.test(path)) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      return fail((e as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (e as Error).message);
    }
    return parseConfig(text, label);
  }
  if (!/\.(mjs|ts)$/i.test(path)) return fail("a config file ends in .json, .mjs or .ts");
  const url = `${pathToFileURL(path).href}?load=${++loads}`;
  let module: { default?: unknown };
  try {
    if (/\.ts$/i.test(path)) {
      const { tsImport } = await import("tsx/esm/api");
      module = (await tsImport(url, import.meta.url)) as { default?: unknown };
    } else {
      module = (await import(url)) as { default?: unknown };
    }
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes(path)) return fail("it does not exist");
    return fail(`cannot be loaded (${String(error.message).split("\n")[0]})`);
  }
  let value = module.default;
  // A .ts file outside a `"type": "module"` package is loaded as CommonJS: its default export arrives one level down.
  if (value && typeof value === "object" && !("jobs" in value) && "default" in value) value = (value as { default: unknown }).default;
  if (value === undefined) return fail("has no default export (export default { jobs: [...] })");
  return validateConfig(value, label);
}
