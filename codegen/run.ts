/**
 * One run of codegen's jobs: read every input, convert and generate in memory, then write
 * every output (or, under --check, compare them) only when no job had an error. Returns what
 * happened as data; the CLI prints it as text, JSON or GitHub annotations (report-output.ts).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputCache } from "./cache.js";
import { Diagnostics, type Diagnostic } from "./diagnostics.js";
import { DocumentTextError } from "./convert/serialize.js";
import { convert, generate, parseDocument, serializeDocument, type ConvertOptions, type OpenApiDocument } from "./index.js";
import { contentHash, hasLeftovers, manifestOf, MANIFEST, OutputError, planTarget, writeTargets, type Change, type Plan, type Target } from "./io.js";
import { applyOverlay } from "./overlay.js";
import type { Progress } from "./progress.js";

/** The end of the header line every generated file starts with (see emit/sdk.ts): how SDK folders made before manifests are read. */
const MARKER = "by codegen. Do not edit.";

/** One job, with absolute paths. */
export interface Job {
  /** The collection or OpenAPI document read. */
  input: string;
  /** `detect`: a config's `.json` input whose name does not say which (its content does). */
  inputKind: "collection" | "openapi" | "detect";
  /** Where the converted document is written (a collection input only). */
  spec?: string;
  sdk?: string;
  environment?: string;
  overlay?: string;
  /** How the SDK's header names the spec: as configured, never relative to the working directory. */
  source: string;
  packageName?: string;
  emit?: "ts" | "js";
  /** Where the API change report of the committed spec against the new one is written. */
  report?: string;
}

export interface RunOptions {
  /** Write nothing; compare every output with a fresh run. */
  check: boolean;
  progress?: Progress;
  /** How files are named in messages (relative to the working directory, `/` separators). */
  label: (file: string) => string;
  cache?: OutputCache | undefined;
}

/** What a run did, for the reporters. Paths are absolute. */
export interface RunResult {
  check: boolean;
  /** Every diagnostic of every job (from the cache record when the run was answered from it). */
  diagnostics: Diagnostic[];
  /** Some input had an error: nothing was written. */
  inputErrors: boolean;
  /** An output could not be read or written (one line, no stack): the outputs are as they were. */
  outputError?: string;
  /** Each output that was (or, under --check, would be) created, updated or removed. */
  changes: Change[];
  /** The outputs left as they were. */
  unchanged: string[];
  /** The text of each input, by its label: where annotations find their lines. */
  sources: Map<string, string>;
}

/** Runs the jobs once. Never throws for a user's mistake. */
export async function runJobs(jobs: Job[], options: RunOptions): Promise<RunResult> {
  const { check, label, cache } = options;
  const progress = options.progress;
  const result: RunResult = { check, diagnostics: [], inputErrors: false, changes: [], unchanged: [], sources: new Map() };
  try {
    const fast = cache ? answerFromCache(jobs, cache) : undefined;
    if (fast) {
      result.diagnostics = fast.diagnostics;
      result.unchanged = fast.outputs;
      return result;
    }
    const targets: Target[] = [];
    const records: (() => void)[] = [];
    const reports = new Map<string, { job: Job; document: OpenApiDocument }[]>();
    for (const [index, job] of jobs.entries()) {
      progress?.job(index, jobs.length, label(job.input));
      const done = await runJob(job, label, progress, cache);
      for (const x of done.diagnostics) result.diagnostics.push(x);
      for (const input of done.inputs) result.sources.set(label(input.path), input.content);
      if (!done.targets || !done.document) {
        result.inputErrors = true;
        continue;
      }
      for (const x of done.targets) targets.push(x);
      if (job.report && !check) reports.set(job.report, [...(reports.get(job.report) ?? []), { job, document: done.document }]);
      const produced = done.targets.flatMap(filesOf);
      const diagnostics = done.diagnostics.map((d) => JSON.stringify(d));
      // Recorded once the outputs are on disk (or, under --check, as they would be); a job with a report is not (the report follows git).
      if (cache && !job.report) records.push(() => cache.set(jobKey(job, cache), done.inputs, produced, diagnostics));
    }
    if (result.inputErrors) return result;
    for (const [file, made] of reports) {
      progress?.phase(`writing the API change report ${label(file)}`);
      targets.push({ kind: "file", path: file, content: await changeReport(made, label) });
    }
    progress?.phase(check ? `comparing ${targets.length} outputs` : `writing ${targets.length} outputs`);
    let plans: Plan[];
    try {
      plans = check ? targets.map((t) => planTarget(t, MARKER)) : writeTargets(targets, MARKER);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      result.outputError = `cannot ${e.verb} ${label(e.path)}: ${e.reason}${e.at ? ` (at ${label(e.at)})` : ""}`;
      return result;
    }
    result.changes = plans.flatMap((p) => p.changes);
    const changed = new Set(result.changes.map((c) => c.path));
    result.unchanged = targets.flatMap(filesOf).map((f) => f.path).filter((p) => !changed.has(p));
    for (const record of records) record();
    return result;
  } finally {
    progress?.done();
  }
}

/** The files an output puts on disk, with absolute paths (an SDK folder's manifest included). */
function filesOf(target: Target): { path: string; content: string; sha256?: string }[] {
  if (target.kind === "file") return [{ path: target.path, content: target.content }];
  return [
    // Each file's hash as the manifest has it: the cache record does not hash the SDK again.
    ...target.files.map((f) => ({ path: join(target.path, f.path), content: f.content, sha256: contentHash(f) })),
    { path: join(target.path, MANIFEST), content: manifestOf(target.files) },
  ];
}

/** The files a job reads (its config aside: the config only says which files). */
export const inputsOf = (job: Job) => [job.input, job.environment, job.overlay].filter((f): f is string => f !== undefined);

/** The cache key covers the outputs' places and every option that changes their bytes. */
const jobKey = (job: Job, cache: OutputCache) =>
  cache.key(inputsOf(job), [job.spec ?? "", job.sdk ?? "", JSON.stringify({ source: job.source, packageName: job.packageName, emit: job.emit, kind: job.inputKind })]);

/**
 * When every job's inputs were seen before and every output is on disk as that run made it
 * (an SDK's manifest included, so no stale generated file is left in it; and no leftovers of
 * an interrupted run lie beside), the answer is known without generating: returns the
 * outputs and the diagnostics to repeat, or undefined to take the slow path.
 */
function answerFromCache(jobs: Job[], cache: OutputCache): { outputs: string[]; diagnostics: Diagnostic[] } | undefined {
  const outputs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const job of jobs) {
    if (job.report) return undefined;
    const record = cache.valid(jobKey(job, cache));
    if (!record) return undefined;
    if ([job.spec, job.sdk].some((out) => out !== undefined && hasLeftovers(out))) return undefined;
    for (const x of record.outputs.map((o) => o.path)) outputs.push(x);
    try {
      for (const x of record.diagnostics.map((d) => JSON.parse(d) as Diagnostic)) diagnostics.push(x);
    } catch {
      return undefined; // a record from before diagnostics were kept whole
    }
  }
  return { outputs, diagnostics };
}

type Text = { path: string; content: string };

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** How many operations a document has, for progress. */
function operationCount(document: OpenApiDocument): number {
  let n = 0;
  for (const item of Object.values(document.paths ?? {})) if (item && typeof item === "object") for (const m of METHODS) if (m in item) n++;
  return n;
}

async function runJob(
  job: Job,
  label: (file: string) => string,
  progress: Progress | undefined,
  cache: OutputCache | undefined,
): Promise<{ targets?: Target[]; document?: OpenApiDocument; inputs: Text[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const targets: Target[] = [];
  const inputs: Text[] = [];
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
  progress?.phase("reading");
  const text = read(job.input);
  if (text === undefined) return { inputs, diagnostics };
  const kind = job.inputKind === "detect" ? detectKind(text) : job.inputKind;
  if (kind === "collection") {
    const options: ConvertOptions = {};
    for (const key of ["environment", "overlay"] as const) {
      const file = job[key];
      if (!file) continue;
      const extra = read(file);
      if (extra === undefined) return { inputs, diagnostics };
      options[key] = { text: extra, file: label(file) };
    }
    progress?.phase("converting the collection");
    const converted = convert(text, label(job.input), options);
    for (const d of converted.diagnostics) diagnostics.push(d);
    document = converted.document;
    if (!document) return { inputs, diagnostics };
    if (job.spec) {
      let content: string;
      try {
        content = serializeDocument(document, /\.ya?ml$/i.test(job.spec) ? "yaml" : "json");
      } catch (e) {
        // Longer than a string can be, or too deep for YAML: the input's size, said as such.
        if (!(e instanceof DocumentTextError)) throw e;
        diagnostics.push({ code: e.code, severity: "error", message: e.message, at: { file: label(job.spec), pointer: "" } });
        return { inputs, diagnostics };
      }
      targets.push({ kind: "file", path: job.spec, content });
    }
  } else {
    const parsed = parseDocument(text, label(job.input));
    for (const x of parsed.diagnostics) diagnostics.push(x);
    document = parsed.document;
    if (!document) return { inputs, diagnostics };
    if (job.environment) {
      const file = label(job.environment);
      diagnostics.push({ code: "invalid-option", severity: "error", message: `${label(job.input)} is an OpenAPI document: a Postman environment (${file}) goes with a collection`, at: { file, pointer: "" } });
      return { inputs, diagnostics };
    }
    if (job.spec) {
      const file = label(job.spec);
      diagnostics.push({ code: "invalid-option", severity: "error", message: `${label(job.input)} is an OpenAPI document: there is no spec to write to ${file} (leave spec out)`, at: { file: label(job.input), pointer: "" } });
      return { inputs, diagnostics };
    }
    if (job.overlay) {
      const overlay = read(job.overlay);
      if (overlay === undefined) return { inputs, diagnostics };
      const sink = new Diagnostics(label(job.overlay));
      document = applyOverlay(document, overlay, sink);
      for (const x of sink.list) diagnostics.push(x);
      if (sink.hasErrors) return { inputs, diagnostics };
    }
  }
  if (job.sdk) {
    progress?.phase(`generating the SDK (${operationCount(document)} operations)`);
    // Warnings about the SDK (renamed operations) name the spec as the user typed it; the
    // generated bytes name it by job.source, which does not depend on the working directory.
    const sdkDiagnostics = new Diagnostics(label(job.spec ?? job.input));
    // What this SDK printed last time, so an edit regenerates only what it touches (the pieces
    // are known by their content, so a stale record cannot change the bytes).
    const key = cache ? jobKey(job, cache) : undefined;
    const pieces = cache && key ? cache.sdk(key) : undefined;
    const files = await generate(document, job.source, {
      diagnostics: sdkDiagnostics,
      ...(job.packageName === undefined ? {} : { packageName: job.packageName }),
      ...(job.emit === undefined ? {} : { emit: job.emit }),
      ...(pieces ? { cache: pieces } : {}),
    });
    if (cache && key && pieces && !sdkDiagnostics.hasErrors) cache.setSdk(key, pieces);
    for (const x of sdkDiagnostics.list) diagnostics.push(x);
    if (sdkDiagnostics.hasErrors) return { inputs, diagnostics };
    targets.push({ kind: "folder", path: job.sdk, files: files.map((f) => ({ path: f.path, content: f.content })) });
  }
  return { targets, document, inputs, diagnostics };
}

/** A config's `.json` input: an OpenAPI document when it says `openapi`, else a collection (whose own checks then speak). */
function detectKind(text: string): "collection" | "openapi" {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && typeof (value as { openapi?: unknown }).openapi === "string" ? "openapi" : "collection";
  } catch {
    return "collection";
  }
}

/**
 * The API change report (Markdown, as `codegen diff` prints it) of each job's committed spec
 * (at git's HEAD; without git, the file as it was before this run) against the new document.
 */
async function changeReport(made: { job: Job; document: OpenApiDocument }[], label: (file: string) => string): Promise<string> {
  const { diff, formatMarkdown, GITHUB_BODY_LIMIT } = await import("./diff/index.js");
  const reports = made.map(({ job, document }) => {
    const file = job.spec ?? job.input;
    const name = label(file);
    const committed = committedText(file);
    const old = committed ? parseDocument(committed.text, file).document : undefined;
    const empty: OpenApiDocument = { openapi: document.openapi, info: { title: document.info?.title ?? "", version: "" }, paths: {} } as OpenApiDocument;
    return diff(old ?? empty, document, { old: committed && old ? `${committed.where}${name}` : "(no committed spec)", new: name });
  });
  return `${formatMarkdown(reports, { maxLength: GITHUB_BODY_LIMIT }).replace(/\n*$/, "")}\n`;
}

/** A spec as committed at HEAD (`HEAD:` before its name), else as it is on disk now (nothing before it). */
function committedText(file: string): { text: string; where: string } | undefined {
  try {
    const text = execFileSync("git", ["show", `HEAD:./${basename(file)}`], { cwd: dirname(file), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 30 });
    return { text, where: "HEAD:" };
  } catch {
    try {
      return { text: readFileSync(file, "utf8"), where: "before this run: " };
    } catch {
      return undefined;
    }
  }
}
