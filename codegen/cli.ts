/**
 * argv → options → run → exit code; nothing else. Exit codes: 0 ok, 1 input errors (or stale
 * outputs under --check), 2 usage errors.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { formatDiagnostic, type Diagnostic } from "./diagnostics.js";
import { OutputCache } from "./cache.js";
import { convert, generate, parseDocument, serializeDocument, type ConvertOptions, type OpenApiDocument } from "./index.js";
import { applyChanges, listGenerated, planChanges, type Output } from "./io.js";

const MARKER = "by codegen. Do not edit.";

const HELP = {
  main: `Usage: codegen [--check]
       codegen convert <collection.json> -o <file.openapi.json|.yaml> [--env <environment.json>] [--overlay <overlay.yaml>] [--check]
       codegen generate <openapi.json|.yaml> -o <dir> [--check]

With no command: every spec/*.postman_collection.json → spec/<name>.openapi.json
(or .yaml, when that file exists) → generated/<name>/. spec/<name>.postman_environment.json
and spec/<name>.overlay.yaml are used when they exist.

Options:
  --check   write nothing; list every output that differs from a fresh run; exit 1 if any
  --help    show help (also after a command)

Exit codes: 0 ok, 1 input errors or stale outputs (--check), 2 usage errors.`,
  convert: `Usage: codegen convert <collection.json> -o <file.openapi.json|.yaml> [--env <environment.json>] [--overlay <overlay.yaml>] [--check]

Converts a Postman collection (v2.0 or v2.1) into an OpenAPI 3 document.
The output format follows the extension of -o (.json, .yaml or .yml).

  --env       a Postman environment export; its values override the collection's variables
  --overlay   an OpenAPI Overlay 1.0 file applied to the result (hand corrections that survive regeneration)`,
  generate: `Usage: codegen generate <openapi.json|.yaml> -o <dir> [--check]

Generates the typed SDK (openapi-typescript types, openapi-fetch runtime, one function per
operation) from an OpenAPI 3 document into <dir>.`,
};

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[], cwd: string, io: Io = { out: console.log, err: console.error }): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`codegen: ${e.message}\n\n${HELP.main}`);
    return 2;
  }
  if (args.help) {
    io.out(HELP[args.command === "default" ? "main" : args.command]);
    return 0;
  }
  const label = (file: string) => relative(cwd, file).split(sep).join("/");
  const jobs: Job[] = [];
  if (args.command === "default") {
    const specDir = join(cwd, "spec");
    const collections = existsSync(specDir) ? readdirSync(specDir).filter((f) => f.endsWith(".postman_collection.json")).sort() : [];
    if (collections.length === 0) {
      io.err(`error: no spec/*.postman_collection.json under ${cwd}`);
      return 1;
    }
    for (const file of collections) {
      const name = file.slice(0, -".postman_collection.json".length);
      const yaml = join(specDir, `${name}.openapi.yaml`);
      const environment = join(specDir, `${name}.postman_environment.json`);
      const overlay = join(specDir, `${name}.overlay.yaml`);
      jobs.push({
        collection: join(specDir, file),
        spec: existsSync(yaml) ? yaml : join(specDir, `${name}.openapi.json`),
        sdk: join(cwd, "generated", name),
        ...(existsSync(environment) ? { environment } : {}),
        ...(existsSync(overlay) ? { overlay } : {}),
      });
    }
  } else if (args.command === "convert") {
    jobs.push({
      collection: resolve(cwd, args.input),
      spec: resolve(cwd, args.output),
      ...(args.environment ? { environment: resolve(cwd, args.environment) } : {}),
      ...(args.overlay ? { overlay: resolve(cwd, args.overlay) } : {}),
    });
  } else {
    jobs.push({ spec: resolve(cwd, args.input), sdk: resolve(cwd, args.output), specIsInput: true });
  }

  const cache = OutputCache.open(cwd);
  const fast = cache ? answerFromCache(jobs, cache) : undefined;
  if (fast) {
    for (const line of fast.diagnostics) io.err(line);
    io.out(args.check ? `up to date: ${fast.count} files` : `0 written, ${fast.count} unchanged`);
    return 0;
  }

  const outputs: Output[] = [];
  const stale: string[] = [];
  const records: (() => void)[] = [];
  let failed = false;
  for (const job of jobs) {
    const result = await runJob(job, label);
    for (const d of result.diagnostics) io.err(formatDiagnostic(d));
    if (!result.outputs) {
      failed = true;
      continue;
    }
    outputs.push(...result.outputs);
    if (job.sdk) stale.push(...listGenerated(job.sdk, MARKER));
    const produced = result.outputs;
    // Recorded once the outputs are on disk (or, under --check, as they would be).
    if (cache) records.push(() => cache.set(jobKey(job, cache), result.inputs, produced, result.diagnostics.map(formatDiagnostic)));
  }
  if (failed) {
    io.err("codegen: nothing was written (fix the errors above)");
    return 1;
  }
  const changes = planChanges(outputs, stale);
  if (args.check) {
    for (const c of changes) io.out(`${c.kind === "create" ? "missing" : c.kind === "delete" ? "stale" : "differs"}: ${label(c.path)}`);
    io.out(changes.length === 0 ? `up to date: ${outputs.length} files` : `${changes.length} of ${outputs.length} outputs differ from a fresh run`);
    for (const record of records) record();
    return changes.length === 0 ? 0 : 1;
  }
  applyChanges(changes, outputs);
  for (const record of records) record();
  io.out(`${changes.length} written, ${outputs.length - changes.filter((c) => c.kind !== "delete").length} unchanged`);
  return 0;
}

/** The files a job reads. */
const inputsOf = (job: Job) => [job.collection, job.environment, job.overlay, job.collection ? undefined : job.spec].filter((f): f is string => f !== undefined);

const jobKey = (job: Job, cache: OutputCache) => cache.key(inputsOf(job), [job.collection ? job.spec : "", job.sdk ?? ""]);

/**
 * When every job's inputs were seen before and every output is on disk as that run made it
 * (and no stale generated file lies beside them), the answer is known without generating:
 * returns the number of outputs and the diagnostics to repeat, or undefined to take the slow path.
 */
function answerFromCache(jobs: Job[], cache: OutputCache): { count: number; diagnostics: string[] } | undefined {
  let count = 0;
  const diagnostics: string[] = [];
  for (const job of jobs) {
    const record = cache.valid(jobKey(job, cache));
    if (!record) return undefined;
    const produced = new Set(record.outputs.map((o) => o.path));
    if (job.sdk && listGenerated(job.sdk, MARKER).some((f) => !produced.has(f))) return undefined;
    count += record.outputs.length;
    diagnostics.push(...record.diagnostics);
  }
  return { count, diagnostics };
}

interface Job {
  collection?: string;
  environment?: string;
  overlay?: string;
  spec: string;
  sdk?: string;
  specIsInput?: boolean;
}

async function runJob(job: Job, label: (file: string) => string): Promise<{ outputs?: Output[]; inputs: Output[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const outputs: Output[] = [];
  const inputs: Output[] = [];
  let document: OpenApiDocument | undefined;
  const read = (file: string): string | undefined => {
    try {
      const content = readFileSync(file, "utf8");
      inputs.push({ path: file, content });
      return content;
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (e as Error).message;
      diagnostics.push({ code: "not-json", severity: "error", message: `cannot read ${label(file)}: ${reason}`, at: { file: label(file), pointer: "" } });
      return undefined;
    }
  };
  if (job.collection) {
    const text = read(job.collection);
    if (text === undefined) return { inputs, diagnostics };
    const options: ConvertOptions = {};
    for (const kind of ["environment", "overlay"] as const) {
      const file = job[kind];
      if (!file) continue;
      const extra = read(file);
      if (extra === undefined) return { inputs, diagnostics };
      options[kind] = { text: extra, file: label(file) };
    }
    const converted = convert(text, label(job.collection), options);
    diagnostics.push(...converted.diagnostics);
    document = converted.document;
    if (!document) return { inputs, diagnostics };
    outputs.push({ path: job.spec, content: serializeDocument(document, /\.ya?ml$/i.test(job.spec) ? "yaml" : "json") });
  } else {
    const text = read(job.spec);
    if (text === undefined) return { inputs, diagnostics };
    const parsed = parseDocument(text, label(job.spec));
    diagnostics.push(...parsed.diagnostics);
    document = parsed.document;
    if (!document) return { inputs, diagnostics };
  }
  if (job.sdk) {
    // Last use of the document: the emitters may have it without a copy.
    for (const file of await generate(document, label(job.spec), { ownsDocument: true })) outputs.push({ path: join(job.sdk, file.path), content: file.content });
  }
  return { outputs, inputs, diagnostics };
}

type ParsedArgs =
  | { command: "default"; check: boolean; help: boolean }
  | { command: "convert" | "generate"; input: string; output: string; environment?: string; overlay?: string; check: boolean; help: boolean };

function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  let output: string | undefined;
  const extras: { environment?: string; overlay?: string } = {};
  let check = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--check") check = true;
    else if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "-o" || arg === "--output") {
      output = argv[++i];
      if (output === undefined) throw new UsageError(`${arg} needs a path`);
    } else if (arg === "--env" || arg === "--overlay") {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a path`);
      extras[arg === "--env" ? "environment" : "overlay"] = value;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, input, ...extra] = positional;
  if (command === undefined) {
    if (output !== undefined) throw new UsageError("-o goes with convert or generate");
    if (extras.environment || extras.overlay) throw new UsageError("--env and --overlay go with convert (the default job picks up spec/<name>.postman_environment.json and spec/<name>.overlay.yaml)");
    return { command: "default", check, help };
  }
  if (command !== "convert" && command !== "generate") throw new UsageError(`unknown command ${command}`);
  if (help) return { command, input: "", output: "", check, help };
  if (input === undefined) throw new UsageError(`${command} needs an input file`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (output === undefined) throw new UsageError(`${command} needs -o <${command === "convert" ? "file.openapi.json|.yaml" : "dir"}>`);
  if (command === "convert" && !/\.(json|ya?ml)$/i.test(output)) throw new UsageError(`-o must end in .json, .yaml or .yml (got ${basename(output)})`);
  if (command === "generate" && (extras.environment || extras.overlay)) throw new UsageError("--env and --overlay go with convert");
  return { command, input, output, ...extras, check, help };
}
