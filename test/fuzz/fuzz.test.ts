/**
 * Issue 9's fuzzer in `npm test`: 1,000 hostile collections through convert and Redocly, and a
 * deterministic 1 in 40 of them (plus as many generated OpenAPI documents) through generate,
 * one strict type-check of all their SDKs together, import and a wire call. The seed is fixed
 * so CI is deterministic; FUZZ_SEED and FUZZ_RUNS change it (`npm run fuzz` runs 100,000).
 * A failing property lists each class of failure once: its kind, the first message, and the
 * input (shrunk by fast-check for convert-level classes) to replay.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PROPERTIES, runCampaign, type CampaignReport } from "./campaign.js";

const SEED = Number(process.env.FUZZ_SEED ?? 9);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SDK_EVERY = 40;

let report: CampaignReport;

describe(`fuzz: ${RUNS} collections, seed ${SEED}`, () => {
  beforeAll(async () => {
    report = await runCampaign({ seed: SEED, runs: RUNS, sdkEvery: SDK_EVERY, batch: 100, shrinkMs: 2_000, shrinkSdkMs: 0, shrinkTotalMs: 10_000 });
    const counts = PROPERTIES.map((p) => `${p} ${report.counts[p].failed}/${report.counts[p].checked}`).join(", ");
    console.log(`fuzz seed ${SEED} (FUZZ_SEED to change): failed/checked ${counts}; ${Math.round(report.ms.convert)} ms convert-level, ${Math.round(report.ms.sdk)} ms SDKs, ${Math.round(report.ms.shrink)} ms shrinking`);
  }, 300_000);

  it("exercises every body mode, raw language and auth type, 50-deep folders, the SDK's own names, prototype keys, payloads, invalid JSON and duplicates", () => {
    const { coverage } = report;
    expect(coverage.bodyModes).toEqual(["file", "formdata", "formdata+file", "graphql", "raw", "urlencoded"]);
    expect(coverage.rawLanguages).toEqual(["graphql", "html", "javascript", "json", "none", "text", "weird", "xml"]);
    expect(coverage.authTypes).toEqual(["akamai", "apikey", "asap", "awsv4", "basic", "bearer", "digest", "edgegrid", "hawk", "jwt", "noauth", "ntlm", "oauth1", "oauth2", "unknown"]);
    expect(coverage.maxFolderDepth).toBeGreaterThanOrEqual(45);
    for (const n of [coverage.sdkNames, coverage.protoKeys, coverage.injectionPayloads, coverage.invalidJsonBodies, coverage.duplicates]) expect(n).toBeGreaterThan(10);
    // Every collection is converted; most give a document for Redocly; the SDK sample is 1 in 40 plus as many documents.
    expect(report.counts.convert.checked).toBe(RUNS);
    expect(report.counts.redocly.checked).toBeGreaterThan(RUNS / 2);
    expect(report.counts.generate.checked).toBeGreaterThanOrEqual((2 * RUNS) / SDK_EVERY - 5);
  });

  it.each(PROPERTIES)("%s: no failure class", (property) => {
    const classes = report.classes
      .filter((c) => c.property === property)
      .map((c) => `[${c.count}×] ${c.kind}\n  ${c.message.slice(0, 500)}\n  replay: seed ${c.seed} path ${c.path} (${c.source}${c.shrunk ? ", shrunk" : ""}): ${JSON.stringify(c.input).slice(0, 3000)}`);
    expect(classes).toEqual([]);
  });
});
