/**
 * A small pool of worker processes (worker.ts) with a time and a memory limit per job: a job
 * that runs past its deadline, or whose worker's resident memory passes the limit, has its
 * worker killed and comes back as a failure naming the limit, and a fresh worker takes its place.
 * A hung or exploding document is a reported result, never a stuck sweep.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Job, JobResult } from "./jobs.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/** How a job ended: its result, or why it has none. */
export type Outcome =
  | { ok: true; result: JobResult; ms: number; peakMb: number }
  | { ok: false; reason: "timeout" | "memory" | "died" | "threw"; detail: string; ms: number; peakMb: number };

export interface Limits {
  ms: number;
  mb: number;
}

interface Slot {
  child?: ChildProcess;
  ready?: Promise<void>;
  stderr: string[];
  jobs: number;
}

/** Resident set size of a process in MB (Linux /proc; 0 where it cannot be read). */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export class Pool {
  private slots: Slot[];
  private idle: Slot[];
  private waiting: ((slot: Slot) => void)[] = [];
  private urgent: ((slot: Slot) => void)[] = [];
  private nextId = 0;

  constructor(
    size: number,
    /** The V8 heap ceiling given to each worker; the RSS limit per job is enforced on top. */
    private heapMb: number,
    /** Told of every job's outcome (the sweep keeps a log of them). */
    private log?: (job: Job, outcome: Outcome) => void,
  ) {
    this.slots = Array.from({ length: size }, () => ({ stderr: [], jobs: 0 }));
    this.idle = [...this.slots];
  }

  private start(slot: Slot): Promise<void> {
    const child = fork(join(HERE, "worker.ts"), [], {
      execArgv: ["--import", "tsx", `--max-old-space-size=${this.heapMb}`, "--stack-size=984"],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
    });
    slot.child = child;
    slot.jobs = 0;
    slot.stderr = [];
    const keep = (chunk: Buffer) => {
      slot.stderr.push(chunk.toString());
      if (slot.stderr.length > 40) slot.stderr.splice(0, slot.stderr.length - 40);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    slot.ready = new Promise((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready: ${slot.stderr.join("").slice(-2000)}`)));
    });
    return slot.ready;
  }

  private kill(slot: Slot) {
    slot.child?.removeAllListeners();
    slot.child?.kill("SIGKILL");
    slot.child = undefined;
  }

  private acquire(urgent: boolean): Promise<Slot> {
    const slot = this.idle.pop();
    return slot ? Promise.resolve(slot) : new Promise((resolve) => (urgent ? this.urgent : this.waiting).push(resolve));
  }

  private release(slot: Slot) {
    const next = this.urgent.shift() ?? this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /** Runs one job under `limits` (`urgent` ones before any waiting job); never rejects. */
  async run(job: Job, limits: Limits, urgent = false): Promise<Outcome> {
    const slot = await this.acquire(urgent);
    try {
      // A worker that kept a big heap from its last job, or has run many, starts afresh.
      if (slot.child && (rssMb(slot.child.pid) > 1500 || slot.jobs >= 200)) this.kill(slot);
      if (!slot.child) await this.start(slot);
      else await slot.ready;
      slot.jobs++;
      const outcome = await this.runOn(slot, job, limits);
      this.log?.(job, outcome);
      return outcome;
    } catch (e) {
      this.kill(slot);
      return { ok: false, reason: "died", detail: String((e as Error).message).slice(0, 2000), ms: 0, peakMb: 0 };
    } finally {
      this.release(slot);
    }
  }

  private runOn(slot: Slot, job: Job, limits: Limits): Promise<Outcome> {
    const child = slot.child!;
    const id = this.nextId++;
    const started = performance.now();
    let peakMb = rssMb(child.pid);
    return new Promise((resolve) => {
      const finish = (outcome: Outcome) => {
        clearInterval(poll);
        clearTimeout(timer);
        child.removeListener("message", onMessage);
        child.removeListener("exit", onExit);
        resolve(outcome);
      };
      const fail = (reason: "timeout" | "memory" | "died", detail: string) => {
        this.kill(slot);
        finish({ ok: false, reason, detail, ms: performance.now() - started, peakMb });
      };
      const poll = setInterval(() => {
        peakMb = Math.max(peakMb, rssMb(child.pid));
        if (peakMb > limits.mb) fail("memory", `resident memory passed ${limits.mb} MB`);
      }, 250);
      const timer = setTimeout(() => fail("timeout", `still running after ${Math.round(limits.ms / 1000)} s`), limits.ms);
      const onMessage = (m: { id: number; result?: JobResult; error?: string }) => {
        if (m.id !== id) return;
        peakMb = Math.max(peakMb, rssMb(child.pid));
        const ms = performance.now() - started;
        finish(m.result ? { ok: true, result: m.result, ms, peakMb } : { ok: false, reason: "threw", detail: m.error ?? "", ms, peakMb });
      };
      const onExit = (code: number | null, signal: string | null) => {
        slot.child = undefined;
        finish({ ok: false, reason: "died", detail: `worker exited (${code ?? signal}): ${slot.stderr.join("").slice(-1500)}`, ms: performance.now() - started, peakMb });
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send({ id, job });
    });
  }

  /** Stops every worker. */
  close() {
    for (const slot of this.slots) this.kill(slot);
  }
}
