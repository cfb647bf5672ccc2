/**
 * The SDK of one document: plan → emit → the list of files, each under the same header line.
 * Same document, same bytes.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostics } from "../diagnostics.js";
import type { OpenApiDocument } from "../openapi.js";
import { checkDocumentLimits } from "../limits.js";
import { describePackage, finishPackage } from "./package.js";
import { breakEagerCycles, canonicalDocument, dropRedeclaredDiscriminators, dropUnusableOperationIds, hoistDeepSchemaRefs, maskUnsafeKeys } from "./canonical.js";
import type { GeneratedFile } from "./operations.js";
import { planSdk, type OperationPlan, type SdkPlan } from "./plan.js";
import { emitTypes, type TypePiece } from "./types.js";

/**
 * What an SDK's last generation printed, by the hash of what each piece was printed from: the
 * types of each path item and component (emit/types.ts), and each operation module. A run
 * reuses what its document did not change and leaves in the cache exactly what it used, so the
 * cache of a watch session or of a job (on disk, codegen/cache.ts) stays the size of one SDK.
 */
export interface SdkCache {
  types: Map<string, TypePiece>;
  modules: Map<string, GeneratedFile>;
}

/** An empty cache. */
export const emptySdkCache = (): SdkCache => ({ types: new Map(), modules: new Map() });

export interface SdkInputs {
  /** How the header names the spec, e.g. `spec/zoom.openapi.json`. */
  source: string;
  /** The runtime modules (codegen/runtime/*.ts) by file name, copied into `runtime/`. */
  runtime: Record<string, string>;
  /** Where operations renamed from their operationId are reported. */
  diagnostics?: Diagnostics;
  /** The package's name (default: from the document's title) and whether its code is TypeScript or compiled JavaScript. */
  packageName?: string;
  emit?: "ts" | "js";
  /**
   * What the previous generation of this SDK printed, reused where unchanged; on return it holds
   * what this one printed. Default: the process's own cache for this `source` (a watch session).
   */
  cache?: SdkCache;
}

/**
 * The code codegen writes itself (runtime, client, operations) is type-checked where it is made:
 * `npm test` checks every committed SDK with this line ignored (test/sdk-typecheck.test.ts) and
 * `npm run fidelity` checks 422 more. A consumer's tsc skips its bodies, the way skipLibCheck
 * skips a library's, and still resolves every type it uses: on GitHub's 1,223 operations
 * checking them again cost 0.5 s, 1.4× the types alone (test/bench/RESULTS.md), and a stricter
 * tsconfig than ours could fail a build over code the consumer does not own. The types from
 * openapi-typescript (schema.gen.ts) stay checked: they come from the consumer's spec.
 */
const NO_CHECK = "// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.\n\n";

/**
 * The build's worker (dist/emit/worker.mjs, beside the chunk this module is bundled into).
 * From the sources (tests, tsx) there is none, and the code is printed in this thread.
 */
const WORKER = new URL("./emit/worker.mjs", import.meta.url);

/**
 * ts-morph's printing in a worker thread: loading ts-morph (its own TypeScript, 0.25 s) and
 * printing 1,223 operations (0.2 s) then overlap openapi-typescript on a second core instead
 * of adding to it. The plan is plain data, copied into the worker as it starts.
 */
async function printInWorker(plan: SdkPlan): Promise<GeneratedFile[]> {
  const worker = new Worker(WORKER, { workerData: plan });
  try {
    return await new Promise<GeneratedFile[]>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the code printer stopped (exit ${code}) before it answered`)));
    });
  } finally {
    void worker.terminate();
  }
}

/**
 * openapi-typescript's `WithRequired<T, K extends keyof T>` fails when T may be null or
 * undefined (a nullable schema, or an optional property, marked required in an allOf:
 * `keyof (X | null)` is `never`, TS2344). The helper it prints is widened to take such a T.
 */
function withNullableRequired(types: string): string {
  // A plain string, found by indexOf: the regex this was scanned 50 MB of Graph beta's types.
  return types.replace(
    "type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};",
    "type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & {\n    [P in K]-?: NonNullable<T>[P];\n};",
  );
}

let printedOnce = false;

/** Each source's cache in this process: a watch session regenerates from it. */
const processCaches = new Map<string, SdkCache>();

const sha = (text: string) => createHash("sha256").update(text).digest("base64url");

/**
 * The code files (client, operation modules, index) of a plan. Each operation module is
 * remembered by the hash of its operations and the plan's other fields; when some are known,
 * only the others are printed (in this thread: a few modules print in milliseconds), and the
 * client and index are printed as emitCode prints them. With nothing known, emitCode prints all
 * (the process's first time in a worker, see printInWorker).
 */
function emitCodeCached(plan: SdkPlan, previous: SdkCache, next: SdkCache, printer: Printer | undefined): GeneratedFile[] | Promise<GeneratedFile[]> {
  const { operations, ...rest } = plan;
  const common = JSON.stringify(rest);
  const modules = new Map<string, OperationPlan[]>();
  for (const op of operations) {
    const list = modules.get(op.module);
    if (list) list.push(op);
    else modules.set(op.module, [op]);
  }
  const keys = new Map([...modules].map(([module, ops]) => [module, sha(`${common}\n${JSON.stringify(ops)}`)]));
  const missing = [...modules.keys()].filter((m) => !previous.modules.has(keys.get(m)!));
  const remember = (files: GeneratedFile[]) => {
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const [module, key] of keys) {
      const file = byPath.get(`${module}.gen.ts`);
      if (file) next.modules.set(key, file);
    }
    return files;
  };
  if (!printer) return printInWorker(plan).then(remember);
  if (missing.length === modules.size) return remember(printer.emitCode(plan));
  const made = printer.emitOperations({ ...plan, operations: missing.flatMap((m) => modules.get(m)!) });
  if (made.length !== missing.length) return remember(printer.emitCode(plan));
  const madeByModule = new Map(missing.map((m, i) => [m, made[i]!]));
  const files = [...modules.keys()].map((module) => {
    const key = keys.get(module)!;
    const file = madeByModule.get(module) ?? previous.modules.get(key)!;
    next.modules.set(key, file);
    return file;
  });
  // As emitCode composes them: the client, the modules in plan order, the index.
  return [printer.emitClient(plan), ...files, printer.emitIndex(files.map((f) => f.path.replace(/\.ts$/, ".js")).sort(), plan.models)];
}

type Printer = typeof import("./operations.js");

/**
 * All files of the SDK, sorted by path; none (and an error in `inputs.diagnostics`) when the
 * type emitter cannot read the document. Without a diagnostics sink that case throws.
 */
export async function emitSdk(document: OpenApiDocument, inputs: SdkInputs): Promise<GeneratedFile[]> {
  // The SDK's own copy, keys sorted: the same API in any key order gives the same bytes, and
  // the type emitter may change the copy (it does). Everything that reads it runs before.
  const canonical = canonicalDocument(document, inputs.diagnostics);
  // Nesting past codegen/limits.ts's documented depths would overflow openapi-typescript's
  // printer: cut to `{}` there, with a too-deep warning at the place.
  for (const f of checkDocumentLimits(canonical, { truncate: true })) inputs.diagnostics?.warning(f.code, f.message, f.at);
  const plan = planSdk(canonical, inputs.diagnostics);
  // The package's README reads the document: made now, before the type emitter's changes.
  const pkg = describePackage(canonical, plan, {
    source: inputs.source,
    ...(inputs.packageName === undefined ? {} : { name: inputs.packageName }),
    ...(inputs.emit === undefined ? {} : { emit: inputs.emit }),
  });
  // Without the build's worker the code is printed here, before the type emitter may change
  // the document the plan points into. A worker's failure is reported after the types' own.
  // Only a process's first SDK is printed in the worker: that is where loading ts-morph
  // overlaps openapi-typescript. A process that generates again (--watch) has ts-morph loaded
  // by then, and a new worker would load it anew each time (1.1 s per save).
  const previous = inputs.cache ?? processCaches.get(inputs.source) ?? emptySdkCache();
  const next = emptySdkCache();
  // The worker only when nothing is known: a known SDK prints its few changed modules here.
  const inWorker = existsSync(fileURLToPath(WORKER)) && !printedOnce && previous.modules.size === 0;
  const code = emitCodeCached(plan, previous, next, inWorker ? undefined : await import("./operations.js"));
  printedOnce = true;
  if (code instanceof Promise) code.catch(() => {});
  dropUnusableOperationIds(canonical);
  hoistDeepSchemaRefs(canonical, inputs.diagnostics);
  breakEagerCycles(canonical, inputs.diagnostics);
  dropRedeclaredDiscriminators(canonical);
  const unmask = maskUnsafeKeys(canonical);
  let types: string;
  try {
    types = withNullableRequired(unmask(await emitTypes(canonical, { cache: { get: (key) => previous.types.get(key), set: (key, piece) => next.types.set(key, piece) } })));
  } catch (e) {
    // openapi-typescript refuses the document (a $ref it cannot resolve, mostly): that is the
    // input's fault, said as a diagnostic with the place when its message names one.
    const message = (e as Error).message.split("\n")[0]!;
    const pointer = /#\/[^\s,;]*/.exec(message)?.[0] ?? "";
    if (!inputs.diagnostics) throw new Error(`the types cannot be made from this document: ${message}`);
    inputs.diagnostics.error("unreadable-document", `the types cannot be made from this document: ${message.replace(/\s*at #\/\S*$/, "")}`, { pointer });
    return [];
  }
  const files: GeneratedFile[] = [
    { path: "schema.gen.ts", content: types },
    ...Object.entries(inputs.runtime).map(([name, text]) => ({
      // `./call.js` in codegen/runtime is `./call.gen.js` once copied.
      path: `runtime/${name.replace(/\.ts$/, ".gen.ts")}`,
      content: text.replace(/from "\.\/([\w-]+)\.js"/g, 'from "./$1.gen.js"'),
    })),
    ...(await code),
  ];
  const header = `// Generated from ${inputs.source} by codegen. Do not edit.\n`;
  const withHeaders = files.map((f) => ({
    path: f.path,
    // trimEnd, not a regex: `\s*$` backtracks over every run of spaces in a 50 MB schema.gen.ts.
    content: `${header}${f.path === "schema.gen.ts" ? "\n" : NO_CHECK}${f.content.replace(/\r\n/g, "\n").trimStart().trimEnd()}\n`,
  }));
  if (inputs.cache) Object.assign(inputs.cache, next);
  else processCaches.set(inputs.source, next);
  return finishPackage(withHeaders, pkg);
}
