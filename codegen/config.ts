/**
 * `codegen.config.json` (or a `.mjs` / `.ts` module whose default export is the same object):
 * the jobs a plain `codegen` runs, checked here, purely, from the text or the value. Every
 * problem is a diagnostic whose message starts with the key path (`jobs[1].emit: …`) and whose
 * pointer is that key in the file. Paths stay as written (relative to the config's folder);
 * the CLI resolves them.
 */
import { posix } from "node:path";
import type { Diagnostic } from "./diagnostics.js";

/** One job as the config writes it: every option the command line takes, per job. */
export interface JobConfig {
  /** A Postman collection, or an OpenAPI document (then there is no `spec` step). */
  input: string;
  /** Where the converted OpenAPI document goes (`.json`, `.yaml` or `.yml`); only for a collection. */
  spec?: string;
  /** The SDK's folder. */
  sdk?: string;
  /** A Postman environment export (`--env`); only for a collection. */
  environment?: string;
  /** An OpenAPI Overlay 1.0 file applied to the document (`--overlay`). */
  overlay?: string;
  /** The SDK package's npm name (default: from the document's title). */
  packageName?: string;
  /** `ts` (default) or `js` (compiled `.js` + `.d.ts`). */
  emit?: "ts" | "js";
  /** Where the API change report (Markdown) of the committed spec against the new one goes (`--report`). */
  report?: string;
}

export interface CodegenConfig {
  jobs: JobConfig[];
}

export interface ConfigResult {
  /** Undefined when the config has errors. */
  config: CodegenConfig | undefined;
  diagnostics: Diagnostic[];
}

/** The config file names looked for in the working directory, in this order. */
export const CONFIG_FILES = ["codegen.config.json", "codegen.config.mjs", "codegen.config.ts"] as const;

const PATH_KEYS = ["input", "spec", "sdk", "environment", "overlay", "report"] as const;
const JOB_KEYS: readonly string[] = [...PATH_KEYS, "packageName", "emit"];
/** Outputs no two jobs may share. */
const OUTPUT_KEYS = ["spec", "sdk", "report"] as const;

/** True when a path names an OpenAPI document by its name alone (Postman collections are JSON, never YAML). */
export function isOpenApiName(path: string): boolean {
  return /\.ya?ml$/i.test(path) || /\.openapi\.json$/i.test(path);
}

/** `codegen.config.json` text → the config, or diagnostics naming each bad key. `file` names the config in them. */
export function parseConfig(text: string, file: string): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { config: undefined, diagnostics: [problem(file, [], `${file} is not valid JSON (${whereInJson(text, (e as Error).message)})`, "not-json")] };
  }
  return validateConfig(value, file);
}

/** A config value (parsed JSON, or a module's default export) → the config, or diagnostics naming each bad key. */
export function validateConfig(value: unknown, file: string): ConfigResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (path: (string | number)[], message: string) => diagnostics.push(problem(file, path, message));
  if (!isObject(value)) {
    fail([], `must be an object with a "jobs" array, like { "jobs": [{ "input": "spec/api.postman_collection.json", "spec": "spec/api.openapi.json", "sdk": "generated/api" }] }`);
    return { config: undefined, diagnostics };
  }
  for (const key of Object.keys(value)) if (key !== "jobs" && key !== "$schema") fail([key], `unknown key (a config has "jobs")`);
  const jobs = value.jobs;
  if (!Array.isArray(jobs) || jobs.length === 0) {
    fail(["jobs"], jobs === undefined ? "missing: a config needs at least one job" : "must be a non-empty array of jobs");
    return { config: undefined, diagnostics };
  }
  const checked: JobConfig[] = [];
  /** Each output as written, normalized, with the job that writes it. */
  const outputs = new Map<string, string>();
  jobs.forEach((job: unknown, i) => {
    if (!isObject(job)) {
      fail(["jobs", i], "must be an object with an \"input\"");
      return;
    }
    const before = diagnostics.length;
    for (const key of Object.keys(job)) if (!JOB_KEYS.includes(key)) fail(["jobs", i, key], `unknown key (expected one of ${JOB_KEYS.join(", ")})`);
    for (const key of [...PATH_KEYS, "packageName"]) {
      const v = job[key];
      if (v === undefined) continue;
      if (typeof v !== "string" || v.trim() === "") fail(["jobs", i, key], `must be a non-empty string${key === "packageName" ? "" : " (a path relative to the config file)"}`);
    }
    if (job.input === undefined) fail(["jobs", i, "input"], "missing: the collection or OpenAPI document this job reads");
    if (job.emit !== undefined && job.emit !== "ts" && job.emit !== "js") fail(["jobs", i, "emit"], `must be "ts" or "js" (got ${JSON.stringify(job.emit)})`);
    if (diagnostics.length > before) return;
    const j = job as unknown as JobConfig;
    if (j.spec !== undefined && !/\.(json|ya?ml)$/i.test(j.spec)) fail(["jobs", i, "spec"], `must end in .json, .yaml or .yml (got ${JSON.stringify(j.spec)})`);
    if (isOpenApiName(j.input)) {
      if (j.spec !== undefined) fail(["jobs", i, "spec"], "the input is an OpenAPI document, so there is no spec to write: leave spec out");
      if (j.environment !== undefined) fail(["jobs", i, "environment"], "a Postman environment goes with a collection input, and the input is an OpenAPI document");
    }
    if (j.spec === undefined && j.sdk === undefined && j.report === undefined) fail(["jobs", i], `writes nothing: give it a "spec", an "sdk" or both`);
    if (j.report !== undefined && j.spec === undefined && /\.postman_collection\.json$/i.test(j.input)) fail(["jobs", i, "report"], `compares the committed spec with the new one, and this job writes no "spec"`);
    if ((j.packageName !== undefined || j.emit !== undefined) && j.sdk === undefined) fail(["jobs", i, j.packageName !== undefined ? "packageName" : "emit"], `goes with an "sdk" folder, and this job has none`);
    for (const key of OUTPUT_KEYS) {
      const out = j[key];
      if (out === undefined) continue;
      const norm = posix.normalize(out.replace(/\\/g, "/")).replace(/\/$/, "");
      const other = outputs.get(norm);
      if (other) fail(["jobs", i, key], `${JSON.stringify(out)} is also written by ${other}`);
      else outputs.set(norm, `jobs[${i}].${key}`);
      if (norm === posix.normalize(j.input.replace(/\\/g, "/"))) fail(["jobs", i, key], "is the job's own input");
    }
    if (diagnostics.length === before) checked.push(Object.fromEntries(JOB_KEYS.filter((k) => job[k] !== undefined).map((k) => [k, job[k]])) as unknown as JobConfig);
  });
  return diagnostics.length > 0 ? { config: undefined, diagnostics } : { config: { jobs: checked }, diagnostics };
}

/** JSON.parse's reason with the line and column a person looks for (Node's own wording of the position varies by version). */
function whereInJson(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  const reason = message.split("\n")[0]!.replace(/ in JSON at position \d+.*$/, "");
  if (!at) return reason;
  const before = text.slice(0, Number(at[1]));
  return `${reason} at line ${before.split("\n").length}, column ${before.length - before.lastIndexOf("\n")}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `jobs[1].emit` for the message, `#/jobs/1/emit` for the pointer. */
function problem(file: string, path: (string | number)[], message: string, code: "invalid-option" | "not-json" = "invalid-option"): Diagnostic {
  const keyPath = path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
  const pointer = path.length === 0 ? "" : `#${path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}`;
  return { code, severity: "error", message: keyPath ? `${keyPath}: ${message}` : message, at: { file, pointer } };
}
