/**
 * Remembers, per job, what a fresh run read and produced (each file's sha256), so a run whose
 * inputs and outputs are as that run left them answers from the record and never loads the
 * emitters. Every file is hashed each time: sizes and
 * modification times can stay the same through an edit (an editor or `utimes` can keep them),
 * and hashing GitHub's 1,223-operation SDK (70 files, 8 MB) costs 8 ms of CPU. Kept under
 * node_modules/.cache/codegen/: per machine, never committed. The key covers the generator
 * itself (its code and its emitters' versions), so a new generator never trusts an old record.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { SdkCache } from "./emit/sdk.js";

interface FileRecord {
  path: string;
  sha256: string;
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

/** Whether a file holds, byte for byte, what the record says (by its hash). */
function unchanged(record: FileRecord): boolean {
  try {
    return sha256(readFileSync(record.path)) === record.sha256;
  } catch {
    return false;
  }
}

/** The cache of one working directory; undefined where there is no node_modules to keep it in. */
export class OutputCache {
  private readonly generator = generatorFingerprint();
  private readonly sdks = new Map<string, SdkCache>();
  private constructor(private readonly dir: string) {}

  static open(cwd: string): OutputCache | undefined {
    if (!existsSync(join(cwd, "node_modules"))) return undefined;
    return new OutputCache(join(cwd, "node_modules/.cache/codegen"));
  }

  /** A job's key: the generator, its input files and where its outputs go (not their content). */
  key(inputs: string[], outputs: string[]): string {
    return sha256(JSON.stringify([this.generator, inputs, outputs]));
  }

  /** The record of a job when its inputs and outputs are all as recorded. */
  valid(key: string): CacheRecord | undefined {
    let record: CacheRecord;
    try {
      record = JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")) as CacheRecord;
    } catch {
      return undefined;
    }
    if (!Array.isArray(record.inputs) || !Array.isArray(record.outputs)) return undefined;
    return record.inputs.every(unchanged) && record.outputs.every(unchanged) ? record : undefined;
  }

  /** Records what a run read and produced (as text: the outputs as they are, or would be, on disk). */
  set(key: string, inputs: { path: string; content: string }[], outputs: { path: string; content: string; sha256?: string }[], diagnostics: string[]): void {
    const files = (list: { path: string; content: string; sha256?: string }[]) => list.map((f): FileRecord => ({ path: f.path, sha256: f.sha256 ?? sha256(f.content) }));
    this.write(key, { inputs: files(inputs), outputs: files(outputs), diagnostics });
  }

  /**
   * What a job's SDK printed last time (its types' pieces and operation modules, by the hash of
   * what each was printed from: emit/sdk.ts), so a small edit regenerates only what it touches.
   * Empty when there is none or it cannot be read.
   */
  sdk(key: string): SdkCache {
    const kept = this.sdks.get(key);
    if (kept) return kept;
    try {
      const cache = deserialize(readFileSync(join(this.dir, `${key}.sdk`))) as SdkCache;
      if (cache.types instanceof Map && cache.modules instanceof Map) return cache;
    } catch {
      // none yet, or unreadable: a full run
    }
    return { types: new Map(), modules: new Map() };
  }

  /** Keeps what a job's SDK printed (V8's serializer: Graph beta's 90 MB of pieces in a fraction of JSON's time). */
  setSdk(key: string, cache: SdkCache): void {
    // A watch session's next run finds it in memory; the next process, on disk.
    this.sdks.set(key, cache);
    this.write(`${key}.sdk`, serialize(cache));
  }

  /** Temp file then rename: a run reading the record while another writes it sees one whole record. */
  private write(key: string, record: CacheRecord | Buffer): void {
    const temp = join(this.dir, `${key}.${process.pid}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, Buffer.isBuffer(record) ? record : JSON.stringify(record));
      renameSync(temp, join(this.dir, Buffer.isBuffer(record) ? key : `${key}.json`));
    } catch {
      rmSync(temp, { force: true }); // a cache that cannot be written only costs speed
    }
  }
}
