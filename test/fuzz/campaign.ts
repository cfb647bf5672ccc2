/**
 * One fuzzing campaign, shared by the vitest test (1,000 cases) and `npm run fuzz` (100,000):
 * every case is a collection (convert, Redocly); every `sdkEvery`-th case also gives an SDK
 * (generate, type-check in batches, import, wire), alternating with a generated OpenAPI
 * document given to `generate` directly. Failures are grouped into classes by kind; the first
 * input of each class is replayed and shrunk by fast-check.
 */
import fc from "fast-check";
import type { OpenApiDocument } from "../../codegen/index.js";
import { collection, INJECTED, openApiDocument, PROTO_KEYS, SDK_NAMES } from "./arbitraries.js";
import {
  checkConvert,
  checkGenerate,
  checkImport,
  checkRedocly,
  checkTypes,
  checkWire,
  startWireServer,
  type Failure,
  type Property,
  type Sdk,
  type WireServer,
} from "./properties.js";

export interface CampaignOptions {
  seed: number;
  runs: number;
  /** Every n-th case also goes through the SDK properties (and n-th+1 gives an OpenAPI document). */
  sdkEvery: number;
  /** SDKs per TypeScript program. */
  batch: number;
  /** Shrink the first input of each failure class (within this many ms per class; 0: do not). */
  shrinkMs: number;
  /** The same for classes of the SDK properties (each step generates and type-checks an SDK). */
  shrinkSdkMs: number;
  /** Stop shrinking after this many ms in all (later classes keep their first input). */
  shrinkTotalMs?: number;
  log?: (line: string) => void;
}

export interface FailureClass {
  kind: string;
  property: Property;
  source: "collection" | "openapi";
  count: number;
  /** The first failure's message, and the input it came from (shrunk when asked). */
  message: string;
  input: unknown;
  shrunk: boolean;
  /** Replays the first failing case: `fc.check(..., { seed, path })`. */
  seed: number;
  path: string;
}

export interface CampaignReport {
  seed: number;
  runs: number;
  /** Inputs checked and inputs failing, per property. */
  counts: Record<Property, { checked: number; failed: number }>;
  classes: FailureClass[];
  coverage: Coverage;
  ms: Record<"convert" | "sdk" | "shrink", number>;
}

/** What the collections exercised, so a seed can be shown to reach every body mode, auth type and depth. */
export interface Coverage {
  bodyModes: string[];
  rawLanguages: string[];
  authTypes: string[];
  maxFolderDepth: number;
  /** Items or folders named like one of the SDK's own files or exports. */
  sdkNames: number;
  /** Form fields, query keys or JSON keys named like Object.prototype members. */
  protoKeys: number;
  injectionPayloads: number;
  invalidJsonBodies: number;
  duplicates: number;
}

function emptyCoverage(): Coverage {
  return { bodyModes: [], rawLanguages: [], authTypes: [], maxFolderDepth: 0, sdkNames: 0, protoKeys: 0, injectionPayloads: 0, invalidJsonBodies: 0, duplicates: 0 };
}

const add = (list: string[], v: unknown) => {
  if (typeof v === "string" && !list.includes(v)) list.push(v);
};

/** Adds one collection's features to the coverage. */
function cover(coverage: Coverage, input: unknown): void {
  const c = input as { item?: unknown[] };
  const text = JSON.stringify(input);
  if (text.includes(INJECTED)) coverage.injectionPayloads++;
  const items = c.item ?? [];
  if (items.length > 1 && JSON.stringify(items[0]) === JSON.stringify(items[items.length - 1])) coverage.duplicates++;
  const walk = (nodes: unknown[], depth: number) => {
    for (const node of nodes as Record<string, any>[]) {
      if (SDK_NAMES.includes(node?.name)) coverage.sdkNames++;
      if (node?.auth) add(coverage.authTypes, node.auth.type);
      if (Array.isArray(node?.item)) {
        coverage.maxFolderDepth = Math.max(coverage.maxFolderDepth, depth + 1);
        walk(node.item, depth + 1);
      }
      const request = node?.request;
      if (request && typeof request === "object") {
        if (request.auth) add(coverage.authTypes, request.auth.type);
        const body = request.body;
        if (body) {
          add(coverage.bodyModes, body.mode === "formdata" && body.formdata?.some((f: any) => f.type === "file") ? "formdata+file" : body.mode);
          if (body.mode === "raw") add(coverage.rawLanguages, body.options?.raw?.language ?? "none");
          const fields = body.formdata ?? body.urlencoded ?? [];
          if (fields.some((f: any) => PROTO_KEYS.includes(f.key))) coverage.protoKeys++;
          if (body.mode === "raw" && /json/.test(body.options?.raw?.language ?? "")) {
            try {
              JSON.parse(body.raw);
            } catch {
              coverage.invalidJsonBodies++;
            }
          }
        }
      }
    }
  };
  walk(items, 0);
  if (c && typeof c === "object" && (c as any).auth) add(coverage.authTypes, (c as any).auth.type);
}

export const PROPERTIES: Property[] = ["convert", "redocly", "generate", "typecheck", "import", "wire"];

/** The two input streams: each has its own seed offset so they do not share random draws. */
const SOURCES = {
  collection: { arbitrary: collection as fc.Arbitrary<unknown>, seedOffset: 0 },
  openapi: { arbitrary: openApiDocument as fc.Arbitrary<unknown>, seedOffset: 1 },
} as const;

/** Every property of one input, one at a time (for shrinking a class: no batching). */
export async function failuresOf(source: keyof typeof SOURCES, input: unknown, server: WireServer, upTo: Property = "wire"): Promise<Failure[]> {
  const failures: Failure[] = [];
  let document: OpenApiDocument | undefined;
  if (source === "collection") {
    const c = checkConvert(input);
    failures.push(...c.failures);
    document = c.document;
    if (document) failures.push(...(await checkRedocly(document)));
  } else document = input as OpenApiDocument;
  const sdkLevel = ["generate", "typecheck", "import", "wire"].includes(upTo);
  if (!document || !sdkLevel) return failures;
  const g = await checkGenerate(document);
  failures.push(...g.failures);
  if (!g.sdk || upTo === "generate") return failures;
  failures.push(...checkTypes([g.sdk])[0]!);
  if (upTo === "typecheck") return failures;
  const i = await checkImport(g.sdk);
  failures.push(...i.failures);
  if (i.module && upTo === "wire") failures.push(...(await checkWire(g.sdk, i.module, server)));
  return failures;
}

/** Runs every property over `runs` collections and the SDK sample, then shrinks the first input of each failure class. */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const { seed, runs, sdkEvery, batch, log = () => {} } = options;
  const counts = Object.fromEntries(PROPERTIES.map((p) => [p, { checked: 0, failed: 0 }])) as CampaignReport["counts"];
  const classes = new Map<string, FailureClass>();
  const record = (source: FailureClass["source"], index: number, input: unknown, failures: Failure[], checked: Property[]) => {
    for (const p of checked) counts[p].checked++;
    for (const p of new Set(failures.map((f) => f.property))) counts[p].failed++;
    for (const f of failures) {
      const c = classes.get(f.kind);
      if (c) c.count++;
      else classes.set(f.kind, { kind: f.kind, property: f.property, source, count: 1, message: f.message, input, shrunk: false, seed: seed + SOURCES[source].seedOffset, path: String(index) });
    }
  };
  const ms = { convert: 0, sdk: 0, shrink: 0 };
  const coverage = emptyCoverage();
  const server = await startWireServer();
  // generate() loads its emitters on first use: load them now, so a long run tests the code it started with.
  await checkGenerate({ openapi: "3.0.3", info: { title: "warm-up", version: "1" }, paths: {} } as unknown as OpenApiDocument);
  try {
    // Convert-level properties on every collection; SDK inputs set aside for batching.
    let t = performance.now();
    const pending: { source: FailureClass["source"]; index: number; input: unknown; document: OpenApiDocument }[] = [];
    let index = 0;
    await fc.check(
      fc.asyncProperty(collection, async (input) => {
        const i = index++;
        cover(coverage, input);
        const c = checkConvert(input);
        const failures = [...c.failures];
        const checked: Property[] = ["convert"];
        if (c.document) {
          checked.push("redocly");
          failures.push(...(await checkRedocly(c.document)));
          if (i % sdkEvery === 0) pending.push({ source: "collection", index: i, input, document: c.document });
        }
        record("collection", i, input, failures, checked);
        if ((i + 1) % 10_000 === 0) log(`  ${i + 1} collections`);
        return true;
      }),
      { seed, numRuns: runs },
    );
    const docs = fc.sample(openApiDocument, { seed: seed + 1, numRuns: Math.ceil(runs / sdkEvery) });
    docs.forEach((document, i) => pending.push({ source: "openapi", index: i, input: document, document: document as unknown as OpenApiDocument }));
    ms.convert = performance.now() - t;

    // SDK-level properties, many SDKs per TypeScript program.
    t = performance.now();
    for (let start = 0; start < pending.length; start += batch) {
      const group = pending.slice(start, start + batch);
      const made: { entry: (typeof group)[number]; sdk: Sdk; failures: Failure[] }[] = [];
      for (const entry of group) {
        const g = await checkGenerate(entry.document);
        if (g.sdk) made.push({ entry, sdk: g.sdk, failures: [...g.failures] });
        else record(entry.source, entry.index, entry.input, g.failures, ["generate"]);
      }
      const typeFailures = checkTypes(made.map((m) => m.sdk));
      for (const [k, m] of made.entries()) {
        m.failures.push(...typeFailures[k]!);
        const imported = await checkImport(m.sdk);
        m.failures.push(...imported.failures);
        const checked: Property[] = ["generate", "typecheck", "import"];
        if (imported.module) {
          checked.push("wire");
          m.failures.push(...(await checkWire(m.sdk, imported.module, server)));
        }
        record(m.entry.source, m.entry.index, m.entry.input, m.failures, checked);
      }
      log(`  ${Math.min(start + batch, pending.length)}/${pending.length} SDKs`);
    }
    ms.sdk = performance.now() - t;

    // Shrink the first input of each class: replay it by seed and path, fail while that kind remains.
    t = performance.now();
    for (const c of classes.values()) {
      const budget = c.property === "convert" || c.property === "redocly" ? options.shrinkMs : options.shrinkSdkMs;
      if (budget <= 0 || performance.now() - t > (options.shrinkTotalMs ?? Infinity)) continue;
      const { arbitrary } = SOURCES[c.source];
      const upTo = c.property;
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (input) => !(await failuresOf(c.source, input, server, upTo)).some((f) => f.kind === c.kind)),
        { seed: c.seed, path: c.path, numRuns: 1, interruptAfterTimeLimit: budget, markInterruptAsFailure: false },
      );
      if (result.failed && result.counterexample) {
        c.input = result.counterexample[0];
        c.shrunk = true;
        const again = (await failuresOf(c.source, c.input, server, upTo)).find((f) => f.kind === c.kind);
        if (again) c.message = again.message;
      }
    }
    ms.shrink = performance.now() - t;
  } finally {
    await server.close();
  }
  for (const list of [coverage.bodyModes, coverage.rawLanguages, coverage.authTypes]) list.sort();
  return { seed, runs, counts, coverage, classes: [...classes.values()].sort((a, b) => PROPERTIES.indexOf(a.property) - PROPERTIES.indexOf(b.property) || b.count - a.count), ms };
}
