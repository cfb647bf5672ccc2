/**
 * Type-checks generated SDKs the way codegen's own tests must: with their `// @ts-nocheck`
 * lines ignored, so every operation body and runtime module is checked here even though a
 * consumer's tsc skips them (see codegen/emit/sdk.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { sdkFiles } from "./helpers.js";

const NO_CHECK = /^\/\/ @ts-nocheck\b.*$/m;

/** The compiler options of a tsconfig.json (its `files`/`include` are not used). */
export function compilerOptionsOf(tsconfig: string): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent({ ...config, files: [], include: [] }, ts.sys, join(tsconfig, "..")).options;
}

/** Diagnostics of one program over the .ts files under `dir`, each read with its `@ts-nocheck` line blanked; formatted, one per line. */
export function typeCheckIgnoringNoCheck(dir: string, options: ts.CompilerOptions): string[] {
  const files = sdkFiles(dir).map((f) => resolve(dir, f));
  const roots = new Set(files);
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = read(file);
    return text !== undefined && roots.has(resolve(file)) ? text.replace(NO_CHECK, "") : text;
  };
  const program = ts.createProgram({ rootNames: files, options: { ...options, noEmit: true }, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const at = d.file ? `${relative(process.cwd(), d.file.fileName)}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: ` : "";
    return `${at}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/** Writes an SDK's files under `dir` (emptied first) and returns `typeCheckIgnoringNoCheck`'s diagnostics for it. */
export function writeAndTypeCheck(dir: string, files: { path: string; content: string }[], tsconfig = "tsconfig.json"): string[] {
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return typeCheckIgnoringNoCheck(dir, compilerOptionsOf(tsconfig));
}
