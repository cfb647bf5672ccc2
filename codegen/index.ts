/**
 * The programmatic API: the two halves of the pipeline as pure functions of their inputs.
 * Nothing here touches the disk but the one read of the generator's own runtime template;
 * the CLI reads the inputs and writes the outputs around these.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { convertCollection } from "./convert/document.js";
import { DocumentTextError, grouped, MAX_STRING_LENGTH, stringifyDocument } from "./convert/serialize.js";
import { Diagnostics, type Diagnostic } from "./diagnostics.js";
import type { GeneratedFile } from "./emit/operations.js";
import type { OpenApiDocument } from "./openapi.js";
import { applyOverlay } from "./overlay.js";
import { parseEnvironment } from "./postman/environment.js";
import type { PostmanVariable } from "./postman/model.js";
import { parseCollection } from "./postman/parse.js";

export type { Diagnostic } from "./diagnostics.js";
export { Diagnostics } from "./diagnostics.js";
export type { OpenApiDocument } from "./openapi.js";
export type { GeneratedFile } from "./emit/operations.js";
export type { SdkCache } from "./emit/sdk.js";
export { diff, diffDocuments, formatGithub, formatJson, formatMarkdown, type ApiChange, type ChangeKind, type DiffReport } from "./diff/index.js";

export interface ConvertResult {
  /** Undefined when the input had errors (see diagnostics). */
  document: OpenApiDocument | undefined;
  diagnostics: Diagnostic[];
}

/** A file given alongside the collection: its text and how diagnostics name it. */
export interface InputFile {
  text: string;
  file: string;
}

export interface ConvertOptions {
  /** A Postman environment whose values override the collection's variables. */
  environment?: InputFile;
  /** An OpenAPI Overlay applied to the converted document. */
  overlay?: InputFile;
}

/** Postman collection text → OpenAPI document. `file` names the input in diagnostics. */
export function convert(text: string, file: string, options: ConvertOptions = {}): ConvertResult {
  const sinks = [new Diagnostics(file)];
  const [diag] = sinks as [Diagnostics];
  let environment: PostmanVariable[] | undefined = [];
  if (options.environment) {
    const envDiag = new Diagnostics(options.environment.file);
    sinks.push(envDiag);
    environment = parseEnvironment(options.environment.text, envDiag);
  }
  const collection = parseCollection(text, diag);
  let document = collection && environment ? convertCollection(collection, diag, environment) : undefined;
  if (document && options.overlay) {
    const overlayDiag = new Diagnostics(options.overlay.file);
    sinks.push(overlayDiag);
    document = applyOverlay(document, options.overlay.text, overlayDiag);
  }
  const diagnostics = sinks.flatMap((s) => s.list);
  return { document: sinks.some((s) => s.hasErrors) ? undefined : document, diagnostics };
}

/**
 * An OpenAPI document as the text committed under spec/: 2-space JSON or YAML, LF, final newline.
 * JSON of any depth is written (without recursion when JSON.stringify cannot); a text longer than
 * V8's longest string (about 512 MB), or YAML nested deeper than the YAML writer reaches, throws a
 * `DocumentTextError` whose message the caller reports as a diagnostic on the output file.
 */
export function serializeDocument(document: OpenApiDocument, format: "json" | "yaml"): string {
  if (format === "yaml") {
    try {
      return stringifyYaml(document, { lineWidth: 0, aliasDuplicateObjects: false });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      if (/call stack/i.test(e.message)) throw new DocumentTextError("too-deep", "the document is nested too deep to be written as YAML; write it as JSON (an -o file ending in .json), which has no depth limit");
      throw new DocumentTextError("too-large", `the document is too large to be written as YAML (a text holds at most ${grouped(MAX_STRING_LENGTH)} characters): split the collection, or leave large examples out of it`);
    }
  }
  return stringifyDocument(document);
}

/** OpenAPI text (JSON or YAML) → document, or diagnostics saying why not. */
export function parseDocument(text: string, file: string): { document: OpenApiDocument | undefined; diagnostics: Diagnostic[] } {
  const diag = new Diagnostics(file);
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message.split("\n")[0]!;
    // The YAML reader recurses (JSON.parse does not): about 900 levels overflow its stack.
    if (/Maximum call stack size exceeded/.test(message)) {
      const where = /at line \d+, column \d+/.exec(message)?.[0];
      diag.error("too-deep", `${file} is nested deeper than the YAML reader can follow${where ? ` (${where})` : ""}; give it as JSON, which has no depth limit`, { pointer: "" });
    } else {
      diag.error("not-json", `${file} is not valid ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"} (${message})`, { pointer: "" });
    }
    return { document: undefined, diagnostics: diag.list };
  }
  const doc = value as Partial<OpenApiDocument> | null;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.") || typeof doc.paths !== "object") {
    diag.error("not-openapi", `${file} is not an OpenAPI 3 document (it needs \`openapi: 3.x\` and \`paths\`)`, { pointer: "" });
    return { document: undefined, diagnostics: diag.list };
  }
  return { document: doc as OpenApiDocument, diagnostics: diag.list };
}

const RUNTIME_DIR = new URL("./runtime/", import.meta.url);
const RUNTIME = Object.fromEntries(
  readdirSync(RUNTIME_DIR)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => [f, readFileSync(new URL(f, RUNTIME_DIR), "utf8")]),
);

export interface GenerateOptions {
  /** Where warnings go (operations whose function name is not their operationId); create it with the spec's file label. */
  diagnostics?: Diagnostics;
  /** The SDK package's name (an npm package name); default: from the document's title. */
  packageName?: string;
  /** `ts` (default): the SDK as TypeScript; `js`: compiled `.js` + `.d.ts`, ready for `npm publish`. */
  emit?: "ts" | "js";
  /** Accepted for compatibility; the document is never changed (the SDK is made from a sorted copy). */
  ownsDocument?: boolean;
  /**
   * What this SDK's previous generation printed (start with `{ types: new Map(), modules: new
   * Map() }`): the pieces the document did not change are reused, and on return it holds this
   * generation's. The output is byte for byte a full run's. Default: the process's own cache.
   */
  cache?: import("./emit/sdk.js").SdkCache;
}

/**
 * OpenAPI document → the SDK's files. `source` is how the header names the spec. The emitters
 * (openapi-typescript, ts-morph: two TypeScript compilers) load on first use, so converting,
 * checking and `--help` never pay for them. The document is not changed.
 */
export async function generate(document: OpenApiDocument, source: string, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const { emitSdk } = await import("./emit/sdk.js");
  const { diagnostics, packageName, emit, cache } = options;
  if (packageName !== undefined) {
    const { checkPackageName } = await import("./emit/package.js");
    try {
      checkPackageName(packageName);
    } catch (e) {
      if (!diagnostics) throw e;
      diagnostics.error("invalid-option", (e as Error).message, { pointer: "" });
      return [];
    }
  }
  return emitSdk(document, {
    source,
    runtime: RUNTIME,
    ...(diagnostics ? { diagnostics } : {}),
    ...(packageName === undefined ? {} : { packageName }),
    ...(emit === undefined ? {} : { emit }),
    ...(cache === undefined ? {} : { cache }),
  });
}
