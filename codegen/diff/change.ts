/**
 * An API change as an SDK caller feels it: what kind of change, whether code written against
 * the old SDK still compiles and behaves after regeneration ("compatible") or not
 * ("breaking"), one sentence for the reviewer, and where it is.
 *
 * Severity is decided here and nowhere else, by one exhaustive table: a new kind does not
 * compile until it is given one.
 */
import type { HttpMethod } from "../openapi.js";

export type Severity = "breaking" | "compatible";

/** What a schema describes: what the caller sends, or what the caller reads back. */
export type Direction = "request" | "response";

export type ChangeKind =
  // Operations (an operation is one SDK function)
  | "operation-removed"
  | "operation-added"
  | "operation-renamed"
  | "operation-moved"
  | "operation-server-changed"
  | "operation-deprecated"
  // Parameters (path, query, header, cookie)
  | "parameter-added-required"
  | "parameter-added-optional"
  | "parameter-removed"
  | "parameter-renamed"
  | "parameter-became-required"
  | "parameter-became-optional"
  // Request bodies
  | "request-body-added-required"
  | "request-body-added-optional"
  | "request-body-removed"
  | "request-body-became-required"
  | "request-body-became-optional"
  | "request-encoding-changed"
  | "request-content-type-changed"
  // Media types of a request body or a response
  | "media-type-removed"
  | "media-type-added"
  // Schemas, in either direction
  | "field-added-required"
  | "field-added-optional"
  | "field-removed"
  | "field-renamed"
  | "field-became-required"
  | "field-became-optional"
  | "type-changed"
  | "type-narrowed"
  | "type-widened"
  | "enum-value-removed"
  | "enum-value-added"
  // Responses
  | "response-removed"
  | "response-added"
  // Security
  | "security-alternative-removed"
  | "security-alternative-added"
  | "security-scheme-removed"
  | "security-scheme-added"
  | "security-scheme-changed"
  // Servers
  | "default-server-changed"
  | "server-removed"
  | "server-added";

/** The SDK function a change affects, as planSdk names it. */
export interface AffectedOperation {
  method: HttpMethod;
  path: string;
  functionName: string;
}

export interface ApiChange {
  kind: ChangeKind;
  severity: Severity;
  /** One sentence a reviewer can act on. */
  message: string;
  /** A JSON pointer (`#/paths/…`) into the new document, or into the old one for what was removed (see `document`). */
  pointer: string;
  document: "old" | "new";
  /** For schema, enum and media-type changes: whether the caller sends it or reads it. */
  direction?: Direction;
  operation?: AffectedOperation;
}

type Rule = Severity | Record<Direction, Severity>;

/**
 * Request rules: anything that rejects a call that used to type-check (a new required
 * argument, a removed or renamed one, a narrower type, one value fewer) is breaking; anything
 * that only accepts more is compatible. Response rules are the mirror: anything the caller
 * may now read that it could not before (a wider type, a new enum value, a field that may be
 * missing) or can no longer read (a removed field) is breaking; a response that promises more
 * is compatible.
 *
 * A new enum value in a response is breaking, not a warning: openapi-typescript types the
 * field as a union of its values, so an exhaustive `switch` or a `Record<Status, …>` over it
 * stops compiling (oasdiff and api-smart-diff call it breaking too).
 *
 * integer ⊂ number: a field going from number to integer is a narrowing, the other way a
 * widening, though both are `number` to TypeScript: the values a caller sees change.
 */
const SEVERITY: Record<ChangeKind, Rule> = {
  "operation-removed": "breaking",
  "operation-added": "compatible",
  "operation-renamed": "breaking",
  // The function keeps its name and now calls the new path: callers' code does not change.
  "operation-moved": "compatible",
  "operation-server-changed": "breaking",
  // Calls still compile and work; the function's JSDoc now says @deprecated, and editors strike it through.
  "operation-deprecated": "compatible",
  "parameter-added-required": "breaking",
  "parameter-added-optional": "compatible",
  "parameter-removed": "breaking",
  "parameter-renamed": "breaking",
  "parameter-became-required": "breaking",
  "parameter-became-optional": "compatible",
  "request-body-added-required": "breaking",
  "request-body-added-optional": "compatible",
  "request-body-removed": "breaking",
  "request-body-became-required": "breaking",
  "request-body-became-optional": "compatible",
  // The SDK sends one media type of a body (the first JSON one, else the first form, else the
  // first): another kind of body (JSON, form, urlencoded, text, binary) changes the argument's
  // type and the wire form; another media type of the same kind only changes Content-Type.
  "request-encoding-changed": "breaking",
  "request-content-type-changed": "compatible",
  // In a request, only media types the SDK does not send are reported as removed (see above).
  "media-type-removed": { request: "compatible", response: "breaking" },
  "media-type-added": "compatible",
  "field-added-required": { request: "breaking", response: "compatible" },
  "field-added-optional": "compatible",
  "field-removed": "breaking",
  "field-renamed": "breaking",
  "field-became-required": { request: "breaking", response: "compatible" },
  "field-became-optional": { request: "compatible", response: "breaking" },
  "type-changed": "breaking",
  "type-narrowed": { request: "breaking", response: "compatible" },
  "type-widened": { request: "compatible", response: "breaking" },
  "enum-value-removed": { request: "breaking", response: "compatible" },
  "enum-value-added": { request: "compatible", response: "breaking" },
  "response-removed": "breaking",
  "response-added": "compatible",
  "security-alternative-removed": "breaking",
  "security-alternative-added": "compatible",
  "security-scheme-removed": "breaking",
  "security-scheme-added": "compatible",
  "security-scheme-changed": "breaking",
  // Calls made with the default base URL now go elsewhere.
  "default-server-changed": "breaking",
  // A caller may have set `baseUrl` to it.
  "server-removed": "breaking",
  "server-added": "compatible",
};

/** The severity of a change of this kind, in this direction (direction-free kinds ignore it). */
export function severityOf(kind: ChangeKind, direction: Direction = "request"): Severity {
  const rule = SEVERITY[kind];
  return typeof rule === "string" ? rule : rule[direction];
}

/** Every kind, in the table's order (the order reports group and sort by). */
export const CHANGE_KINDS = Object.keys(SEVERITY) as ChangeKind[];
