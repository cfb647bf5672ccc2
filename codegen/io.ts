/**
 * The one module that writes files. Outputs are computed in full before anything is written;
 * this module only compares them with the disk and puts them there, all or nothing.
 *
 * The scheme, for an output `<parent>/<name>` (a spec file, or an SDK folder):
 *
 * - **A lock beside it**, `.<name>.codegen-lock`, made with link(2) from a file that already
 *   holds its owner (pid, host, the process's start time), so a lock is never seen empty. A
 *   run waits for a live owner; a lock whose owner is dead on this host (or whose pid now
 *   belongs to a process started later) is stale: it is renamed aside, checked to be the
 *   stale one, and removed. Runs on one output take turns: two runs at once never mix files.
 * - **Nothing differs** (checked first, without the lock): nothing is written, no lock taken;
 *   files and folders keep their modification times. Else, **under the lock, the plan is made
 *   again** from the disk as it is now, and the new output is built beside the old one and
 *   swapped in.
 * - **A file** is written to `.<name>.codegen-stage-<pid>-<hex>` and renamed over the target.
 * - **An SDK folder** is built whole in `.<name>.codegen-stage-<pid>-<hex>`: the files that
 *   changed are written, unchanged ones hard-linked from the old folder (their modification
 *   times stay), and every file the generator does not own is carried across as a hard link
 *   (a copy where links are impossible), subfolders included: a user's README, another SDK
 *   below. Then the two folders are exchanged in one step with renameat2(RENAME_EXCHANGE)
 *   (Linux; Node has no binding for it, so one `perl -e 'syscall(…)'` call makes it, perl
 *   being part of every Debian-like base system), and the old one, now at the staging path,
 *   is removed. Where that exchange is unavailable, the swap is two renames, old folder
 *   aside (`.<name>.codegen-old-…`) then the complete new one (`.<name>.codegen-new-…`) in:
 *   a crash between those two calls leaves no folder at the target, and the next run puts
 *   the complete new one there (roll forward) before anything else.
 * - **What the generator owns** is listed in the folder's manifest, `.codegen-manifest.json`
 *   (relative paths, sorted, with sha256 of their content). Only those files are replaced or
 *   left out of the next folder; anything else in it is the user's. A folder without a
 *   manifest (made before manifests existed) owns the files directly in it and in `runtime/`
 *   whose first line carries the generator's header.
 * - **Leftovers** of a killed run (`.<name>.codegen-*` beside the output) are removed by the
 *   next run that holds the lock. Nothing is ever left inside an output.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/** One file an output folder holds: its path relative to the folder, with `/` separators. */
export interface OutputFile {
  path: string;
  content: string;
}

/** What a run produces: a single file, or a folder the generator owns files in. */
export type Target = { kind: "file"; path: string; content: string } | { kind: "folder"; path: string; files: OutputFile[] };

/** One difference between the disk and a fresh run; `path` is absolute. */
export type Change = { path: string; kind: "create" | "update" | "delete" };

/** A target compared with the disk. `outputs` counts the files a run writes or keeps (the manifest included). */
export interface Plan {
  target: Target;
  changes: Change[];
  outputs: number;
}

/** An I/O failure on an output, with the path it concerns: the CLI prints it as one line. */
export class OutputError extends Error {
  constructor(
    /** The output concerned. */
    readonly path: string,
    readonly verb: "read" | "write",
    /** Why, in words, with the system's code: `permission denied [EACCES]`. */
    readonly reason: string,
    /** The file the system call failed on, when not the output itself (a staging file, the lock). */
    readonly at?: string,
  ) {
    super(`cannot ${verb} ${path}: ${reason}${at ? ` (at ${at})` : ""}`);
  }
}

/** The manifest's file name, in every SDK folder. */
export const MANIFEST = ".codegen-manifest.json";

const MANIFEST_NOTE = "Written by codegen: the files it generated in this folder. The next run replaces or removes only these; every other file here is left alone.";

/** How long a run waits for another run's lock before it gives up (ms). */
const LOCK_TIMEOUT_MS = Number(process.env.CODEGEN_LOCK_TIMEOUT_MS ?? 300_000);

/** The manifest text for a folder's files: deterministic (sorted, no times), LF, final newline. */
export function manifestOf(files: OutputFile[]): string {
  // A run asks for a folder's manifest up to five times (two plans, staging, the cache record):
  // made once per list of files (hashing Graph beta's 88 MB SDK each time cost seconds).
  let manifest = manifests.get(files);
  if (manifest === undefined) {
    const entries = files.map((f) => [f.path, `sha256:${contentHash(f)}`] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    manifest = `${JSON.stringify({ "//": MANIFEST_NOTE, files: Object.fromEntries(entries) }, null, 2)}\n`;
    manifests.set(files, manifest);
  }
  return manifest;
}

const manifests = new WeakMap<OutputFile[], string>();
const hashes = new WeakMap<OutputFile, string>();

/** A generated file's sha256 (hex), computed once per file object. */
export function contentHash(file: OutputFile): string {
  let hash = hashes.get(file);
  if (hash === undefined) hashes.set(file, (hash = sha256(file.content)));
  return hash;
}

/** Compares a target with the disk (reads only). */
export function planTarget(target: Target, legacyMarker: string): Plan {
  return guard(target.path, "read", () => {
    if (target.kind === "file") {
      const kind = differs(target.path, target.content);
      return { target, changes: kind ? [{ path: target.path, kind }] : [], outputs: 1 };
    }
    const changes: Change[] = [];
    const wanted = [...target.files, { path: MANIFEST, content: manifestOf(target.files) }];
    for (const f of wanted) {
      const kind = differs(join(target.path, f.path), f.content);
      if (kind) changes.push({ path: join(target.path, f.path), kind });
    }
    const produced = new Set(wanted.map((f) => f.path));
    for (const file of ownedFiles(target.path, legacyMarker)) {
      if (!produced.has(file) && existsSync(join(target.path, file))) changes.push({ path: join(target.path, file), kind: "delete" });
    }
    return { target, changes, outputs: wanted.length };
  });
}

/** True when an output has leftovers of an interrupted run beside it (which only a writing run removes). */
export function hasLeftovers(path: string): boolean {
  return leftovers(path).length > 0;
}

/**
 * Writes targets: each under its lock, planned again from the disk, then replaced whole
 * (see the module comment). Every staging copy is complete before the first swap. Returns
 * the plans as they were carried out.
 */
export function writeTargets(targets: Target[], legacyMarker: string): Plan[] {
  const ordered = [...targets].sort((a, b) => (a.path < b.path ? -1 : 1));
  // Up to date already: no lock either, so not even a folder's modification time changes.
  const first = ordered.map((t) => planTarget(t, legacyMarker));
  if (first.every((p) => p.changes.length === 0 && !hasLeftovers(p.target.path))) return first;
  const locks: Lock[] = [];
  const staged: Staged[] = [];
  try {
    for (const t of ordered) locks.push(acquireLock(t.path));
    for (const t of ordered) guard(t.path, "write", () => recover(t.path));
    const plans = ordered.map((t) => planTarget(t, legacyMarker));
    for (const plan of plans) if (plan.changes.length > 0) staged.push(guard(plan.target.path, "write", () => stage(plan, legacyMarker)));
    while (staged.length > 0) {
      const next = staged[0]!;
      guard(next.target, "write", () => swap(next));
      staged.shift();
    }
    return plans;
  } finally {
    for (const s of staged) rmSync(s.path, { recursive: true, force: true });
    for (const lock of locks) lock.release();
  }
}

/** Runs an I/O step, turning a system error into an OutputError naming `path`. */
function guard<T>(path: string, verb: "read" | "write", step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const error = e as NodeJS.ErrnoException;
    if (typeof error.code !== "string") throw e;
    const reason = `${DESCRIPTIONS[error.code] ?? error.message.split(",")[0]!.replace(/^\w+: /, "")} [${error.code}]`;
    throw new OutputError(path, verb, reason, error.path && error.path !== path ? error.path : undefined);
  }
}

const DESCRIPTIONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is where a folder should be",
  EISDIR: "a folder is where a file should be",
  ENOENT: "it does not exist",
  EMFILE: "too many open files",
  EBUSY: "it is busy",
};

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** Whether the file at `path` would be created or updated to hold `content`, or undefined when it already does. */
function differs(path: string, content: string): "create" | "update" | undefined {
  let current: Buffer;
  try {
    current = readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "create";
    throw e;
  }
  return current.equals(Buffer.from(content)) ? undefined : "update";
}

/** The files (relative paths) the generator owns in a folder: its manifest's, or the header-marked ones of a folder made before manifests. */
function ownedFiles(dir: string, legacyMarker: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw e;
    return legacyOwnedFiles(dir, legacyMarker);
  }
  try {
    const files = (JSON.parse(text) as { files?: unknown }).files;
    if (files && typeof files === "object") return Object.keys(files).filter(isSafeRelative).sort();
  } catch {
    // Not a manifest we can read: fall back to the header rule below.
  }
  return legacyOwnedFiles(dir, legacyMarker);
}

/** A relative path that stays inside its folder. */
const isSafeRelative = (path: string) => path !== "" && !path.startsWith("/") && !/\\|^[A-Za-z]:/.test(path) && path.split("/").every((s) => s !== "" && s !== "." && s !== "..");

function legacyOwnedFiles(dir: string, marker: string): string[] {
  const owned: string[] = [];
  for (const sub of ["", "runtime"]) {
    const folder = join(dir, sub);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isFile() && firstLine(join(folder, e.name)).includes(marker)) owned.push(sub ? `${sub}/${e.name}` : e.name);
    }
  }
  return owned.sort();
}

/** A file's first line, reading no more than its first 256 bytes. */
function firstLine(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString("utf8", 0, n).split("\n", 1)[0]!;
  } finally {
    closeSync(fd);
  }
}

// ---- Leftovers and names beside an output -------------------------------------------------

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Our names beside `<name>`: `.<name>.codegen-lock`, `.<name>.codegen-{stage,new,old,lock}-<pid>-<hex>`. */
const siblingPattern = (name: string) => new RegExp(`^\\.${escapeRegExp(name)}\\.codegen-(lock|stage|new|old)(-\\d+-[0-9a-f]+)?$`);

/** Any of our working names, at any level (skipped when a folder is carried across). */
const WORKING_NAME = /^\..+\.codegen-(lock|stage|new|old)(-\d+-[0-9a-f]+)?$/;

const uniqueSuffix = () => `${process.pid}-${randomBytes(4).toString("hex")}`;
const sibling = (target: string, kind: "lock" | "stage" | "new" | "old", unique = true) =>
  join(dirname(target), `.${basename(target)}.codegen-${kind}${unique ? `-${uniqueSuffix()}` : ""}`);

/** Leftovers of interrupted runs beside a target: all our names there but the lock itself. */
function leftovers(target: string): string[] {
  const pattern = siblingPattern(basename(target));
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  return names.filter((n) => {
    const m = pattern.exec(n);
    return m !== null && !(m[1] === "lock" && m[2] === undefined);
  });
}

/**
 * Under the lock: a folder left missing between the two renames of a fallback swap gets its
 * complete new version back (or the old one, when no new one was complete), then every
 * leftover of an earlier run beside the target is removed.
 */
function recover(target: string): void {
  const names = leftovers(target);
  if (names.length === 0) return;
  const parent = dirname(target);
  if (!existsSync(target)) {
    const complete = names.find((n) => /\.codegen-new-/.test(n)) ?? names.find((n) => /\.codegen-old-/.test(n));
    if (complete) renameSync(join(parent, complete), target);
  }
  for (const n of leftovers(target)) rmSync(join(parent, n), { recursive: true, force: true });
}

// ---- Staging and swapping -----------------------------------------------------------------

interface Staged {
  target: string;
  path: string;
  kind: "file" | "folder";
}

function stage(plan: Plan, legacyMarker: string): Staged {
  const { target } = plan;
  mkdirSync(dirname(target.path), { recursive: true });
  const path = sibling(target.path, "stage");
  if (target.kind === "file") {
    try {
      writeFileSync(path, target.content);
    } catch (e) {
      rmSync(path, { force: true });
      throw e;
    }
    return { target: target.path, path, kind: "file" };
  }
  const changed = new Set(plan.changes.map((c) => c.path));
  const own = new Set([...ownedFiles(target.path, legacyMarker), ...target.files.map((f) => f.path), MANIFEST]);
  try {
    mkdirSync(path);
    if (existsSync(target.path)) carry(target.path, path, own);
    for (const f of [...target.files, { path: MANIFEST, content: manifestOf(target.files) }]) {
      const from = join(target.path, f.path);
      const to = join(path, f.path);
      mkdirSync(dirname(to), { recursive: true });
      if (!changed.has(from) && tryLink(from, to)) continue;
      writeFileSync(to, f.content);
    }
  } catch (e) {
    rmSync(path, { recursive: true, force: true });
    throw e;
  }
  return { target: target.path, path, kind: "folder" };
}

/** Hard-links `from` at `to`; false where the file system cannot (the caller writes a copy). */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EXDEV" || code === "EPERM" || code === "EMLINK" || code === "ENOTSUP" || code === "ENOENT") return false;
    throw e;
  }
}

/**
 * Carries every entry of folder `from` that the generator does not own into `to`: folders
 * made again, files hard-linked (copied, with their times, where a link is impossible),
 * symbolic links recreated. Iterative, so no folder depth can overflow the stack.
 */
function carry(from: string, to: string, own: Set<string>): void {
  const stack: [string, string, string][] = [[from, to, ""]];
  while (stack.length > 0) {
    const [src, dst, rel] = stack.pop()!;
    for (const entry of readdirSync(src, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (own.has(relPath) || WORKING_NAME.test(entry.name)) continue;
      const s = join(src, entry.name);
      const d = join(dst, entry.name);
      if (entry.isDirectory()) {
        mkdirSync(d, { mode: statSync(s).mode & 0o7777 });
        stack.push([s, d, relPath]);
      } else if (entry.isSymbolicLink()) {
        symlinkSync(readlinkSync(s), d);
      } else if (entry.isFile() && !tryLink(s, d)) {
        copyFileSync(s, d);
        const stat = lstatSync(s);
        utimesSync(d, stat.atime, stat.mtime);
      }
      // Sockets, FIFOs and devices are not carried: an SDK folder has no business holding them.
    }
  }
}

function swap(staged: Staged): void {
  if (staged.kind === "file") {
    renameSync(staged.path, staged.target);
    return;
  }
  if (!existsSync(staged.target)) {
    renameSync(staged.path, staged.target);
    return;
  }
  if (exchange(staged.path, staged.target)) {
    rmSync(staged.path, { recursive: true, force: true });
    return;
  }
  // Two renames: the complete new folder is named `new` first, so a crash between them is
  // rolled forward by the next run (see recover).
  const ready = sibling(staged.target, "new");
  renameSync(staged.path, ready);
  staged.path = ready;
  const old = sibling(staged.target, "old");
  renameSync(staged.target, old);
  try {
    renameSync(ready, staged.target);
  } catch (e) {
    renameSync(old, staged.target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/** renameat2's number by architecture (Linux), and RENAME_EXCHANGE. */
const RENAMEAT2: Partial<Record<NodeJS.Architecture, number>> = { x64: 316, arm64: 276, riscv64: 276, ia32: 353, arm: 382, ppc64: 357, s390x: 347 };
const EXCHANGE_SCRIPT = "exit(syscall($ARGV[0], -100, $ARGV[1], -100, $ARGV[2], 2) == 0 ? 0 : 100 + $!)";
let exchangeWorks = process.env.CODEGEN_SWAP !== "rename";

/** Exchanges two paths atomically; false where the system offers no such call (then nothing happened). */
function exchange(a: string, b: string): boolean {
  const nr = RENAMEAT2[process.arch];
  if (process.platform !== "linux" || nr === undefined || exchangeWorks === false) return false;
  const r = spawnSync("perl", ["-e", EXCHANGE_SCRIPT, String(nr), a, b], { stdio: "ignore" });
  if (r.status === 0) return true;
  // No perl, or the call itself missing (ENOSYS 38, EINVAL 22, EOPNOTSUPP 95): never try again.
  // Any other failure falls back for this swap only, and the renames report it.
  if (r.error || r.status === 138 || r.status === 122 || r.status === 195) exchangeWorks = false;
  return false;
}

// ---- The lock -----------------------------------------------------------------------------

interface Lock {
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
  start?: string;
}

/** A process's start time (Linux: /proc/<pid>/stat field 22), to tell a reused pid from its first owner. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function isStale(text: string): boolean {
  let owner: Owner;
  try {
    owner = JSON.parse(text) as Owner;
  } catch {
    return true; // not a lock this module made: nothing can be holding it
  }
  if (typeof owner.pid !== "number") return true;
  if (owner.host !== hostname()) return false; // another machine's run: only its owner can tell
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return true;
  }
  const now = startTime(owner.pid);
  return owner.start !== undefined && now !== undefined && now !== owner.start;
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquireLock(target: string): Lock {
  const lock = sibling(target, "lock", false);
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), start: startTime(process.pid) } satisfies Owner);
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  guard(target, "write", () => mkdirSync(dirname(target), { recursive: true }));
  const temp = sibling(target, "lock");
  for (;;) {
    const done = guard(target, "write", () => {
      writeFileSync(temp, mine);
      try {
        linkSync(temp, lock);
        return true;
      } catch (e) {
        // EEXIST: held; ENOENT: our temporary file was cleared as a leftover by the holder.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "EEXIST" && code !== "ENOENT") throw e;
        return false;
      } finally {
        rmSync(temp, { force: true });
      }
    });
    if (done) break;
    let held: string;
    try {
      held = readFileSync(lock, "utf8");
    } catch {
      continue; // released in between
    }
    if (isStale(held)) {
      breakLock(lock, held);
      continue;
    }
    if (Date.now() > deadline) {
      throw new OutputError(target, "write", `another codegen run holds its lock (${held}); remove the lock if no codegen is running`, lock);
    }
    pause(20 + Math.random() * 60);
  }
  return {
    release() {
      try {
        if (readFileSync(lock, "utf8") === mine) unlinkSync(lock);
      } catch {
        // Already gone.
      }
    },
  };
}

/** Removes a stale lock without removing a fresh one another run made in between: rename it aside, then look. */
function breakLock(lock: string, stale: string): void {
  const aside = `${lock}-${uniqueSuffix()}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // another run broke it first
  }
  try {
    if (readFileSync(aside, "utf8") !== stale) linkSync(aside, lock); // a live lock: put it back
  } catch {
    // Someone holds the lock again already; the live one we took aside was its predecessor's.
  } finally {
    rmSync(aside, { force: true });
  }
}
