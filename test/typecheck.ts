/**
 * Type-checks generated SDKs the way codegen's own tests must: with their `// @ts-nocheck`
 * lines ignored, so every operation body and runtime module is checked here even though a
 * consumer's tsc skips them (see codegen/emit/sdk.ts).
 */
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const NO_CHECK = /^\/\/ @ts-nocheck\b.*$/m;

/** Every .ts file under `dir`, recursively. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The compiler options of a tsconfig.json (its `files`/`include` are not used). */
export function compilerOptionsOf(tsconfig: string): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent({ ...config, files: [], include: [] }, ts.sys, join(tsconfig, "..")).options;
}

/** Diagnostics of one program over `files`, each file read with its `@ts-nocheck` line blanked; formatted, one per line. */
export function typeCheckIgnoringNoCheck(files: string[], options: ts.CompilerOptions): string[] {
  const roots = new Set(files.map((f) => resolve(f)));
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
