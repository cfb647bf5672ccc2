/**
 * npm run bench: our generator against its peers, all measured in this one run on this one
 * machine (2 shared cores here, so ratios mean more than seconds). Wall time and peak memory
 * are the median, min and max of several runs of each command in a fresh process.
 *
 *  1. The SDK from GitHub's spec (@octokit/openapi, 1,223 operations): ours (types +
 *     operations, all files written) vs the openapi-typescript CLI alone vs orval (fetch
 *     client, tags-split) vs @hey-api/openapi-ts (client-fetch).
 *  2. Converting the collection openapi-to-postmanv2 exports from that spec: ours vs
 *     postman-to-openapi 3.0.1 (on a preprocessed copy; its crash on the original is noted).
 *  3. Regenerating when nothing changed, and --check (and that no file is rewritten).
 *  4. tsc --noEmit over our SDK vs over openapi-typescript's output alone.
 *  5. Runtime on a stubbed fetch: calls per second through the SDK vs bare openapi-fetch, and
 *     the minified bundle of an app that imports one operation (esbuild).
 *
 * Writes test/bench/RESULTS.md. Not part of npm test or CI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { preprocessForPeer } from "../fidelity/peer.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const WORK = join(HERE, ".cache");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Rounds per side for the runtime calls, and their length (long enough to average garbage collection). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const ROUND_MS = 300;
const MODULES = join(HERE, "node_modules");
const SPEC = join(MODULES, "@octokit/openapi/generated/api.github.com.json");

if (!existsSync(join(MODULES, "orval"))) {
  console.error("installing the peers (test/bench/package.json)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: "inherit" });
}
if (!existsSync(join(ROOT, "dist/cli.mjs"))) execFileSync(process.execPath, [join(ROOT, "bin/build.js")], { stdio: "inherit" });
mkdirSync(WORK, { recursive: true });

interface Measure {
  label: string;
  seconds: number[];
  rssMiB: number[];
  failed?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Runs a Node script `runs` times in fresh processes; `before` prepares each run. */
function measure(label: string, args: string[], options: { cwd?: string; before?: () => void; runs?: number; env?: Record<string, string> } = {}): Measure {
  const result: Measure = { label, seconds: [], rssMiB: [] };
  const rssFile = join(WORK, "rss.txt");
  for (let i = 0; i < (options.runs ?? RUNS); i++) {
    options.before?.();
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--require", join(HERE, "maxrss.cjs"), ...args], {
      cwd: options.cwd ?? WORK,
      env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile },
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) {
      result.failed = `exit ${run.status}: ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`;
      break;
    }
    result.seconds.push(seconds);
    result.rssMiB.push(Number(readFileSync(rssFile, "utf8")) / 1024);
  }
  console.error(`  ${label}: ${result.failed ?? `${median(result.seconds).toFixed(2)} s, ${median(result.rssMiB).toFixed(0)} MiB`}`);
  return result;
}

const lines: string[] = [];
const out = (line = "") => {
  lines.push(line);
  console.log(line);
};
const f2 = (x: number) => x.toFixed(2);
const range = (xs: number[], digits = 2) => (xs.length ? `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})` : "–");

function table(rows: Measure[], baseline: Measure, target?: { time: number; memory: boolean }) {
  out("| command | wall s, median (min–max) | × baseline | peak MiB, median (min–max) | × baseline |");
  out("| --- | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    if (r.failed) {
      out(`| ${r.label} | failed: ${r.failed} | | | |`);
      continue;
    }
    out(`| ${r.label} | ${range(r.seconds)} | ${f2(median(r.seconds) / median(baseline.seconds))} | ${range(r.rssMiB, 0)} | ${f2(median(r.rssMiB) / median(baseline.rssMiB))} |`);
  }
  void target;
}

const targets: [string, boolean, string][] = [];

// 1. The SDK from GitHub's spec.
console.error("1. SDK from GitHub's spec");
const sdkDir = join(WORK, "sdk");
const fresh = (dir: string) => () => rmSync(dir, { recursive: true, force: true });
const ours = measure("ours: codegen generate (types + operations)", [join(ROOT, "bin/codegen.js"), "generate", SPEC, "-o", join(sdkDir, "ours")], { before: fresh(join(sdkDir, "ours")) });
const ots = measure("openapi-typescript CLI (types only)", [join(MODULES, "openapi-typescript/bin/cli.js"), SPEC, "-o", join(sdkDir, "ots/schema.ts")], { before: fresh(join(sdkDir, "ots")) });
writeFileSync(
  join(WORK, "orval.config.cjs"),
  `module.exports = { github: { input: { target: ${JSON.stringify(SPEC)} }, output: { target: ${JSON.stringify(join(sdkDir, "orval/api.ts"))}, client: "fetch", mode: "tags-split" } } };\n`,
);
const orval = measure("orval 7.13 (fetch client)", [join(MODULES, "orval/dist/bin/orval.js"), "--config", join(WORK, "orval.config.cjs")], { before: fresh(join(sdkDir, "orval")) });
// Its bin only spawns dist/run.mjs; measured directly so its memory is the generator's.
const hey = measure("@hey-api/openapi-ts 0.95 (client-fetch)", [join(MODULES, "@hey-api/openapi-ts/dist/run.mjs"), "-i", SPEC, "-o", join(sdkDir, "hey"), "-c", "@hey-api/client-fetch"], {
  before: fresh(join(sdkDir, "hey")),
  runs: Math.min(RUNS, 2),
});
out("## 1. The SDK from GitHub's spec (1,223 operations)");
out();
table([ours, ots, orval, hey], ots);
const timeRatio = median(ours.seconds) / median(ots.seconds);
const memRatio = median(ours.rssMiB) / median(ots.rssMiB);
targets.push(["(1) ours ≤ 1.1× the openapi-typescript CLI", timeRatio <= 1.1, `${f2(timeRatio)}×`]);
targets.push(["(1) peak memory no higher than the openapi-typescript CLI", memRatio <= 1, `${f2(memRatio)}×`]);

// 2. Converting the exported collection.
console.error("2. Collection → OpenAPI");
const collection = join(WORK, "github.postman_collection.json");
if (!existsSync(collection)) {
  console.error("  exporting GitHub's spec with openapi-to-postmanv2…");
  execFileSync(process.execPath, [join(ROOT, "test/fidelity/export.cjs"), SPEC, "Example", collection], { env: { ...process.env, NODE_PATH: MODULES }, stdio: "inherit" });
}
const requests = (JSON.stringify(JSON.parse(readFileSync(collection, "utf8"))).match(/"request":/g) ?? []).length;
writeFileSync(join(WORK, "github.preprocessed.json"), preprocessForPeer(readFileSync(collection, "utf8")));
// The preprocessed copy also gets replaceVars: its URL parser cannot read `{{baseUrl}}/…`.
const p2o = (input: string, replaceVars = false) => [
  "-e",
  `require(${JSON.stringify(join(MODULES, "postman-to-openapi"))})(${JSON.stringify(input)}, ${JSON.stringify(join(WORK, "p2o.json"))}, { outputFormat: "json", replaceVars: ${replaceVars} }).catch((e) => { console.error(e.message); process.exit(1); })`,
];
const oursConvert = measure("ours: codegen convert", [join(ROOT, "bin/codegen.js"), "convert", collection, "-o", join(WORK, "ours.openapi.json")]);
const peerOriginal = measure("postman-to-openapi 3.0.1, on the original", p2o(collection), { runs: 1 });
const peerConvert = measure("postman-to-openapi 3.0.1, on a preprocessed copy", p2o(join(WORK, "github.preprocessed.json"), true));
out();
out(`## 2. Converting the collection openapi-to-postmanv2 exports from it (${requests} requests)`);
out();
table([oursConvert, peerOriginal, peerConvert], peerConvert.failed ? oursConvert : peerConvert);
targets.push(["(2) conversion under 1 s", median(oursConvert.seconds) < 1, `${f2(median(oursConvert.seconds))} s`]);

// 3. Nothing changed: regenerate and --check.
console.error("3. Regenerating when nothing changed");
const project = join(WORK, "project");
rmSync(project, { recursive: true, force: true });
mkdirSync(join(project, "node_modules"), { recursive: true });
const regenArgs = [join(ROOT, "bin/codegen.js"), "generate", SPEC, "-o", join(project, "sdk")];
execFileSync(process.execPath, regenArgs, { cwd: project, stdio: "ignore" });
const mtimes = () => readdirSync(join(project, "sdk"), { recursive: true }).map((f) => `${f}:${statSync(join(project, "sdk", String(f))).mtimeMs}`).join();
const before = mtimes();
const regen = measure("ours: generate again, nothing changed", regenArgs, { cwd: project });
const check = measure("ours: generate --check", [...regenArgs, "--check"], { cwd: project });
const untouched = mtimes() === before;
out();
out("## 3. Regenerating GitHub's SDK when nothing changed");
out();
table([regen, check], regen);
out();
out(`Files rewritten: ${untouched ? "none (modification times kept)" : "SOME"}.`);
targets.push(["(3) regenerate ≤ 0.2 s", median(regen.seconds) <= 0.2, `${f2(median(regen.seconds))} s`]);
targets.push(["(3) --check ≤ 0.2 s", median(check.seconds) <= 0.2, `${f2(median(check.seconds))} s`]);
targets.push(["(3) no file rewritten", untouched, untouched ? "none" : "some"]);

// 4. Type-checking the outputs.
console.error("4. tsc --noEmit");
const tsconfig = JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ["**/*.ts"] });
writeFileSync(join(sdkDir, "ours/tsconfig.json"), tsconfig);
writeFileSync(join(sdkDir, "ots/tsconfig.json"), tsconfig);
const tsc = join(MODULES, "typescript/bin/tsc");
// The same SDK with its `@ts-nocheck` lines removed: what checking every operation body costs.
const checked = join(sdkDir, "ours-checked");
rmSync(checked, { recursive: true, force: true });
cpSync(join(sdkDir, "ours"), checked, { recursive: true });
for (const file of readdirSync(checked, { recursive: true }).map(String).filter((f) => f.endsWith(".ts"))) {
  writeFileSync(join(checked, file), readFileSync(join(checked, file), "utf8").replace(/^\/\/ @ts-nocheck\b.*\n/m, ""));
}
const tscOurs = measure("tsc over our SDK", [tsc, "-p", join(sdkDir, "ours")]);
const tscOts = measure("tsc over openapi-typescript's output", [tsc, "-p", join(sdkDir, "ots")]);
const tscChecked = measure("tsc over our SDK, `@ts-nocheck` removed (what codegen's own tests check)", [tsc, "-p", checked]);
out();
out("## 4. tsc --noEmit over the outputs");
out();
out("Operation and runtime files carry `// @ts-nocheck` (codegen's tests check them; a consumer's tsc resolves only the types it uses), as `skipLibCheck` does for a library. `schema.gen.ts` is checked like openapi-typescript's output. The third row checks everything.");
out();
table([tscOurs, tscOts, tscChecked], tscOts);
const tscRatio = median(tscOurs.seconds) / median(tscOts.seconds);
targets.push(["(4) tsc over our SDK ≤ 1.2× openapi-typescript's output", tscRatio <= 1.2, `${f2(tscRatio)}×`]);

// 5. Runtime.
console.error("5. Runtime");
const runtime = await measureRuntime(join(sdkDir, "ours"));
out();
out("## 5. Runtime, on a stubbed fetch");
out();
out(`Each side in its own worker thread (test/bench/calls.mjs), ${ROUNDS} rounds of ${ROUND_MS} ms per side, back to back (which side goes first alternates). Calls per CPU second count the process's CPU time while that side runs, garbage collection included; calls per wall second also count what other tenants of the machine take. Each figure is a median over the rounds; a ratio is the median of the rounds' own ratios, with their quartiles.`);
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
out(`| app importing one operation (bytes, minified; gzip) | ${runtime.bundle.ours} (${runtime.bundle.oursGzip}) | ${runtime.bundle.bare} (${runtime.bundle.bareGzip}) | +${runtime.bundle.ours - runtime.bundle.bare} B |`);
for (const r of runtime.rates) targets.push([`(5) ${r.label}: ≥ 0.95× bare openapi-fetch's calls per second`, median(r.ratios) >= 0.95, `${f2(median(r.ratios))}× (per CPU second: ${f2(median(r.cpuRatios))}×)`]);
targets.push(["(5) one operation's bundle ≤ openapi-fetch + 2 kB", runtime.bundle.ours <= runtime.bundle.bare + 2048, `+${runtime.bundle.ours - runtime.bundle.bare} B`]);

out();
out("## Targets");
out();
out("| target | met | measured |");
out("| --- | --- | --- |");
for (const [name, ok, value] of targets) out(`| ${name} | ${ok ? "yes" : "no"} | ${value} |`);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${RUNS} runs per command`;
writeFileSync(
  join(HERE, "RESULTS.md"),
  ["# Benchmark", "", `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`, "", ...lines, ""].join("\n"),
);

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
    { label: "multipart operation (PUT /meetings/{meetingId}/registrants/status)", operation: "multipart", sdk: await compile(join(ROOT, "generated/zoom/index.ts"), "zoom") },
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

  const bundle = async (contents: string) => {
    const built = await build({ stdin: { contents, resolveDir: HERE, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "error" });
    const bytes = built.outputFiles[0]!.contents;
    return { size: bytes.length, gzip: gzipSync(bytes).length };
  };
  const oursApp = await bundle(`import { createClient, reposGet } from ${JSON.stringify(join(sdk, "index.ts"))};\nconst c = createClient({ auth: "t" });\nreposGet(c, { path: { owner: "o", repo: "r" } }).then(console.log);\n`);
  const bareApp = await bundle(`import createClient from "openapi-fetch";\nconst c = createClient({ baseUrl: "https://api.github.com" });\nc.use({ onRequest: ({ request }) => (request.headers.set("Authorization", "Bearer t"), request) });\nc.GET("/repos/{owner}/{repo}", { params: { path: { owner: "o", repo: "r" } } }).then(console.log);\n`);
  return { rates, bundle: { ours: oursApp.size, oursGzip: oursApp.gzip, bare: bareApp.size, bareGzip: bareApp.gzip } };
}
