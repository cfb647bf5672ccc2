/**
 * Remembers, per job, what a fresh run read and produced (each file's hash, size and
 * modification time), so a run whose inputs and outputs are as that run left them answers
 * from the record and never loads the emitters. A file whose size and modification time match
 * is taken as unchanged; any other is hashed. Kept under node_modules/.cache/codegen/: per
 * machine, never committed. The key covers the generator itself (its code and its emitters'
 * versions), so a new generator never trusts an old record.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface FileRecord {
  path: string;
  sha256: string;
  size?: number;
  mtimeMs?: number;
}

export interface CacheRecord {
  inputs: FileRecord[];
  outputs: FileRecord[];
  /** The diagnostics that run printed, printed again when the record answers. */
  diagnostics: string[];
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

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

/** A file as it is on disk now, hashed only when its size or modification time say it may have changed. */
function unchanged(record: FileRecord): boolean {
  try {
    const stat = statSync(record.path);
    if (record.size === stat.size && record.mtimeMs === stat.mtimeMs) return true;
    if (sha256(readFileSync(record.path)) !== record.sha256) return false;
    record.size = stat.size;
    record.mtimeMs = stat.mtimeMs;
    return true;
  } catch {
    return false;
  }
}

/** The cache of one working directory; undefined where there is no node_modules to keep it in. */
export class OutputCache {
  private readonly generator = generatorFingerprint();
  private constructor(private readonly dir: string) {}

  static open(cwd: string): OutputCache | undefined {
    if (!existsSync(join(cwd, "node_modules"))) return undefined;
    return new OutputCache(join(cwd, "node_modules/.cache/codegen"));
  }

  /** A job's key: the generator, its input files and where its outputs go (not their content). */
  key(inputs: string[], outputs: string[]): string {
    return sha256(JSON.stringify([this.generator, inputs, outputs]));
  }

  /** The record of a job when its inputs and outputs are all as recorded; refreshes the record's file times. */
  valid(key: string): CacheRecord | undefined {
    let record: CacheRecord;
    try {
      record = JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")) as CacheRecord;
    } catch {
      return undefined;
    }
    if (!record.inputs.every(unchanged) || !record.outputs.every(unchanged)) return undefined;
    this.write(key, record);
    return record;
  }

  /** Records what a run read and produced (outputs as text; their times are taken once they are on disk). */
  set(key: string, inputs: { path: string; content: string }[], outputs: { path: string; content: string }[], diagnostics: string[]): void {
    const files = (list: { path: string; content: string }[]) =>
      list.map((f): FileRecord => {
        const record: FileRecord = { path: f.path, sha256: sha256(f.content) };
        try {
          const stat = statSync(f.path);
          if (stat.size === Buffer.byteLength(f.content)) Object.assign(record, { size: stat.size, mtimeMs: stat.mtimeMs });
        } catch {
          // Not written yet: the next check hashes it once.
        }
        return record;
      });
    this.write(key, { inputs: files(inputs), outputs: files(outputs), diagnostics });
  }

  private write(key: string, record: CacheRecord): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(join(this.dir, `${key}.json`), JSON.stringify(record));
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
}
