/**
 * The SDK of one document: plan → emit → the list of files, each under the same header line.
 * Same document, same bytes.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostics } from "../diagnostics.js";
import type { OpenApiDocument } from "../openapi.js";
import { checkDocumentLimits } from "../limits.js";
import { describePackage, finishPackage } from "./package.js";
import { breakEagerCycles, canonicalDocument, dropRedeclaredDiscriminators, dropUnusableOperationIds, hoistDeepSchemaRefs, maskUnsafeKeys } from "./canonical.js";
import type { GeneratedFile } from "./operations.js";
import { planSdk, type SdkPlan } from "./plan.js";
import { emitTypes } from "./types.js";

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
  return types.replace(
    /type WithRequired<T, K extends keyof T> = T & \{\s*\[P in K\]-\?: T\[P\];?\s*\};/,
    "type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & {\n    [P in K]-?: NonNullable<T>[P];\n};",
  );
}

let printedOnce = false;

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
  const code = existsSync(fileURLToPath(WORKER)) && !printedOnce ? printInWorker(plan) : (await import("./operations.js")).emitCode(plan);
  printedOnce = true;
  if (code instanceof Promise) code.catch(() => {});
  dropUnusableOperationIds(canonical);
  hoistDeepSchemaRefs(canonical, inputs.diagnostics);
  breakEagerCycles(canonical, inputs.diagnostics);
  dropRedeclaredDiscriminators(canonical);
  const unmask = maskUnsafeKeys(canonical);
  let types: string;
  try {
    types = withNullableRequired(unmask(await emitTypes(canonical)));
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
    content: header + (f.path === "schema.gen.ts" ? "\n" : NO_CHECK) + f.content.replace(/\r\n/g, "\n").replace(/^\s+/, "").replace(/\s*$/, "\n"),
  }));
  return finishPackage(withHeaders, pkg);
}
