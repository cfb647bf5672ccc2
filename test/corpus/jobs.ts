/** The messages between the corpus sweep (run.ts) and its worker processes (worker.ts). */

export type Job =
  | { kind: "export"; spec: string; out: string }
  | { kind: "generate"; spec: string; sdk: string; cwd: string; cli: boolean }
  | { kind: "convert-generate"; collection: string; spec: string; sdk: string; cwd: string; cli: boolean }
  | { kind: "lint"; spec: string }
  | { kind: "check"; sdks: string[] };

/** One in-process run of the codegen command: exit code, its output lines, and a stack when it threw. */
export interface RunResult {
  code: number;
  out: string[];
  err: string[];
  ms: number;
  stack?: string;
}

/** What the type-check of one SDK found: syntax errors (it does not parse) and other errors, each with the offending line. */
export interface SdkCheck {
  syntax: number;
  semantic: number;
  examples: string[];
  /** tsc error codes → count, to group failures into classes. */
  codes: Record<string, number>;
}

export type JobResult =
  | { kind: "export"; ok: boolean; ms: number; reason?: string }
  | { kind: "generate"; convert?: RunResult; generate?: RunResult }
  | { kind: "lint"; ms: number; errors: number; byRule: Record<string, number>; examples: string[] }
  | { kind: "check"; ms: number; bySdk: Record<string, SdkCheck> };
