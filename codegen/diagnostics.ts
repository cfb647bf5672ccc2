/** Diagnostics: what went wrong or looks doubtful in the input, and exactly where. */

export type DiagnosticCode =
  | "not-json"
  | "not-a-collection"
  | "unsupported-version"
  | "invalid-shape"
  | "unresolved-variable"
  | "invalid-json-example"
  | "example-not-in-enum"
  | "duplicate-operation"
  | "unsupported-auth"
  | "incomplete-oauth2"
  | "missing-url"
  | "not-openapi"
  | "invalid-overlay"
  | "overlay-target-unmatched"
  | "too-deep" | "too-large"
  | "invalid-environment"
  | "renamed-operation"
  | "unreadable-document"
  | "invalid-option"
  | "recursive-schema"
  | "external-ref"
  | "invalid-media-type";

export type Severity = "error" | "warning";

/** Where a diagnostic points: the file, a JSON pointer into it, and the item's folder path. */
export interface Location {
  file: string;
  pointer: string;
  item?: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  at: Location;
}

/** Where, inside one file: stages know pointers and item names, the sink knows the file. */
export type Position = Omit<Location, "file">;

/** The sink every stage writes to. It knows the file so the stages only speak of pointers. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  constructor(readonly file: string) {}

  error(code: DiagnosticCode, message: string, at: Position): void {
    this.list.push({ code, severity: "error", message, at: { file: this.file, ...at } });
  }

  warning(code: DiagnosticCode, message: string, at: Position): void {
    this.list.push({ code, severity: "warning", message, at: { file: this.file, ...at } });
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === "error");
  }
}

/**
 * One diagnostic as the CLI prints it: `error code: message`, then `  at file#pointer (item)`
 * when it points inside the file. A diagnostic about the whole file is a single line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.severity} ${d.code}: ${d.message}`;
  if (d.at.pointer === "" || d.at.pointer === "#") return head;
  const item = d.at.item ? ` (${d.at.item})` : "";
  return `${head}\n  at ${d.at.file}${d.at.pointer}${item}`;
}

/** Appends a JSON-pointer segment, escaping `~` and `/` as RFC 6901 says. */
export function pointerTo(base: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>(
    (p, s) => `${p}/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`,
    base,
  );
}

/** Diagnostics that say the same thing (severity, code and message) at several places. */
export interface DiagnosticGroup {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** How many diagnostics the group stands for. */
  count: number;
  /** The first `shown` places, in input order. */
  at: Location[];
}

/**
 * Repeated diagnostics folded: one group per distinct severity, code and message, in the order
 * each first appears, with its count and its first `shown` locations (all of them when `shown`
 * is Infinity, as `--verbose` wants). Pure: the CLI decides how to print.
 */
export function groupDiagnostics(list: readonly Diagnostic[], shown = 3): DiagnosticGroup[] {
  const groups = new Map<string, DiagnosticGroup>();
  for (const d of list) {
    const key = `${d.severity}\u0000${d.code}\u0000${d.message}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { severity: d.severity, code: d.code, message: d.message, count: 1, at: shown > 0 ? [d.at] : [] });
    else {
      group.count++;
      if (group.at.length < shown) group.at.push(d.at);
    }
  }
  return [...groups.values()];
}

/**
 * A group as text: a single diagnostic exactly as `formatDiagnostic` prints it; a repeated one
 * once, with its count, the places it keeps and how many more there are.
 */
export function formatDiagnosticGroup(g: DiagnosticGroup): string {
  const places = g.at.filter((at) => at.pointer !== "" && at.pointer !== "#").map((at) => `  at ${at.file}${at.pointer}${at.item ? ` (${at.item})` : ""}`);
  if (g.count === 1) return [`${g.severity} ${g.code}: ${g.message}`, ...places].join("\n");
  const more = g.count - g.at.length;
  return [
    `${g.severity} ${g.code}: ${g.message} (${g.count.toLocaleString("en-US")} times)`,
    ...places,
    ...(more > 0 ? [`  … and ${more.toLocaleString("en-US")} more (--verbose lists every one)`] : []),
  ].join("\n");
}
