/**
 * argv → options → run → exit code; nothing else. Exit codes: 0 ok, 1 input errors (or stale
 * outputs under --check), 2 usage errors.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { OutputCache } from "./cache.js";
import { CONFIG_FILES, isOpenApiName, type JobConfig } from "./config.js";
import type { Diagnostic } from "./diagnostics.js";
import { formatDiagnostic } from "./diagnostics.js";
import { createProgress, type ProgressStream } from "./progress.js";
import { formatResult, type OutputFormat } from "./report-output.js";
import { runJobs, type Job } from "./run.js";

/** A path with `/` separators, as generated files and messages name paths on every system. */
const slashed = (path: string) => path.split(sep).join("/");

const OUTPUT_OPTIONS = `  --json           print one JSON document on stdout: every diagnostic (code, severity, message,
                   file, pointer, item) and the files written, unchanged and removed
  --reporter github  print diagnostics as GitHub workflow annotations (::warning file=…::…)
  --quiet, -q      print only errors (and, under --check, what differs); no progress
  --verbose        print every place of a repeated diagnostic (by default: a count and the first three)
  --report <file>  write the API change report (Markdown, as codegen diff prints it) of the
                   committed spec (git's HEAD) against the new one, on every regeneration`;

const HELP = {
  main: `Usage: codegen [--config <file>] [--check | --watch] [--report <file>] [--json | --reporter github] [--quiet]
       codegen convert <collection.json> -o <file.openapi.json|.yaml> [--env <environment.json>] [--overlay <overlay.yaml>] [--check]
       codegen generate <openapi.json|.yaml> -o <dir> [--emit ts|js] [--package-name <name>] [--check]
       codegen diff <old.openapi.json> <new.openapi.json> | --base <git ref>   (codegen diff --help)
       codegen --version

With no command: the jobs of codegen.config.json (or .mjs, .ts) in the working directory, or
of --config <file>. Without one: every spec/*.postman_collection.json → spec/<name>.openapi.json
(or .yaml, when that file exists) → generated/<name>/. spec/<name>.postman_environment.json
and spec/<name>.overlay.yaml are used when they exist.

A config: { "jobs": [{ "input": "spec/zoom.postman_collection.json", "spec": "spec/zoom.openapi.json",
  "sdk": "generated/zoom", "environment": "…", "overlay": "…", "packageName": "…", "emit": "ts",
  "report": "…" }] }. "input" may be an OpenAPI document (then no "spec"). Paths are relative to
the config file's folder.

Options:
  --config <file>  the config file (default: codegen.config.json, .mjs or .ts, if present)
  --check          write nothing; list every output that differs from a fresh run; exit 1 if any
  --watch          run, then run again the jobs whose inputs (or the config) change; never exits
                   on a bad input
${OUTPUT_OPTIONS}
  --version        print codegen's version
  --help, -h       show help (also after a command)

Progress goes to stderr when it is a terminal.
Exit codes: 0 ok, 1 input errors or stale outputs (--check), 2 usage errors.`,
  convert: `Usage: codegen convert <collection.json> -o <file.openapi.json|.yaml> [--env <environment.json>] [--overlay <overlay.yaml>] [--check]

Converts a Postman collection (v2.0 or v2.1) into an OpenAPI 3 document.
The output format follows the extension of -o (.json, .yaml or .yml).

  --env       a Postman environment export; its values override the collection's variables
  --overlay   an OpenAPI Overlay 1.0 file applied to the result (hand corrections that survive regeneration)
${OUTPUT_OPTIONS}`,
  generate: `Usage: codegen generate <openapi.json|.yaml> -o <dir> [--emit ts|js] [--package-name <name>] [--check]

Generates the typed SDK (openapi-typescript types, openapi-fetch runtime, one function per
operation) from an OpenAPI 3 document into <dir>, with its package.json and README.md.

  --emit           ts (default): TypeScript sources; js: compiled .js + .d.ts, ready for npm publish
  --package-name   the SDK package's npm name (default: from the document's title)
${OUTPUT_OPTIONS}`,
};

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

const OPTIONS = {
  check: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  output: { type: "string", short: "o" },
  env: { type: "string" },
  overlay: { type: "string" },
  config: { type: "string" },
  watch: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean" },
  json: { type: "boolean" },
  reporter: { type: "string" },
  report: { type: "string" },
  emit: { type: "string" },
  "package-name": { type: "string" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>["values"];

/** Runs the command line; returns the exit code. Progress goes to `progressStream` when it is a terminal. */
export async function main(argv: string[], cwd: string, io: Io = { out: console.log, err: console.error }, progressStream: ProgressStream = process.stderr): Promise<number> {
  if (argv[0] === "diff") return (await import("./diff/command.js")).runDiff(argv.slice(1), cwd, io);
  let command: "default" | "convert" | "generate";
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
    command = checkUsage(values, positionals);
  } catch (e) {
    if (!(e instanceof UsageError) && (e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS") !== true) throw e;
    // node:util's messages go on to explain `--`: the first sentence is the point.
    const message = (e as Error).message.replace(/^(Unknown option '[^']*')\..*$/s, "$1");
    io.err(`codegen: ${message}\n\n${HELP.main}`);
    return 2;
  }
  if (values.help) {
    io.out(HELP[command === "default" ? "main" : command]);
    return 0;
  }
  if (values.version) {
    io.out(version());
    return 0;
  }
  const label = (file: string) => slashed(relative(cwd, file));
  const format: OutputFormat = values.json ? "json" : values.reporter === "github" ? "github" : "text";
  const quiet = values.quiet === true;
  const report = values.report === undefined ? {} : { report: resolve(cwd, values.report) };

  let load: () => Promise<{ jobs: Job[] | undefined; diagnostics: Diagnostic[] }>;
  let configFile: string | undefined;
  if (command === "default") {
    configFile = values.config !== undefined ? resolve(cwd, values.config) : CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
    if (configFile) {
      const file = configFile;
      load = async () => {
        const { readConfig } = await import("./config-file.js");
        const { config, diagnostics } = await readConfig(file, label(file));
        return { jobs: config?.jobs.map((j) => ({ ...jobFromConfig(j, dirname(file)), ...report })), diagnostics };
      };
    } else {
      const jobs = conventionJobs(cwd).map((j) => ({ ...j, ...report }));
      if (jobs.length === 0) {
        io.err(`error: no spec/*.postman_collection.json under ${cwd} (and no ${CONFIG_FILES[0]})`);
        return 1;
      }
      load = async () => ({ jobs, diagnostics: [] });
    }
  } else if (command === "convert") {
    const job: Job = {
      input: resolve(cwd, positionals[1]!),
      inputKind: "collection",
      spec: resolve(cwd, values.output!),
      source: values.output!,
      ...(values.env ? { environment: resolve(cwd, values.env) } : {}),
      ...(values.overlay ? { overlay: resolve(cwd, values.overlay) } : {}),
      ...report,
    };
    load = async () => ({ jobs: [job], diagnostics: [] });
  } else {
    const spec = resolve(cwd, positionals[1]!);
    const sdk = resolve(cwd, values.output!);
    const job: Job = {
      input: spec,
      inputKind: "openapi",
      sdk,
      // Relative to the SDK folder: the generated bytes do not depend on where codegen runs.
      source: slashed(relative(sdk, spec)),
      ...(values["package-name"] === undefined ? {} : { packageName: values["package-name"] }),
      ...(values.emit === undefined ? {} : { emit: values.emit as "ts" | "js" }),
      ...report,
    };
    load = async () => ({ jobs: [job], diagnostics: [] });
  }

  const cache = OutputCache.open(cwd);
  const once = async (jobs: Job[]): Promise<number> => {
    const progress = createProgress(progressStream, !quiet);
    const result = await runJobs(jobs, { check: values.check === true, label, cache, progress });
    const printed = formatResult(result, format, label, quiet, values.verbose === true);
    for (const line of printed.err) io.err(line);
    for (const line of printed.out) io.out(line);
    return printed.exitCode;
  };

  if (values.watch) {
    const { watchJobs } = await import("./watch.js");
    return watchJobs({ load, configFile, run: once, print: io.err, label });
  }
  const { jobs, diagnostics } = await load();
  if (!jobs) {
    if (format === "json") io.out(JSON.stringify({ ok: false, check: values.check === true, diagnostics: diagnostics.map(flat), files: { written: [], unchanged: [], removed: [] } }, null, 2));
    else for (const d of diagnostics) io.err(formatDiagnostic(d));
    return 1;
  }
  return once(jobs);
}

const flat = (d: Diagnostic) => ({ code: d.code, severity: d.severity, message: d.message, file: d.at.file, pointer: d.at.pointer, ...(d.at.item ? { item: d.at.item } : {}) });

/** The command, once the arguments make sense together; a UsageError (exit 2) otherwise. */
function checkUsage(values: Values, positionals: string[]): "default" | "convert" | "generate" {
  const [command, input, ...extra] = positionals;
  if (values.reporter !== undefined && values.reporter !== "github") throw new UsageError(`--reporter takes github (got ${JSON.stringify(values.reporter)})`);
  if (values.json && values.reporter !== undefined) throw new UsageError("--json and --reporter github are two ways to print the same thing: give one");
  if (values.watch && (values.check || values.json)) throw new UsageError(`--watch runs until stopped, so it goes without ${values.check ? "--check" : "--json (one document per run)"}`);
  if (values.emit !== undefined && values.emit !== "ts" && values.emit !== "js") throw new UsageError(`--emit takes ts or js (got ${JSON.stringify(values.emit)})`);
  if (command === undefined) {
    if (values.output !== undefined) throw new UsageError("-o goes with convert or generate");
    if (values.env !== undefined || values.overlay !== undefined) throw new UsageError("--env and --overlay go with convert (the default job picks up spec/<name>.postman_environment.json and spec/<name>.overlay.yaml; a config sets them per job)");
    if (values.emit !== undefined || values["package-name"] !== undefined) throw new UsageError("--emit and --package-name go with generate (a config sets them per job)");
    return "default";
  }
  if (command !== "convert" && command !== "generate") throw new UsageError(`unknown command ${command}`);
  if (values.help) return command;
  if (values.config !== undefined || values.watch) throw new UsageError(`${values.config !== undefined ? "--config" : "--watch"} goes with the default job (codegen with no command)`);
  if (input === undefined) throw new UsageError(`${command} needs an input file`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  if (values.output === undefined) throw new UsageError(`${command} needs -o <${command === "convert" ? "file.openapi.json|.yaml" : "dir"}>`);
  if (command === "convert" && !/\.(json|ya?ml)$/i.test(values.output)) throw new UsageError(`-o must end in .json, .yaml or .yml (got ${basename(values.output)})`);
  if (command === "convert" && (values.emit !== undefined || values["package-name"] !== undefined)) throw new UsageError("--emit and --package-name go with generate");
  if (command === "generate" && (values.env !== undefined || values.overlay !== undefined)) throw new UsageError("--env and --overlay go with convert");
  return command;
}

/** Today's conventions: every spec/*.postman_collection.json, with its environment and overlay when present. */
function conventionJobs(cwd: string): Job[] {
  const specDir = join(cwd, "spec");
  const collections = existsSync(specDir) ? readdirSync(specDir).filter((f) => f.endsWith(".postman_collection.json")).sort() : [];
  return collections.map((file) => {
    const name = file.slice(0, -".postman_collection.json".length);
    const yaml = join(specDir, `${name}.openapi.yaml`);
    const environment = join(specDir, `${name}.postman_environment.json`);
    const overlay = join(specDir, `${name}.overlay.yaml`);
    const spec = existsSync(yaml) ? yaml : join(specDir, `${name}.openapi.json`);
    return {
      input: join(specDir, file),
      inputKind: "collection",
      spec,
      sdk: join(cwd, "generated", name),
      // As configured, relative to the project root (the folder holding spec/).
      source: slashed(relative(cwd, spec)),
      ...(existsSync(environment) ? { environment } : {}),
      ...(existsSync(overlay) ? { overlay } : {}),
    };
  });
}

/** A config's job with its paths resolved against the config's folder; the SDK header names the spec as the config writes it. */
function jobFromConfig(j: JobConfig, base: string): Job {
  const at = (p: string) => resolve(base, p);
  return {
    input: at(j.input),
    inputKind: isOpenApiName(j.input) ? "openapi" : /\.postman_collection\.json$/i.test(j.input) ? "collection" : "detect",
    source: slashed(j.spec ?? j.input),
    ...(j.spec === undefined ? {} : { spec: at(j.spec) }),
    ...(j.sdk === undefined ? {} : { sdk: at(j.sdk) }),
    ...(j.environment === undefined ? {} : { environment: at(j.environment) }),
    ...(j.overlay === undefined ? {} : { overlay: at(j.overlay) }),
    ...(j.report === undefined ? {} : { report: at(j.report) }),
    ...(j.packageName === undefined ? {} : { packageName: j.packageName }),
    ...(j.emit === undefined ? {} : { emit: j.emit }),
  };
}

/** codegen's version, from its own package.json (one folder above both codegen/ and dist/). */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
