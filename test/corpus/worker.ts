/**
 * One worker process of the corpus sweep (forked by pool.ts). It answers jobs sent over IPC,
 * one at a time, and keeps what is slow to load (the built generator, openapi-to-postmanv2,
 * Redocly's config, TypeScript's default lib) between jobs. The parent enforces the time and
 * memory limits by killing this process, so nothing here needs to guard against a hang.
 */
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkBatch } from "./check.js";
import type { Job, JobResult, RunResult } from "./jobs.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const require = createRequire(join(HERE, "package.json"));

type Main = (argv: string[], cwd: string, io: { out: (l: string) => void; err: (l: string) => void }) => Promise<number>;
let cliMain: Main | undefined;

/** With `--cli`: the codegen command as users run it (bin/codegen.js loads the same dist/cli.mjs), called in-process. */
async function runCli(argv: string[], cwd: string): Promise<RunResult> {
  cliMain ??= ((await import(pathToFileURL(join(ROOT, "dist/cli.mjs")).href)) as { main: Main }).main;
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  try {
    const code = await cliMain(argv, cwd, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err, ms: performance.now() - started };
  } catch (e) {
    return { code: -1, out, err, ms: performance.now() - started, stack: (e as Error)?.stack ?? String(e) };
  }
}

/** openapi-to-postmanv2 4.x with the options Zoom's collection was made with (as test/fidelity/export.cjs). */
async function exportCollection(spec: string, out: string): Promise<JobResult> {
  const Converter = require("openapi-to-postmanv2") as {
    convert: (input: object, options: object, cb: (err: unknown, result: { result: boolean; reason?: string; output: { data: unknown }[] }) => void) => void;
  };
  const data = JSON.parse(readFileSync(spec, "utf8")) as unknown;
  const started = performance.now();
  return new Promise((resolve) => {
    Converter.convert(
      { type: "json", data },
      { requestParametersResolution: "Example", exampleParametersResolution: "Example", schemaFaker: true, folderStrategy: "Tags" },
      (err, result) => {
        const ms = performance.now() - started;
        if (err || !result?.result) return resolve({ kind: "export", ok: false, ms, reason: String(err ?? result?.reason).split("\n")[0]!.slice(0, 300) });
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, JSON.stringify(result.output[0]!.data));
        resolve({ kind: "export", ok: true, ms });
      },
    );
  });
}

let lintConfig: unknown;

/** Redocly's recommended ruleset over one document, as test/lint.test.ts runs it. */
async function lint(spec: string): Promise<JobResult> {
  const { createConfig, lintFromString } = await import("@redocly/openapi-core");
  lintConfig ??= await createConfig({ extends: ["recommended"] });
  const started = performance.now();
  const problems = await lintFromString({ source: readFileSync(spec, "utf8"), absoluteRef: spec, config: lintConfig as Awaited<ReturnType<typeof createConfig>> });
  const errors = problems.filter((p) => p.severity === "error");
  const byRule = new Map<string, number>();
  for (const p of errors) byRule.set(p.ruleId, (byRule.get(p.ruleId) ?? 0) + 1);
  return {
    kind: "lint",
    ms: performance.now() - started,
    errors: errors.length,
    byRule: Object.fromEntries([...byRule].sort()),
    examples: errors.slice(0, 3).map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ""}`),
  };
}

type Api = typeof import("../../codegen/index.js");
let api: Api | undefined;

/** A Diagnostic as one line, as the CLI prints it (`error code: message`). */
const line = (d: { severity: string; code: string; message: string }) => `${d.severity} ${d.code}: ${d.message}`;

/**
 * The programmatic API (codegen/index.ts as built in dist/): what `codegen convert`/`generate`
 * do between reading the input and writing the outputs, in this process. The CLI hands the
 * printing to a worker thread that loads ts-morph afresh on every run (about 3 s per small
 * SDK on this shared machine, against 0.1 s here), so the sweep uses the API unless `--cli`:
 * run.ts gives it a snapshot of dist/ without the thread's entry (CORPUS_GENERATOR), and the
 * build then prints in-process, with ts-morph loaded once per worker.
 */
async function runApi(step: "convert" | "generate", input: string, output: string, cwd: string): Promise<RunResult> {
  api ??= (await import(pathToFileURL(join(process.env.CORPUS_GENERATOR!, "index.mjs")).href)) as Api;
  const err: string[] = [];
  const started = performance.now();
  const label = relative(cwd, input);
  try {
    const text = readFileSync(input, "utf8");
    if (step === "convert") {
      const result = api.convert(text, label);
      err.push(...result.diagnostics.map(line));
      if (!result.document) return { code: 1, out: [], err, ms: performance.now() - started };
      writeFileSync(output, api.serializeDocument(result.document, "json"));
    } else {
      const parsed = api.parseDocument(text, label);
      err.push(...parsed.diagnostics.map(line));
      if (!parsed.document) return { code: 1, out: [], err, ms: performance.now() - started };
      // A sink, as the CLI passes one: a document the types cannot be made from is an error
      // diagnostic (a refusal), not a throw.
      const diagnostics = new api.Diagnostics(label);
      const files = await api.generate(parsed.document, label, { diagnostics });
      err.push(...diagnostics.list.map(line));
      if (diagnostics.hasErrors) return { code: 1, out: [], err, ms: performance.now() - started };
      rmSync(output, { recursive: true, force: true });
      for (const file of files) {
        mkdirSync(dirname(join(output, file.path)), { recursive: true });
        writeFileSync(join(output, file.path), file.content);
      }
    }
    return { code: 0, out: [], err, ms: performance.now() - started };
  } catch (e) {
    return { code: -1, out: [], err, ms: performance.now() - started, stack: (e as Error)?.stack ?? String(e) };
  }
}

async function run(job: Job): Promise<JobResult> {
  const step = (which: "convert" | "generate", input: string, output: string, cwd: string, cli: boolean) =>
    cli ? runCli([which, input, "-o", output], cwd) : runApi(which, input, output, cwd);
  switch (job.kind) {
    case "export":
      return exportCollection(job.spec, job.out);
    case "generate":
      // The spec arm: `codegen generate <doc> -o <dir>`.
      return { kind: "generate", generate: await step("generate", job.spec, job.sdk, job.cwd, job.cli) };
    case "convert-generate": {
      // The collection arm: `codegen convert <collection> -o <spec>`, then `codegen generate <spec> -o <dir>`.
      const convert = await step("convert", job.collection, job.spec, job.cwd, job.cli);
      if (convert.code !== 0 || convert.stack) return { kind: "generate", convert };
      const generate = await step("generate", job.spec, job.sdk, job.cwd, job.cli);
      return { kind: "generate", convert, generate };
    }
    case "lint":
      return lint(job.spec);
    case "check":
      return { kind: "check", ...checkBatch(job.sdks, join(ROOT, "tsconfig.json")) };
  }
}

process.on("message", (message: { id: number; job: Job }) => {
  run(message.job).then(
    (result) => process.send!({ id: message.id, result }),
    (e: unknown) => process.send!({ id: message.id, error: (e as Error)?.stack ?? String(e) }),
  );
});
// An orphan (the sweep was stopped) has no one to answer.
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true });
