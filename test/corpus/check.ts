/**
 * Type-checks many generated SDKs in ONE TypeScript program (the default lib and openapi-fetch's
 * types are loaded and checked once per batch, not once per SDK), each SDK in its own folder,
 * with their `// @ts-nocheck` lines ignored, under this repository's strict tsconfig.
 *
 * Every SDK carries the same runtime/ folder (copied verbatim; only the header line names the
 * spec). When an SDK's runtime is byte-identical to the batch's first one below that line, its
 * imports of runtime modules resolve to that first copy, so the runtime is checked once per
 * batch, and its errors count against every SDK that shares it (each SDK ships that runtime).
 * A runtime that differs is checked on its own.
 */
import { readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import ts from "typescript";
import { sdkFiles } from "../helpers.js";
import { compilerOptionsOf } from "../typecheck.js";
import type { SdkCheck } from "./jobs.js";

const NO_CHECK = /^\/\/ @ts-nocheck\b.*$/m;
const MAX_EXAMPLES = 4;

const withoutHeader = (text: string) => text.slice(text.indexOf("\n") + 1);

/** One program over the SDK folders `sdks`; returns what it found in each, keyed by folder. */
export function checkBatch(sdks: string[], tsconfig: string): { ms: number; bySdk: Record<string, SdkCheck> } {
  const started = performance.now();
  const options = { ...compilerOptionsOf(tsconfig), noEmit: true };
  const roots: string[] = [];
  const owner = new Map<string, string>(); // resolved file → its SDK folder
  const redirect = new Map<string, string>(); // an SDK's runtime folder → the shared one
  let shared: { dir: string; files: Map<string, string> } | undefined;
  const sharers: string[] = []; // SDKs whose runtime is the shared copy
  for (const sdk of sdks.map((s) => resolve(s))) {
    const files = sdkFiles(sdk);
    const runtime = files.filter((f) => f.startsWith("runtime/"));
    const texts = new Map(runtime.map((f) => [f, withoutHeader(readFileSync(join(sdk, f), "utf8"))]));
    if (!shared && runtime.length) shared = { dir: join(sdk, "runtime"), files: texts };
    const same = shared && shared.dir !== join(sdk, "runtime") && texts.size === shared.files.size && [...texts].every(([f, t]) => shared!.files.get(f) === t);
    if (same) {
      redirect.set(join(sdk, "runtime") + sep, shared!.dir + sep);
      sharers.push(sdk);
    }
    for (const f of same ? files.filter((f) => !f.startsWith("runtime/")) : files) {
      roots.push(join(sdk, f));
      owner.set(join(sdk, f), sdk);
    }
  }
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = read(file);
    return text !== undefined && owner.has(resolve(file)) ? text.replace(NO_CHECK, "") : text;
  };
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => f, options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, opts, containingSourceFile) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, opts);
      const found = ts.resolveModuleName(literal.text, containingFile, opts, host, cache, redirectedReference, mode);
      const file = found.resolvedModule?.resolvedFileName;
      if (file) {
        for (const [from, to] of redirect) {
          if (file.startsWith(from)) return { ...found, resolvedModule: { ...found.resolvedModule!, resolvedFileName: to + file.slice(from.length) } };
        }
      }
      return found;
    });
  const program = ts.createProgram({ rootNames: roots, options, host });
  const bySdk: Record<string, SdkCheck> = Object.fromEntries(sdks.map((s) => [resolve(s), { syntax: 0, semantic: 0, examples: [], codes: {} }]));
  const note = (d: ts.Diagnostic, syntax: boolean) => {
    const file = d.file ? resolve(d.file.fileName) : undefined;
    const sdk = file ? owner.get(file) : undefined;
    if (!sdk || !bySdk[sdk]) return; // a library's own error (skipLibCheck is on, so none are expected)
    const where = d.start !== undefined ? d.file!.getLineAndCharacterOfPosition(d.start) : undefined;
    const line = where ? d.file!.text.split("\n", where.line + 1)[where.line]!.trim().slice(0, 240) : "";
    const example = `${file!.slice(sdk.length + 1)}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 300)}${line ? `\n    > ${line}` : ""}`;
    const inShared = shared !== undefined && file!.startsWith(shared.dir + sep);
    for (const target of inShared ? [sdk, ...sharers] : [sdk]) {
      const entry = bySdk[target]!;
      if (syntax) entry.syntax++;
      else entry.semantic++;
      entry.codes[`TS${d.code}`] = (entry.codes[`TS${d.code}`] ?? 0) + 1;
      if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(example);
    }
  };
  for (const sf of program.getSourceFiles()) {
    if (!owner.has(resolve(sf.fileName))) continue;
    const syntactic = program.getSyntacticDiagnostics(sf);
    for (const d of syntactic) note(d, true);
    if (syntactic.length === 0) for (const d of program.getSemanticDiagnostics(sf)) note(d, false);
  }
  for (const d of program.getGlobalDiagnostics()) note(d, false);
  for (const d of program.getOptionsDiagnostics()) note(d, false);
  return { ms: performance.now() - started, bySdk };
}
