/**
 * An SDK as an npm package: `package.json`, a `README.md`, and (with `emit: "js"`) its
 * TypeScript compiled to `.js` + `.d.ts`, ready for `npm publish` and for plain Node.
 * https://docs.npmjs.com/cli/v10/configuring-npm/package-json
 */
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { OpenApiDocument } from "../openapi.js";
import { transliterate } from "../naming.js";
import type { GeneratedFile } from "./operations.js";
import type { SdkPlan } from "./plan.js";
import { emitReadme } from "./readme.js";

export interface PackageOptions {
  /** The package name; by default the kebab-case of the document's title. */
  name?: string;
  /** `ts` (default): the `.ts` sources, for bundlers and TypeScript-aware runtimes. `js`: compiled `.js` + `.d.ts`. */
  emit?: "ts" | "js";
}

/** The SDK's final files, sorted by path: its code (as TypeScript, or compiled) plus `package.json` and `README.md`. */
export function emitPackage(document: OpenApiDocument, plan: SdkPlan, files: GeneratedFile[], options: PackageOptions = {}): GeneratedFile[] {
  return finishPackage(files, describePackage(document, plan, { ...options, ...sourceOf(files) }));
}

/** What a package adds to the SDK's code: its `package.json` and `README.md`, and how the code is emitted. */
export interface PackageFiles {
  emit: "ts" | "js";
  files: GeneratedFile[];
}

/**
 * The package's own files, from the document and plan alone, so the SDK can make them before
 * the type emitter changes its copy of the document. `source` is the spec the header names.
 */
export function describePackage(document: OpenApiDocument, plan: SdkPlan, options: PackageOptions & { source?: string }): PackageFiles {
  const emit = options.emit ?? "ts";
  const name = options.name === undefined ? packageNameOf(document.info?.title) : checkPackageName(options.name);
  return {
    emit,
    files: [
      { path: "package.json", content: packageJson(name, packageVersion(document.info?.version), document.info?.description, emit) },
      { path: "README.md", content: emitReadme(document, plan, { name, emit, openapiFetch: openapiFetchPeer(), ...(options.source === undefined ? {} : { source: options.source }) }) },
    ],
  };
}

/** The SDK's final files, sorted by path: its code (compiled for `emit: "js"`) and the package's own. */
export function finishPackage(code: GeneratedFile[], pkg: PackageFiles): GeneratedFile[] {
  const out = [...(pkg.emit === "js" ? compileSdk(code) : code), ...pkg.files];
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The spec the files' header line names (`// Generated from <source> by codegen. Do not edit.`). */
function sourceOf(files: GeneratedFile[]): { source?: string } {
  for (const f of files) {
    const match = /^\/\/ Generated from (.*) by codegen\. Do not edit\.\n/.exec(f.content);
    if (match) return { source: match[1]! };
  }
  return {};
}

/**
 * `Zoom API` → `zoom-api`: the title's Latin words, lower-cased, joined by `-` (marks dropped:
 * `Pëts` → `pets`; a possessive `'s` dropped: `GitHub's OpenAPI` → `github-openapi`), or
 * `api-sdk` when it has none. A title that is a name npm keeps for itself (`HTTP`: a Node.js
 * core module) gets `-sdk` after it.
 */
export function packageNameOf(title: unknown): string {
  const words =
    typeof title === "string"
      ? transliterate(title)
          .replace(/['’]s(?![A-Za-z0-9])/gi, "")
          .replace(/['’`]/g, "")
          .split(/[^A-Za-z0-9]+/)
          .filter(Boolean)
          .map((w) => w.toLowerCase())
      : [];
  const name = words.join("-").slice(0, 200).replace(/-+$/, "");
  if (name === "") return "api-sdk";
  return problemOf(name) === undefined ? name : `${name}-sdk`;
}

/** The name given, or a thrown error saying why npm would refuse it. */
export function checkPackageName(name: string): string {
  const problem = problemOf(name);
  if (problem !== undefined) throw new Error(`${JSON.stringify(name)} is not a valid npm package name: ${problem}`);
  return name;
}

/**
 * Why npm would refuse a new package of this name (the rules of validate-npm-package-name
 * for new packages), or undefined when it would take it.
 */
function problemOf(name: string): string | undefined {
  if (name.length === 0) return "it is empty";
  if (name.length > 214) return "it is longer than 214 characters";
  if (name !== name.trim()) return "it starts or ends with a space";
  if (name !== name.toLowerCase()) return "it has capital letters";
  const scoped = /^@([^/]+)\/([^/]+)$/.exec(name);
  if (name.startsWith("@") && !scoped) return "a scoped name is @scope/name";
  const bare = scoped ? scoped[2]! : name;
  for (const part of scoped ? [scoped[1]!, bare] : [bare]) {
    if (/^[._]/.test(part)) return "it starts with a period or an underscore";
    if (/[~'!()*]/.test(part)) return "it has one of the characters ~'!()*";
    if (encodeURIComponent(part) !== part) return "it has characters that are not URL-safe";
  }
  if (!scoped && (name === "node_modules" || name === "favicon.ico")) return "the name is reserved";
  if (!scoped && builtinModules.includes(name)) return "it is the name of a Node.js core module";
  return undefined;
}

/** semver.org's own pattern for a version (https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** The document's `info.version` when it is a semantic version, else `0.0.0`. */
export function packageVersion(version: unknown): string {
  return typeof version === "string" && version.length <= 256 && SEMVER.test(version) ? version : "0.0.0";
}

/** This module's file: codegen/emit/package.ts from the sources, a chunk of dist/ from the build. */
const HERE = fileURLToPath(import.meta.url).replace(/\\/g, "/");

let openapiFetchRange: string | undefined;

/**
 * The openapi-fetch range the SDK needs: `^` of the exact version codegen itself depends on
 * (and generates against), from codegen's own package.json: the nearest one above this module
 * (neither codegen/ nor dist/ has one), whatever the tool's name. Read on first use.
 */
function openapiFetchPeer(): string {
  if (openapiFetchRange !== undefined) return openapiFetchRange;
  for (let dir = dirname(HERE); ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const own = JSON.parse(readFileSync(file, "utf8")) as { dependencies?: Record<string, unknown> };
      const version = own.dependencies?.["openapi-fetch"];
      if (typeof version !== "string" || !SEMVER.test(version)) throw new Error(`${file} does not pin openapi-fetch to one version`);
      return (openapiFetchRange = `^${version}`);
    }
    if (dirname(dir) === dir) throw new Error(`no package.json above ${HERE}`);
  }
}

/** The package.json text: two-space JSON, LF, final newline, keys in a fixed order. */
function packageJson(name: string, version: string, description: unknown, emit: "ts" | "js"): string {
  const entry = emit === "js" ? { types: "./index.d.ts", default: "./index.js" } : { types: "./index.ts", default: "./index.ts" };
  const pkg = {
    name,
    version,
    ...(typeof description === "string" && description.trim() !== "" ? { description: firstLine(description) } : {}),
    type: "module",
    ...(emit === "js" ? { main: "./index.js" } : {}),
    types: entry.types,
    exports: { ".": entry, "./package.json": "./package.json" },
    // What `npm publish` takes: the code and the README, not codegen's manifest.
    files: emit === "js" ? ["**/*.js", "**/*.d.ts", "README.md"] : ["**/*.ts", "README.md"],
    sideEffects: false,
    peerDependencies: { "openapi-fetch": openapiFetchPeer() },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** A description's first line, as npm shows one line of it. */
function firstLine(text: string): string {
  return text.trim().split(/\r\n?|\n|[\u2028\u2029]/)[0]!.trim().slice(0, 500);
}

// ---------------------------------------------------------------------------------------------
// emit: "js"

/** Where the SDK's files live for the compiler: a virtual folder no real path can be. */
const ROOT = "/__codegen_sdk__/";

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  declaration: true,
  // Each file is emitted as written; the SDK's code is type-checked by codegen's own tests.
  noCheck: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
  verbatimModuleSyntax: true,
  strict: true,
  skipLibCheck: true,
  noEmitOnError: false,
};

/** Library files (TypeScript's lib.*.d.ts, openapi-fetch's types) parsed once per process. */
const libraryFiles = new Map<string, ts.SourceFile>();

/**
 * Each `.ts` file → `.js` + `.d.ts` with TypeScript's compiler, in memory: ES2022, ESM (the
 * imports already say `.js`). The header line is kept on every output; `@ts-nocheck` is not
 * (a declaration file is the consumer's to check).
 */
export function compileSdk(files: GeneratedFile[]): GeneratedFile[] {
  const sources = new Map(files.filter((f) => f.path.endsWith(".ts")).map((f) => [ROOT + f.path, f.content]));
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = sources.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true, ts.ScriptKind.TS);
    let cached = libraryFiles.get(fileName);
    if (!cached) {
      cached = realGetSourceFile(fileName, languageVersion, onError);
      if (cached) libraryFiles.set(fileName, cached);
    }
    return cached;
  };
  const realFileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => sources.has(fileName) || (!fileName.startsWith(ROOT) && realFileExists(fileName));
  const realReadFile = host.readFile.bind(host);
  host.readFile = (fileName) => sources.get(fileName) ?? (fileName.startsWith(ROOT) ? undefined : realReadFile(fileName));
  host.getCurrentDirectory = () => ROOT;
  // Relative imports resolve among the SDK's files; bare ones (openapi-fetch) from codegen's own installation.
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, options) =>
    literals.map((literal) => ts.resolveModuleName(literal.text, literal.text.startsWith(".") ? containingFile : HERE, options, host));
  const outputs: GeneratedFile[] = [];
  host.writeFile = (fileName, text) => {
    if (!fileName.startsWith(ROOT)) throw new Error(`the compiler wrote outside the SDK: ${fileName}`);
    outputs.push({ path: fileName.slice(ROOT.length), content: text });
  };
  const program = ts.createProgram({ rootNames: [...sources.keys()].sort(), options: { ...COMPILER_OPTIONS, outDir: ROOT, rootDir: ROOT }, host });
  const result = program.emit(undefined, undefined, undefined, false, { afterDeclarations: [withoutDomOnlyTypes] });
  // The code is codegen's own: text that does not parse is a bug in the generator, not a warning.
  const errors = [...program.getSyntacticDiagnostics(), ...result.diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const [first] = errors as [ts.Diagnostic];
    const where = first.file ? ` in ${first.file.fileName.slice(ROOT.length)}` : "";
    throw new Error(`compiling the SDK failed${where}: ${ts.flattenDiagnosticMessageText(first.messageText, "\n")}`);
  }
  const written = new Set(outputs.map((f) => f.path));
  const missing = [...sources.keys()].flatMap((f) => [f.replace(/\.ts$/, ".js"), f.replace(/\.ts$/, ".d.ts")]).map((f) => f.slice(ROOT.length)).filter((f) => !written.has(f));
  if (missing.length > 0) throw new Error(`compiling the SDK wrote no ${missing.join(", ")}`);
  const headers = new Map(files.map((f) => [f.path.replace(/\.ts$/, ""), headerOf(f.content)]));
  return [
    ...files.filter((f) => !f.path.endsWith(".ts")),
    ...outputs.map((f) => {
      const stem = f.path.replace(/\.(d\.ts|js)$/, "");
      return { path: f.path, content: withHeader(f.content, headers.get(stem) ?? "") };
    }),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The DOM's type aliases that Node's types (`@types/node`, which has fetch, Request, Response,
 * Headers, Blob, FormData, ReadableStream) lack, each as the same type spelled through names
 * both have. A global declaration cannot fill the gap: a type alias cannot be declared twice,
 * so it would break every app that also has the DOM lib. Each declaration file that uses one
 * gets a module-private alias instead, and so compiles with the DOM lib, without it, and
 * without skipLibCheck.
 */
const DOM_ONLY_TYPES: Record<string, string> = {
  BodyInit: 'NonNullable<RequestInit["body"]>',
  HeadersInit: "ConstructorParameters<typeof Headers>[0]",
};

/** A declaration transformer: a private alias for each DOM-only type name a file uses and does not declare itself. */
const withoutDomOnlyTypes: ts.TransformerFactory<ts.SourceFile | ts.Bundle> = (context) => (node) => {
  if (!ts.isSourceFile(node)) return node;
  const used = new Set<string>();
  const declared = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && Object.hasOwn(DOM_ONLY_TYPES, n.typeName.text)) used.add(n.typeName.text);
    if ((ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isClassDeclaration(n)) && n.name) declared.add(n.name.text);
    if (ts.isImportSpecifier(n)) declared.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  const missing = [...used].filter((name) => !declared.has(name)).sort();
  if (missing.length === 0) return node;
  const { factory } = context;
  const aliases = missing.map((name) => {
    const probe = ts.createSourceFile("alias.d.ts", `type ${name} = ${DOM_ONLY_TYPES[name]};`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    const alias = probe.statements[0] as ts.TypeAliasDeclaration;
    return factory.createTypeAliasDeclaration(undefined, name, undefined, alias.type);
  });
  const statements = [...node.statements];
  const firstCode = statements.findIndex((s) => !ts.isImportDeclaration(s));
  statements.splice(firstCode === -1 ? statements.length : firstCode, 0, ...aliases);
  // A declaration file without `export {}` exports all its declarations, the aliases too.
  const hasExportMarker = statements.some((s) => ts.isExportDeclaration(s) && !s.exportClause && !s.moduleSpecifier);
  if (!hasExportMarker) statements.push(factory.createExportDeclaration(undefined, false, factory.createNamedExports([]), undefined));
  return factory.updateSourceFile(node, statements);
};

/** A file's `// Generated from …` line, when it has one. */
function headerOf(content: string): string {
  const first = content.split("\n", 1)[0]!;
  return first.startsWith("// Generated from ") ? `${first}\n` : "";
}

/** The compiled text under the source's header line alone: the `@ts-nocheck` line and blank lines before the code go. */
function withHeader(content: string, header: string): string {
  const body = content
    .replace(/\r\n/g, "\n")
    .replace(/^(\/\/ (Generated from |@ts-nocheck)[^\n]*\n|\s*\n)*/, "")
    .replace(/\s*$/, "\n");
  return header ? `${header}\n${body}` : body;
}
