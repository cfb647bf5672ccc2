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
