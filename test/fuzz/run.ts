/**
 * npm run fuzz: issue 9's long fuzzing run. 100,000 hostile collections through convert and
 * Redocly, and 1 in 400 of them plus as many generated OpenAPI documents (500 SDKs) through
 * generate, strict type-check (100 SDKs per TypeScript program), import and a wire call. Prints
 * the checked and failed counts per property, each failure class with its first (shrunk) input,
 * and whether the target (0 failures on every property) is met. Exits 1 when it is not.
 *
 *   FUZZ_SEED (default 9), FUZZ_RUNS (default 100000), FUZZ_SDK_EVERY (default 400),
 *   FUZZ_OUT (a file to write the failure classes to as JSON).
 *
 * Not part of npm test (which runs 1,000 cases: test/fuzz/fuzz.test.ts).
 */
import { writeFileSync } from "node:fs";
import { PROPERTIES, runCampaign } from "./campaign.js";

const seed = Number(process.env.FUZZ_SEED ?? 9);
const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const sdkEvery = Number(process.env.FUZZ_SDK_EVERY ?? 400);
const started = performance.now();

console.log(`fuzz: seed ${seed}, ${runs} collections, SDK properties on 1 in ${sdkEvery} and ${Math.ceil(runs / sdkEvery)} generated OpenAPI documents`);
const report = await runCampaign({ seed, runs, sdkEvery, batch: 100, shrinkMs: 10_000, shrinkSdkMs: 60_000, shrinkTotalMs: 5 * 60_000, log: (l) => console.log(l) });

console.log("\nproperty    checked   failed   target (0 failed)");
for (const p of PROPERTIES) {
  const { checked, failed } = report.counts[p];
  console.log(`${p.padEnd(10)} ${String(checked).padStart(8)} ${String(failed).padStart(8)}   ${failed === 0 && checked > 0 ? "met" : checked === 0 ? "not checked" : "NOT met"}`);
}
const { coverage } = report;
console.log(
  `\ncoverage: body modes ${coverage.bodyModes.join(", ")}; raw languages ${coverage.rawLanguages.join(", ")}; auth ${coverage.authTypes.join(", ")}; ` +
    `deepest folder ${coverage.maxFolderDepth}; SDK names ${coverage.sdkNames}, prototype keys ${coverage.protoKeys}, payloads ${coverage.injectionPayloads}, invalid JSON ${coverage.invalidJsonBodies}, duplicates ${coverage.duplicates}`,
);
if (report.classes.length) console.log(`\n${report.classes.length} failure classes:`);
for (const c of report.classes) {
  console.log(`\n[${c.count}×] ${c.kind}\n  ${c.message.slice(0, 600)}`);
  console.log(`  replay: seed ${c.seed} path ${c.path} (${c.source}${c.shrunk ? ", shrunk" : ""}): ${JSON.stringify(c.input).slice(0, 2000)}`);
}
if (process.env.FUZZ_OUT) writeFileSync(process.env.FUZZ_OUT, `${JSON.stringify(report, null, 2)}\n`);
const met = PROPERTIES.every((p) => report.counts[p].failed === 0 && report.counts[p].checked > 0);
console.log(
  `\n${met ? "targets met" : "targets NOT met"}: ${PROPERTIES.map((p) => `${p} ${report.counts[p].failed}/${report.counts[p].checked}`).join(", ")} ` +
    `(${Math.round((performance.now() - started) / 1000)} s: convert-level ${Math.round(report.ms.convert / 1000)} s, SDKs ${Math.round(report.ms.sdk / 1000)} s, shrinking ${Math.round(report.ms.shrink / 1000)} s)`,
);
process.exit(met ? 0 : 1);
