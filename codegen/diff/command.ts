/**
 * `codegen diff`: argv → two documents per report → diff → one format on stdout → exit code.
 * Reading files (and committed files through `git show`) happens here and nowhere else in
 * the diff; everything after is pure.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../diagnostics.js";
import { parseDocument } from "../index.js";
import type { OpenApiDocument } from "../openapi.js";
import { diffDocuments } from "./diff-documents.js";
import { diffExports } from "./exports.js";
import type { ApiChange } from "./change.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { nearestLine, pointerLines } from "./lines.js";
import { formatMarkdown, GITHUB_BODY_LIMIT } from "./markdown.js";
import { countChanges, type DiffReport } from "./report.js";

export const DIFF_HELP = `Usage: codegen diff <old.openapi.json|.yaml> <new.openapi.json|.yaml> [--format markdown|json|github] [--fail-on breaking]
       codegen diff --base <git ref> [<openapi file>…] [--format markdown|json|github] [--fail-on breaking]

Lists every change between two OpenAPI documents that SDK callers feel, breaking ones first,
each with its JSON pointer and the SDK function it affects, and the SDK's exported names added
and removed.

  --base      compare the file as committed at <git ref> with the working tree (without files:
              every spec/*.openapi.json, .yaml or .yml)
  --format    markdown (default: for a pull-request description, so cut to GitHub's 65,536
              characters, breaking changes kept first), json, or github (workflow annotations)
  --fail-on   breaking: exit 1 when any change is breaking

Exit codes: 0 report printed; 1 breaking changes under --fail-on breaking; 2 usage errors or an
input that cannot be read (a missing file, not OpenAPI, not a git repository, not at that ref).`;

/** Where the command prints: `out` gets the report, `err` errors. Each call is one line or block, without its final newline. */
export interface DiffIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const FORMATS = ["markdown", "json", "github"] as const;
type Format = (typeof FORMATS)[number];

/** Something that stops the command before a report: printed as one line, exit 2. */
class InputError extends Error {}

/** Runs `codegen diff` with the arguments after `diff`; returns the exit code. */
export async function runDiff(argv: string[], cwd: string, io: DiffIo = { out: console.log, err: console.error }): Promise<number> {
  let values: { base?: string; format?: string; "fail-on"?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { base: { type: "string" }, format: { type: "string" }, "fail-on": { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  if (values.help) {
    io.out(DIFF_HELP);
    return 0;
  }
  const format = values.format ?? "markdown";
  if (!(FORMATS as readonly string[]).includes(format)) return usage(io, `--format must be markdown, json or github (got ${JSON.stringify(format)})`);
  const failOn = values["fail-on"];
  if (failOn !== undefined && failOn !== "breaking") return usage(io, `--fail-on takes breaking (got ${JSON.stringify(failOn)})`);
  if (values.base === undefined && positionals.length !== 2) return usage(io, `diff needs two OpenAPI documents, old then new (got ${positionals.length})`);
  if (values.base !== undefined && values.base === "") return usage(io, "--base needs a git ref (a branch, tag or commit)");

  const label = (file: string) => relative(cwd, file).split(sep).join("/");
  let reports: DiffReport[];
  /** The new document's text, by report: where annotations find their lines. */
  const texts = new Map<DiffReport, string>();
  try {
    if (values.base === undefined) {
      const [oldFile, newFile] = positionals.map((p) => resolve(cwd, p)) as [string, string];
      const text = readInput(newFile, label(newFile));
      reports = [report(label(oldFile), readDocument(readInput(oldFile, label(oldFile)), label(oldFile), io), label(newFile), readDocument(text, label(newFile), io))];
      texts.set(reports[0]!, text);
    } else {
      const ref = values.base;
      const files = positionals.length > 0 ? positionals.map((p) => resolve(cwd, p)) : specFiles(cwd);
      if (files.length === 0) return usage(io, "--base without files compares spec/*.openapi.json (or .yaml), and there are none here: name the file");
      reports = files.map((file) => {
        const name = label(file);
        const committed = `${ref}:${name}`;
        const text = readInput(file, name);
        const made = report(committed, readDocument(showAtRef(ref, file, cwd), committed, io), name, readDocument(text, name, io));
        texts.set(made, text);
        return made;
      });
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (e.message) io.err(`codegen diff: ${e.message}`);
    return 2;
  }
  io.out(render(format as Format, reports, texts).replace(/\n$/, ""));
  return failOn === "breaking" && countChanges(reports).breaking > 0 ? 1 : 0;
}

function render(format: Format, reports: DiffReport[], texts: Map<DiffReport, string>): string {
  if (format === "markdown") return formatMarkdown(reports, { maxLength: GITHUB_BODY_LIMIT });
  if (format === "json") return formatJson(reports);
  const lines = new Map(reports.map((r) => [r, pointerLines(texts.get(r) ?? "", r.new, r.changes.map(newDocumentPointer))]));
  return formatGithub(reports, (r, change) => nearestLine(lines.get(r)!, newDocumentPointer(change)));
}

/**
 * Where a change shows in the new document: its own pointer, or for a removal the pointer
 * without its trailing array indexes (`…/enum/1` of the old document is another value in the
 * new one: the annotation goes on the `enum`), then its nearest ancestor there (nearestLine).
 */
function newDocumentPointer(change: ApiChange): string {
  return change.document === "new" ? change.pointer : change.pointer.replace(/(\/\d+)+$/, "");
}

function usage(io: DiffIo, message: string): number {
  io.err(`codegen diff: ${message}\n\n${DIFF_HELP}`);
  return 2;
}

function report(oldLabel: string, oldDoc: OpenApiDocument, newLabel: string, newDoc: OpenApiDocument): DiffReport {
  return { old: oldLabel, new: newLabel, changes: diffDocuments(oldDoc, newDoc), exports: diffExports(oldDoc, newDoc) };
}

function readInput(file: string, name: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${name} does not exist` : code === "EISDIR" ? `${name} is a folder, not an OpenAPI document` : `cannot read ${name} (${code ?? (e as Error).message})`);
  }
}

function readDocument(text: string, name: string, io: DiffIo): OpenApiDocument {
  // The file name decides JSON or YAML; `<ref>:<path>` ends in the path's extension.
  const { document, diagnostics } = parseDocument(text, name);
  if (document) return document;
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  throw new InputError("");
}

/** The committed OpenAPI documents `--base` compares by default: spec/*.openapi.{json,yaml,yml}, sorted. */
function specFiles(cwd: string): string[] {
  const dir = join(cwd, "spec");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.openapi\.(json|ya?ml)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** A file's text as committed at `ref`, through `git show <ref>:./<path>` run in `cwd`. */
function showAtRef(ref: string, file: string, cwd: string): string {
  const path = relative(cwd, file).split(sep).join("/");
  if (isAbsolute(path) || path.startsWith("../")) throw new InputError(`--base compares files inside the working directory; ${file} is not`);
  try {
    return execFileSync("git", ["show", `${ref}:./${path}`], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  } catch (e) {
    const error = e as NodeJS.ErrnoException & { stderr?: string };
    if (error.code === "ENOENT") throw new InputError("--base needs git, and it is not installed (or not on PATH)");
    const stderr = String(error.stderr ?? "");
    if (/not a git repository/i.test(stderr)) throw new InputError(`--base needs a git repository, and ${cwd} is not in one`);
    if (/does not exist in|exists on disk, but not in/i.test(stderr)) throw new InputError(`${path} does not exist at ${ref} (a new file has nothing to compare with)`);
    if (/invalid object name|unknown revision|bad revision|not a valid object name/i.test(stderr)) throw new InputError(`${ref} is not a git revision here (fetch it first, e.g. git fetch origin main)`);
    throw new InputError(`git show ${ref}:./${path} failed: ${stderr.trim().split("\n")[0] ?? "unknown error"}`);
  }
}
