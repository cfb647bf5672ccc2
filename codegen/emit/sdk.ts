/**
 * The SDK of one document: plan → emit → the list of files, each under the same header line.
 * Same document, same bytes.
 */
import type { OpenApiDocument } from "../openapi.js";
import { emitClient, emitIndex, emitOperations, type GeneratedFile } from "./operations.js";
import { planSdk } from "./plan.js";
import { emitTypes } from "./types.js";

export interface SdkInputs {
  /** How the header names the spec, e.g. `spec/zoom.openapi.json`. */
  source: string;
  /** The runtime modules (codegen/runtime/*.ts) by file name, copied into `runtime/`. */
  runtime: Record<string, string>;
  /** The caller is done with the document: the type emitter may work on it in place. */
  ownsDocument?: boolean;
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

/** All files of the SDK, sorted by path. */
export async function emitSdk(document: OpenApiDocument, inputs: SdkInputs): Promise<GeneratedFile[]> {
  // Everything that reads the document runs before the type emitter, which may change it.
  const plan = planSdk(document);
  const operations = emitOperations(plan);
  const types = await emitTypes(document, inputs.ownsDocument === true);
  const files: GeneratedFile[] = [
    { path: "schema.gen.ts", content: types },
    ...Object.entries(inputs.runtime).map(([name, text]) => ({
      // `./call.js` in codegen/runtime is `./call.gen.js` once copied.
      path: `runtime/${name.replace(/\.ts$/, ".gen.ts")}`,
      content: text.replace(/from "\.\/([\w-]+)\.js"/g, 'from "./$1.gen.js"'),
    })),
    emitClient(plan),
    ...operations,
    emitIndex(operations.map((f) => f.path.replace(/\.ts$/, ".js"))),
  ];
  const header = `// Generated from ${inputs.source} by codegen. Do not edit.\n`;
  return files
    .map((f) => ({
      path: f.path,
      content: header + (f.path === "schema.gen.ts" ? "\n" : NO_CHECK) + f.content.replace(/\r\n/g, "\n").replace(/^\s+/, "").replace(/\s*$/, "\n"),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
