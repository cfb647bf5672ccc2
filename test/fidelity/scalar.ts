/**
 * @scalar/postman-to-openapi needs Node 22 or later: it runs in a child Node 22 (the npm
 * registry's node-<platform>-<arch> binary package, an optional dependency of
 * test/fidelity, installed on demand on other platforms) through scalar.mjs.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { CACHE, HERE } from "./collections.js";

/** A Node ≥ 22 binary, or undefined (then the scalar column is left out, and the report says so). */
export function findNode22(): string | undefined {
  if (Number(process.versions.node.split(".")[0]) >= 22) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const bundled = join(HERE, "node_modules", pkg, "bin/node");
  if (existsSync(bundled)) return bundled;
  const prefix = join(CACHE, "node-22");
  const installed = join(prefix, "node_modules", pkg, "bin/node");
  if (!existsSync(installed)) {
    try {
      execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", prefix, `${pkg}@22`], { stdio: "inherit" });
    } catch {
      return undefined;
    }
  }
  return existsSync(installed) ? installed : undefined;
}

/** One long-lived scalar.mjs process; a job that takes over a minute restarts it. */
export class ScalarConverter {
  private child?: ChildProcessWithoutNullStreams;
  private pending?: (answer: { ok: boolean; error?: string }) => void;

  constructor(private readonly node: string) {}

  private start() {
    const child = spawn(this.node, ["--max-old-space-size=4096", join(HERE, "scalar.mjs")], { cwd: HERE });
    createInterface({ input: child.stdout }).on("line", (line) => {
      const done = this.pending;
      this.pending = undefined;
      done?.(JSON.parse(line));
    });
    child.stderr.resume();
    child.on("exit", () => {
      if (this.child === child) this.child = undefined;
      const done = this.pending;
      this.pending = undefined;
      done?.({ ok: false, error: "crashed" });
    });
    this.child = child;
    return child;
  }

  /** Converts the collection file `input`; the document, or the first line of its error. */
  async convert(input: string, output: string): Promise<{ doc?: object; error?: string }> {
    const child = this.child ?? this.start();
    const answer = await new Promise<{ ok: boolean; error?: string }>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
      }, 60_000);
      this.pending = (a) => {
        clearTimeout(timer);
        resolve(a);
      };
      child.stdin.write(`${JSON.stringify({ input, output })}\n`);
    });
    if (!answer.ok) return { error: answer.error === "crashed" && !this.child ? "crashed or timed out" : answer.error };
    return { doc: JSON.parse(readFileSync(output, "utf8")) };
  }

  close() {
    this.child?.stdin.end();
  }
}
