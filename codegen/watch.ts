/**
 * `codegen --watch`: run the jobs, then run again the jobs whose inputs change (a collection,
 * an environment, an overlay; every job when the config changes). Saves that come in a burst
 * (an editor writes, renames, touches) are taken together after a quiet spell; a save that
 * leaves a file's bytes as they were is no change. A bad input prints its diagnostics and the
 * watch goes on. Folders are watched, not files: an editor that saves by renaming a new file
 * over the old one replaces the file a file watcher would hold (node:fs `watch`).
 */
import { createHash } from "node:crypto";
import { readFileSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Diagnostic } from "./diagnostics.js";
import { formatDiagnostic } from "./diagnostics.js";
import { inputsOf, type Job } from "./run.js";

export interface WatchOptions {
  /** Reads the jobs (the config again, when there is one); diagnostics when it is bad. */
  load: () => Promise<{ jobs: Job[] | undefined; diagnostics: Diagnostic[] }>;
  /** The config file, when the jobs come from one. */
  configFile?: string | undefined;
  /** Runs jobs once and prints what happened. */
  run: (jobs: Job[]) => Promise<unknown>;
  /** Status lines (what changed, what is watched): standard error. */
  print: (line: string) => void;
  label: (file: string) => string;
  /** How long the files must stay quiet before a run (ms). */
  debounceMs?: number;
  /** Stops watching (for callers in the same process; the command runs until it is killed). */
  signal?: AbortSignal;
}

const digest = (file: string): string | undefined => {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return undefined; // gone for now (an editor between its unlink and its rename)
  }
};

/** Watches until `signal` aborts; resolves 0 then. */
export async function watchJobs(options: WatchOptions): Promise<number> {
  const { load, configFile, run, print, label, debounceMs = 100, signal } = options;
  let jobs: Job[] = [];
  const seen = new Map<string, string | undefined>();
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const watched = () => new Set([...jobs.flatMap(inputsOf), ...(configFile ? [configFile] : [])]);
  const rewatch = () => {
    const files = watched();
    for (const f of files) if (!seen.has(f)) seen.set(f, digest(f));
    const dirs = new Set([...files].map(dirname));
    for (const [dir, w] of watchers) if (!dirs.has(dir)) (w.close(), watchers.delete(dir));
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => {
          // No name (some platforms): anything in the folder may have changed.
          const hit = name ? [join(dir, name.toString())].filter((f) => watched().has(f)) : [...watched()].filter((f) => dirname(f) === dir);
          if (hit.length === 0) return;
          for (const f of hit) pending.add(f);
          clearTimeout(timer);
          timer = setTimeout(flush, debounceMs);
        });
        w.on("error", () => (w.close(), watchers.delete(dir)));
        watchers.set(dir, w);
      } catch (e) {
        print(`codegen: cannot watch ${label(dir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); its files are not watched`);
      }
    }
    print(`watching ${files.size} file${files.size === 1 ? "" : "s"} for changes (Ctrl-C to stop)`);
  };

  const reload = async (): Promise<boolean> => {
    const loaded = await load();
    for (const d of loaded.diagnostics) print(formatDiagnostic(d));
    if (!loaded.jobs) {
      print("codegen: the config has errors; still watching (fix it and save)");
      return false;
    }
    jobs = loaded.jobs;
    return true;
  };

  const flush = () => {
    if (running) return; // the run in progress takes what is pending when it ends
    const changed = [...pending].filter((f) => {
      const now = digest(f);
      const same = seen.get(f) === now;
      seen.set(f, now);
      return !same;
    });
    pending.clear();
    if (changed.length === 0) return;
    running = (async () => {
      print(`changed: ${changed.map(label).join(", ")}`);
      if (configFile && changed.includes(configFile)) {
        if (await reload()) {
          await run(jobs);
          rewatch();
        }
      } else {
        const affected = jobs.filter((j) => inputsOf(j).some((f) => changed.includes(f)));
        if (affected.length > 0) await run(affected);
      }
    })()
      .catch((e: unknown) => print(`codegen: ${(e as Error).stack ?? String(e)}`))
      .finally(() => {
        running = undefined;
        if (pending.size > 0) flush();
      });
  };

  if (await reload()) await run(jobs);
  rewatch();
  if (configFile && jobs.length === 0) print(`watching ${basename(configFile)} until it loads`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      resolve(0);
    };
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop, { once: true });
  });
}
