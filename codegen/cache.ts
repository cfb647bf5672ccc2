/**
 * Remembers, per set of inputs, what a fresh run produces (each output's path and hash), so
 * a run whose inputs and outputs have not changed answers from the hashes alone and never
 * loads the emitters. Kept under node_modules/.cache/codegen/: per machine, never committed.
 * The key covers the generator itself (its code and its emitters' versions), so a new
 * generator never trusts an old record.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface CacheRecord {
  outputs: { path: string; sha256: string }[];
  /** The diagnostics that run printed, printed again when the record answers. */
  diagnostics: string[];
}

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** The generator's own code and the versions of what it emits with. */
function generatorFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js|ts)$/.test(entry.name)) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(here);
  const require = createRequire(import.meta.url);
  for (const pkg of ["openapi-typescript", "ts-morph", "typescript", "openapi-fetch"]) {
    try {
      hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
    } catch {
      hash.update(`${pkg}@?`);
    }
  }
  return hash.digest("hex");
}

/** The cache of one working directory; undefined where there is no node_modules to keep it in. */
export class OutputCache {
  private constructor(private readonly dir: string, private readonly generator: string) {}

  static open(cwd: string): OutputCache | undefined {
    if (!existsSync(join(cwd, "node_modules"))) return undefined;
    return new OutputCache(join(cwd, "node_modules/.cache/codegen"), generatorFingerprint());
  }

  /** The key of a job: the generator, the job's inputs (name and content) and where its outputs go. */
  key(inputs: [string, string][], outputs: string[]): string {
    return sha256(JSON.stringify([this.generator, inputs, outputs]));
  }

  get(key: string): CacheRecord | undefined {
    try {
      return JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")) as CacheRecord;
    } catch {
      return undefined;
    }
  }

  set(key: string, outputs: { path: string; content: string }[], diagnostics: string[]): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const record: CacheRecord = { outputs: outputs.map((o) => ({ path: o.path, sha256: sha256(o.content) })), diagnostics };
      writeFileSync(join(this.dir, `${key}.json`), JSON.stringify(record));
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  /** True when every recorded output is on disk with its recorded content. */
  static matches(record: CacheRecord): boolean {
    return record.outputs.every((o) => {
      try {
        return sha256(readFileSync(o.path)) === o.sha256;
      } catch {
        return false;
      }
    });
  }
}
