/**
 * npm run kill-test: is an SDK folder always whole? GitHub's spec (@octokit/openapi, 1,223
 * operations; installed from test/kill/package.json on first run) is generated into a folder
 * holding an older SDK (from an edited copy of the spec), a user's README and another SDK in
 * a subfolder, and the codegen process is killed with SIGKILL:
 *
 *  1. KILLS times (default 30) at random moments: a third spread over the whole run, a third
 *     while the new folder is built, a third around the swap (timed from the moment the staging
 *     folder appears, against a calibration run). After
 *     each, the folder must hash to exactly the old SDK or exactly the new one (user files
 *     included, nothing more); then a plain run must finish the job and leave nothing beside.
 *  2. RENAME_KILLS times (default 6) the same with CODEGEN_SWAP=rename (the two-rename swap
 *     used where the exchange call is missing), to show how often a kill lands between them.
 *  3. PAIRS (default 80) pairs of concurrent runs, one from an old spec and one from a new
 *     (a 60-path slice of GitHub's), on the same folder: neither may fail, and the folder must
 *     be exactly one of the two SDKs.
 *
 *  4. As root on Linux, a full disk: a small tmpfs filled to leave 0–240 KB, an SDK that needs
 *     more; each run finishes or stops with one ENOSPC line, the old SDK whole, nothing beside.
 *
 * The generator under test is a copy of dist/ taken at the start (others may rebuild it).
 *
 * Prints `30/30 kills clean` style lines and writes test/kill/RESULTS.md. Not part of npm test.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const KILLS = Number(process.env.KILLS ?? 30);
/** Fewer kills for the fallback swap: it shows how often a kill lands between two renames. */
const RENAME_KILLS = Number(process.env.RENAME_KILLS ?? 6);
const PAIRS = Number(process.env.PAIRS ?? 80);
const MODES = (process.env.KILL_MODES ?? "exchange,rename").split(",").filter(Boolean) as ("exchange" | "rename")[];
const GITHUB = join(HERE, "node_modules/@octokit/openapi/generated/api.github.com.json");

if (!existsSync(GITHUB)) {
  console.error("installing @octokit/openapi (test/kill/package.json)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: "inherit" });
}
if (!existsSync(join(ROOT, "dist/cli.mjs"))) execFileSync(process.execPath, [join(ROOT, "bin/build.js")], { stdio: "inherit" });

const work = mkdtempSync(join(tmpdir(), "codegen-kill-"));
const SDK = join(work, "sdk");

// A frozen copy of the built generator: the working tree's dist/ may be rebuilt while this runs.
const TOOL = join(work, "tool");
for (let attempt = 0; ; attempt++) {
  try {
    rmSync(TOOL, { recursive: true, force: true });
    cpSync(join(ROOT, "dist"), join(TOOL, "dist"), { recursive: true });
    break;
  } catch (e) {
    if (attempt > 5) throw e; // a build swapping dist/ in while we copied: try again
  }
}
mkdirSync(join(TOOL, "bin"));
cpSync(join(ROOT, "bin/codegen.js"), join(TOOL, "bin/codegen.js"));
writeFileSync(join(TOOL, "package.json"), '{ "type": "module" }\n');
symlinkSync(join(ROOT, "node_modules"), join(TOOL, "node_modules"));
const BIN = join(TOOL, "bin/codegen.js");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One hash over a folder: every path (folders too) and every file's bytes. */
function hashTree(root: string): string {
  const hash = createHash("sha256");
  const walk = (rel: string) => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        hash.update(`d ${r}\n`);
        walk(r);
      } else hash.update(`f ${r} ${createHash("sha256").update(readFileSync(join(root, r))).digest("hex")}\n`);
    }
  };
  if (!existsSync(root)) return "missing";
  walk("");
  return hash.digest("hex");
}

/** Path → sha256 of every file under a folder, to say what differs when a hash does. */
function treeMap(root: string): Map<string, string> {
  const map = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else map.set(r, createHash("sha256").update(readFileSync(join(root, r))).digest("hex"));
    }
  };
  if (existsSync(root)) walk("");
  return map;
}

function describeDiff(now: Map<string, string>, want: Map<string, string>, name: string): string {
  const differ = [...new Set([...now.keys(), ...want.keys()])].filter((k) => now.get(k) !== want.get(k)).sort();
  return `${differ.length} files differ from the ${name} SDK (${differ.slice(0, 5).map((k) => `${k}: ${now.has(k) ? (want.has(k) ? "changed" : "extra") : "missing"}`).join(", ")})`;
}

/** Our leftovers beside the SDK folder. */
const leftovers = () => readdirSync(work).filter((n) => n.startsWith(".sdk.codegen-"));

function codegenSync(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: "utf8", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`codegen ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r;
}

// The old SDK: GitHub's spec less every tenth path and with another title, generated from the
// same file name (the header names it), with a user's README and another SDK inside.
const github = JSON.parse(readFileSync(GITHUB, "utf8")) as { info: { title: string }; paths: Record<string, unknown> };
const newSpec = JSON.stringify(github);
const older = { ...github, info: { ...github.info, title: `${github.info.title} (last year)` }, paths: Object.fromEntries(Object.entries(github.paths).filter((_, i) => i % 10 !== 0)) };
const oldSpec = JSON.stringify(older);
writeFileSync(join(work, "api.json"), oldSpec);
codegenSync(["generate", "api.json", "-o", "sdk"]);
writeFileSync(join(SDK, "README.md"), "# Our GitHub client\n\nNotes a user wrote by hand.\n");
cpSync(join(ROOT, "spec/zoom.openapi.json"), join(work, "zoom.json"));
codegenSync(["generate", "zoom.json", "-o", "sdk/zoom"]);
rmSync(join(work, "zoom.json"));
const pristine = join(work, "pristine");
cpSync(SDK, pristine, { recursive: true });
const OLD = hashTree(SDK);
const OLD_MAP = treeMap(SDK);
writeFileSync(join(work, "api.json"), newSpec);

const restore = () => {
  rmSync(SDK, { recursive: true, force: true });
  for (const n of leftovers()) rmSync(join(work, n), { recursive: true, force: true });
  cpSync(pristine, SDK, { recursive: true });
};

interface RunTiming {
  stagedMs?: number;
  /** When the complete staging folder left its name (exchanged with the old folder, or renamed). */
  swappedMs?: number;
  exitMs: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs codegen on the new spec; `killAt` decides, from the start or from the staging folder's appearance, when to SIGKILL it. */
async function run(env: Record<string, string>, killAt?: { from: "start" | "staged"; ms: number }): Promise<RunTiming> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "generate", "api.json", "-o", "sdk"], { cwd: work, stdio: "ignore", env: { ...process.env, ...env } });
  let stagedMs: number | undefined;
  let swappedMs: number | undefined;
  let staging: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const kill = () => child.kill("SIGKILL");
  if (killAt?.from === "start") timer = setTimeout(kill, killAt.ms);
  const watcher = watch(work, (_, name) => {
    const n = name ? String(name) : "";
    if (staging === undefined && n.startsWith(".sdk.codegen-stage-")) {
      staging = n;
      stagedMs = performance.now() - started;
      if (killAt?.from === "staged") timer = setTimeout(kill, killAt.ms);
    } else if (n === staging && swappedMs === undefined) swappedMs = performance.now() - started;
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on("exit", (c, s) => done([c, s])));
  clearTimeout(timer);
  watcher.close();
  return { stagedMs, swappedMs, exitMs: performance.now() - started, code, signal };
}

interface KillResult {
  mode: string;
  plan: string;
  phase: string;
  outcome: "old" | "new" | "MIXED" | "MISSING";
  leftovers: number;
  recovered: boolean;
}

async function killRound(mode: "exchange" | "rename"): Promise<{ results: KillResult[]; calibration: { exitMs: number; stagedMs: number; buildMs: number; afterMs: number }; NEW: string }> {
  const env = mode === "rename" ? { CODEGEN_SWAP: "rename" } : ({} as Record<string, string>);
  // Calibrate: a whole run from the old SDK.
  const calibrations: RunTiming[] = [];
  for (let i = 0; i < 1; i++) {
    restore();
    const t = await run(env);
    if (t.code !== 0 || t.stagedMs === undefined || t.swappedMs === undefined) throw new Error(`calibration run failed: ${JSON.stringify(t)}`);
    calibrations.push(t);
  }
  const NEW = hashTree(SDK);
  const NEW_MAP = treeMap(SDK);
  if (NEW === OLD) throw new Error("the new SDK hashes like the old one: nothing to tell apart");
  const exitMs = Math.max(...calibrations.map((c) => c.exitMs));
  const stagedMs = Math.min(...calibrations.map((c) => c.stagedMs!));
  const buildMs = Math.max(...calibrations.map((c) => c.swappedMs! - c.stagedMs!));
  const afterMs = Math.max(...calibrations.map((c) => c.exitMs - c.swappedMs!));
  console.error(`${mode}: a whole run takes ${(exitMs / 1000).toFixed(2)} s; the staging folder appears at ${(stagedMs / 1000).toFixed(2)} s, is complete and swapped ${buildMs.toFixed(0)} ms later, and the process exits ${afterMs.toFixed(0)} ms after that`);
  const results: KillResult[] = [];
  const kills = mode === "rename" ? RENAME_KILLS : KILLS;
  for (let i = 0; i < kills; i++) {
    restore();
    // A third over the whole run, a third while the new folder is built, a third around the swap and the old folder's removal.
    const killAt =
      i % 3 === 0
        ? { from: "start" as const, ms: Math.random() * exitMs }
        : { from: "staged" as const, ms: i % 3 === 1 ? Math.random() * buildMs : buildMs * 0.8 + Math.random() * (afterMs + buildMs * 0.2) };
    const t = await run(env, killAt);
    await sleep(50); // a perl exchange started before the kill finishes on its own
    const hash = hashTree(SDK);
    const outcome = hash === OLD ? "old" : hash === NEW ? "new" : hash === "missing" ? "MISSING" : "MIXED";
    if (outcome === "MIXED") {
      const now = treeMap(SDK);
      console.error(`    ${describeDiff(now, OLD_MAP, "old")}; ${describeDiff(now, NEW_MAP, "new")}`);
    }
    const left = leftovers().length;
    const phase =
      t.signal !== "SIGKILL" ? "finished first" : t.stagedMs === undefined ? "before writing" : t.swappedMs === undefined ? "building the new folder" : "swapped, removing the old";
    // A later plain run finishes the job and clears what the killed one left.
    codegenSync(["generate", "api.json", "-o", "sdk"], env);
    const recovered = hashTree(SDK) === NEW && leftovers().length === 0;
    if (!recovered) console.error(`    after the next run: ${describeDiff(treeMap(SDK), NEW_MAP, "new")}; leftovers: ${leftovers().join(", ") || "none"}`);
    const plan = `${killAt.from === "start" ? "start" : "staging"} + ${killAt.ms.toFixed(0)} ms`;
    results.push({ mode, plan, phase, outcome, leftovers: left, recovered });
    console.error(`  kill ${i + 1}/${kills} (${mode}) at ${plan}: ${phase}; folder = ${outcome}; ${left} leftovers beside; next run ${recovered ? "clean" : "NOT CLEAN"}`);
  }
  return { results, calibration: { exitMs, stagedMs, buildMs, afterMs }, NEW };
}

const rounds: Awaited<ReturnType<typeof killRound>>[] = [];
for (const mode of MODES) rounds.push(await killRound(mode));

// Concurrent pairs: the old and the new spec at once, each under its own name, on one folder.
// A slice of GitHub's spec (its first PAIR_PATHS paths), so 80 pairs take minutes, not an hour.
// Both SDKs are first made alone, to know their hashes.
const PAIR_PATHS = Number(process.env.PAIR_PATHS ?? 60);
const slice = (spec: typeof github, drop: boolean) => ({
  ...spec,
  paths: Object.fromEntries(Object.entries(spec.paths).slice(0, PAIR_PATHS).filter((_, i) => !drop || i % 10 !== 0)),
});
writeFileSync(join(work, "old.json"), JSON.stringify(slice({ ...github, info: { ...github.info, title: `${github.info.title} (last year)` } }, true)));
writeFileSync(join(work, "new.json"), JSON.stringify(slice(github, false)));
rmSync(SDK, { recursive: true, force: true });
codegenSync(["generate", "old.json", "-o", "sdk"]);
const PAIR_OLD = hashTree(SDK);
rmSync(SDK, { recursive: true, force: true });
codegenSync(["generate", "new.json", "-o", "sdk"]);
const PAIR_NEW = hashTree(SDK);
let pairsClean = 0;
let crashes = 0;
const endings = { old: 0, new: 0 };
const pairFailures: string[] = [];
const pairStarted = performance.now();
for (let i = 0; i < PAIRS; i++) {
  const one = (spec: string) =>
    new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, "generate", spec, "-o", "sdk"], { cwd: work, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d));
      child.on("exit", (code) => done({ code, stderr }));
    });
  const order = Math.random() < 0.5 ? ["old.json", "new.json"] : ["new.json", "old.json"];
  const [a, b] = await Promise.all([one(order[0]!), (async () => (await sleep(Math.random() * 300), one(order[1]!)))()]);
  const hash = hashTree(SDK);
  const failed = [a, b].filter((r) => r.code !== 0);
  crashes += failed.length;
  const whole = hash === PAIR_OLD || hash === PAIR_NEW;
  if (hash === PAIR_OLD) endings.old++;
  if (hash === PAIR_NEW) endings.new++;
  if (failed.length === 0 && whole && leftovers().length === 0) pairsClean++;
  else pairFailures.push(`pair ${i + 1}: exits ${a.code}/${b.code}, folder ${whole ? "whole" : "NOT WHOLE"}, ${leftovers().length} leftovers ${failed.map((f) => f.stderr.trim().split("\n").at(-1)).join(" | ")}`);
  if ((i + 1) % 10 === 0) console.error(`  pairs: ${i + 1}/${PAIRS}, ${pairsClean} clean`);
}
const pairSeconds = (performance.now() - pairStarted) / 1000;

// Full disk: a small tmpfs (root on Linux only) holding the Zoom SDK and a user's file, filled up
// to leave 0–240 KB free; then an SDK with long descriptions is generated there. Each run must
// finish, or exit 1 with one line naming the folder and ENOSPC (no stack); either way the folder
// is the whole old or the whole new SDK and nothing is left beside it.
interface DiskResult {
  freeKiB: number;
  code: number | null;
  line: string;
  outcome: "old" | "new" | "MIXED" | "MISSING";
  leftovers: number;
}
const disk: DiskResult[] = [];
const mountPoint = join(work, "disk");
mkdirSync(mountPoint);
const mounted = process.platform === "linux" && spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint]).status === 0;
if (mounted) {
  try {
    const zoom = JSON.parse(readFileSync(join(ROOT, "spec/zoom.openapi.json"), "utf8")) as { paths: Record<string, Record<string, { description?: string }>> };
    const bigger = structuredClone(zoom);
    for (const item of Object.values(bigger.paths)) for (const op of Object.values(item)) if (typeof op === "object") op.description = `${op.description ?? ""}\n\n${"Lorem ipsum dolor sit amet. ".repeat(250)}`;
    for (let free = 0; free <= 240; free += 20) {
      for (const n of readdirSync(mountPoint)) rmSync(join(mountPoint, n), { recursive: true, force: true });
      writeFileSync(join(mountPoint, "api.json"), JSON.stringify(zoom));
      const gen = () => spawnSync(process.execPath, [BIN, "generate", "api.json", "-o", "sdk"], { cwd: mountPoint, encoding: "utf8" });
      if (gen().status !== 0) throw new Error("the old SDK does not fit the test file system");
      writeFileSync(join(mountPoint, "sdk/README.md"), "mine\n");
      const before = hashTree(join(mountPoint, "sdk"));
      writeFileSync(join(mountPoint, "api.json"), JSON.stringify(bigger));
      const df = spawnSync("df", ["-k", "--output=avail", mountPoint], { encoding: "utf8" }).stdout.trim().split("\n").at(-1)!;
      writeFileSync(join(mountPoint, "filler"), Buffer.alloc(Math.max(0, Number(df) - free) * 1024));
      const r = gen();
      const hash = hashTree(join(mountPoint, "sdk"));
      rmSync(join(mountPoint, "filler"));
      // The new SDK as it should be: generated again with room to spare.
      const after = r.status === 0 ? hash : (gen(), hashTree(join(mountPoint, "sdk")));
      const line = (r.status === 0 ? r.stdout : r.stderr).trim().split("\n").at(-1) ?? "";
      const stackless = !/\n\s+at /.test(r.stderr);
      disk.push({
        freeKiB: free,
        code: r.status,
        line: stackless ? line : `STACK TRACE: ${line}`,
        outcome: hash === before ? "old" : hash === after ? "new" : hash === "missing" ? "MISSING" : "MIXED",
        leftovers: readdirSync(mountPoint).filter((n) => n.startsWith(".sdk.codegen-")).length,
      });
      console.error(`  full disk, ${free} KiB free: exit ${r.status}, ${disk.at(-1)!.outcome}, ${disk.at(-1)!.line}`);
    }
  } finally {
    spawnSync("umount", [mountPoint]);
  }
}

// ---- Report ----------------------------------------------------------------------------------

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};
for (const { results } of rounds) {
  const mode = results[0]?.mode ?? "?";
  const clean = results.filter((r) => (r.outcome === "old" || r.outcome === "new") && r.recovered).length;
  say(`${clean}/${results.length} kills clean (${mode} swap): ${results.filter((r) => r.outcome === "old").length} old, ${results.filter((r) => r.outcome === "new").length} new, ${results.filter((r) => r.outcome === "MIXED").length} mixed, ${results.filter((r) => r.outcome === "MISSING").length} missing; killed ${results.filter((r) => r.phase === "before writing").length}× before writing, ${results.filter((r) => r.phase === "building the new folder").length}× while building the new folder, ${results.filter((r) => r.phase === "swapped, removing the old").length}× after the swap; ${results.filter((r) => r.phase === "finished first").length} finished first; ${results.filter((r) => r.leftovers > 0).length} left leftovers beside, all cleared by the next run: ${results.every((r) => r.recovered) ? "yes" : "no"}`);
}
say(`${pairsClean}/${PAIRS} concurrent pairs clean: ${crashes} crashes, ended ${endings.old}× as the old SDK and ${endings.new}× as the new one, ${pairSeconds.toFixed(0)} s`);
for (const f of pairFailures.slice(0, 10)) say(`  ${f}`);
const diskClean = disk.filter((d) => (d.code === 0 || (d.code === 1 && /^error: cannot write sdk: no space left on the device \[ENOSPC\]/.test(d.line))) && (d.outcome === "old" || d.outcome === "new") && d.leftovers === 0);
if (mounted) say(`${diskClean.length}/${disk.length} full-disk runs clean: ${disk.filter((d) => d.code === 1).length} stopped by ENOSPC with one line and the old SDK in place, ${disk.filter((d) => d.code === 0).length} had room`);
else say("full disk: not measured (needs root on Linux to mount a tmpfs)");

const cpu = cpus();
const report = `# Kill test

Measured by \`npm run kill-test\` (test/kill/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim() ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.

GitHub's spec (@octokit/openapi, 1,223 operations) is generated into a folder that holds an
older SDK (the same spec less every tenth path, another title), a user's README.md and another
SDK in a subfolder. The codegen process is killed with SIGKILL: a third of the kills at a random
moment of the whole run, a third while the new folder is being built beside the old one (from
the staging folder's appearance to its swap, as timed in a calibration run), a third around the
swap and the old folder's removal. The phase each kill landed in is observed, not assumed. After each kill the folder is hashed (every path and byte),
then a plain run must leave exactly the new SDK and nothing beside it.

${lines.map((l) => (l.startsWith("  ") ? `    ${l.trim()}` : `- ${l}`)).join("\n")}

${rounds
  .map(
    ({ results, calibration }) => `## ${results[0]?.mode ?? "?"} swap${results[0]?.mode === "rename" ? " (CODEGEN_SWAP=rename: two renames, as where the exchange call is missing)" : " (renameat2 RENAME_EXCHANGE)"}

A whole run: ${(calibration.exitMs / 1000).toFixed(2)} s; the staging folder appears at ${(calibration.stagedMs / 1000).toFixed(2)} s, is complete and swapped in ${calibration.buildMs.toFixed(0)} ms later, and the process exits ${calibration.afterMs.toFixed(0)} ms after that (the old folder's removal).

| # | kill at | phase | folder after the kill | leftovers beside | next run |
| ---: | --- | --- | --- | ---: | --- |
${results.map((r, i) => `| ${i + 1} | ${r.plan} | ${r.phase} | ${r.outcome} | ${r.leftovers} | ${r.recovered ? "clean" : "NOT CLEAN"} |`).join("\n")}
`,
  )
  .join("\n")}
## Full disk

${mounted ? `A 1 MiB tmpfs holding the Zoom SDK and a user's README, filled to leave the given space free; then an SDK with long descriptions (tens of KB larger) is generated into it.

| free KiB | exit | last line | folder after | leftovers beside |
| ---: | ---: | --- | --- | ---: |
${disk.map((d) => `| ${d.freeKiB} | ${d.code} | \`${d.line}\` | ${d.outcome} | ${d.leftovers} |`).join("\n")}
` : "Not measured: mounting a tmpfs needs root on Linux."}
## Concurrent runs

${PAIRS} pairs: one run from an old spec and one from a new (\`old.json\`, \`new.json\`: GitHub's
first ${PAIR_PATHS} paths, the old one less every tenth path and with another title), started
0–300 ms apart in a random order on the same folder. Each pair must end with both runs exiting 0
and the folder hashing exactly to one of the two SDKs (each made alone first), nothing beside it.
`;
writeFileSync(join(HERE, "RESULTS.md"), report);
rmSync(work, { recursive: true, force: true });
console.error(`wrote ${join(HERE, "RESULTS.md")}`);
const ok = rounds.every(({ results }) => results.every((r) => (r.outcome === "old" || r.outcome === "new") && r.recovered)) && pairsClean === PAIRS && diskClean.length === disk.length;
process.exitCode = ok ? 0 : 1;
