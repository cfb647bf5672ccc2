/**
 * How deep the generator goes, and where a document goes deeper. The converter walks the
 * collection with its own stacks, so folders nest as deep as memory allows; but the types of a
 * schema are printed by recursion (openapi-typescript, then TypeScript's printer and tsc), which
 * overflows the call stack on Node 20 between 300 and 400 levels of nested objects and between
 * 600 and 800 levels of nested arrays. So there are two documented limits, both far below that:
 *
 * - `EXAMPLE_DEPTH_LIMIT` (64): a schema inferred from an example stops at this many levels;
 *   deeper values are typed `{}` (anything), with a `too-deep` warning naming the place.
 * - `SCHEMA_DEPTH_LIMIT` (128) and `DOCUMENT_DEPTH_LIMIT` (512): `checkDocumentLimits` finds
 *   schemas of a given document nested deeper, and values (examples) deeper in it, so
 *   `generate` can stop there (or cut them to `{}`) with a diagnostic instead of a stack overflow.
 *
 * Every walk here keeps its own stack: a document of any depth is measured without recursion.
 */
import { pointerTo, type DiagnosticCode, type Position, type Severity } from "./diagnostics.js";
import type { OpenApiDocument } from "./openapi.js";

/** Levels of nesting a schema inferred from an example value may have; below, `{}`. */
export const EXAMPLE_DEPTH_LIMIT = 64;

/** Levels of nested schemas a document may have for `generate`. */
export const SCHEMA_DEPTH_LIMIT = 128;

/**
 * Levels any value may sit below a document's root for `generate`: openapi-typescript prints an
 * example with JSON.stringify, which overflows somewhere between 500 and 1,500 levels.
 */
export const DOCUMENT_DEPTH_LIMIT = 512;

/**
 * The path (keys and indexes) of the first value nested deeper than `limit` levels (the value
 * itself is level 1, its members level 2), or undefined.
 */
export function findTooDeep(value: unknown, limit: number): (string | number)[] | undefined {
  // Each entry: a container, its depth (the root is level 1) and how it was reached; a path is
  // spelled out only for the value found.
  type Entry = { value: object; depth: number; parent: Entry | undefined; key: string | number };
  const pathTo = (entry: Entry | undefined, key: string | number) => {
    const path = [key];
    for (let e = entry; e?.parent; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const stack: Entry[] = [];
  if (typeof value === "object" && value !== null) stack.push({ value, depth: 1, parent: undefined, key: "" });
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value: container, depth } = entry;
    if (Array.isArray(container)) {
      if (container.length > 0 && depth + 1 > limit) return pathTo(entry, 0);
      for (let i = container.length - 1; i >= 0; i--) {
        const child: unknown = container[i];
        if (typeof child === "object" && child !== null) stack.push({ value: child, depth: depth + 1, parent: entry, key: i });
      }
    } else {
      const keys = Object.keys(container);
      if (keys.length > 0 && depth + 1 > limit) return pathTo(entry, keys[0]!);
      for (let i = keys.length - 1; i >= 0; i--) {
        const child: unknown = (container as Record<string, unknown>)[keys[i]!];
        if (typeof child === "object" && child !== null) stack.push({ value: child, depth: depth + 1, parent: entry, key: keys[i]! });
      }
    }
  }
  return undefined;
}

/** A JSON path for a message: `/a/0/b`, shortened in the middle when long. */
export function describePath(path: readonly (string | number)[]): string {
  const shown = path.length > 8 ? [...path.slice(0, 4), "…", ...path.slice(-3)] : path;
  return shown.length === 0 ? "/" : shown.map((s) => (s === "…" ? "/…" : pointerTo("", s))).join("");
}

/** One place a document goes beyond a limit: shaped like a diagnostic, for the caller's sink. */
export interface LimitFinding {
  code: Extract<DiagnosticCode, "too-deep">;
  severity: Severity;
  message: string;
  at: Position;
}

/** The keywords whose values are schemas (by name) or maps and lists of schemas. */
const SCHEMA_VALUED = new Set(["items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]);
const SCHEMA_LISTS = new Set(["anyOf", "oneOf", "allOf", "prefixItems"]);

/**
 * A value in the walk: `json` counts every level from the document's root, `schema` nested
 * schemas (0 outside one). Its pointer is its parent's plus `key` (one or two segments), spelled
 * out only for a finding: Graph beta has 7 million values, and a string each was a third of the walk.
 */
type Node = { value: unknown; parent: Node | undefined; key: string | number; key2?: string | number; json: number; schema: number };

/** The JSON pointer of a node in the walk. */
function pointerOfNode(node: Node): string {
  const segments: (string | number)[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) {
    if (n.key2 !== undefined) segments.push(n.key2);
    segments.push(n.key);
  }
  return pointerTo("#", ...segments.reverse());
}

/**
 * Finds the places `generate` cannot make types of: schemas nested more than
 * `SCHEMA_DEPTH_LIMIT` levels (a schema's properties, items, `anyOf`… members are one level
 * below it; a `$ref` is a name, not a level), and any other value (an example, a default, an
 * extension) more than `DOCUMENT_DEPTH_LIMIT` levels below the document's root. One finding per
 * place, at the first value beyond the limit. With `truncate` the caller gives the document
 * away: each such value is replaced by `{}` in place (a schema that allows any value; an empty
 * object for an example) and the findings are warnings. Without, they are errors and the
 * document is left as it is. Iterative: it measures a document of any depth.
 */
export function checkDocumentLimits(document: OpenApiDocument, options: { truncate?: boolean } = {}): LimitFinding[] {
  const findings: LimitFinding[] = [];
  const root = document as unknown as Record<string, unknown>;
  const severity = options.truncate ? "warning" : "error";
  const stack: Node[] = [{ value: root, parent: undefined, key: "", json: 0, schema: 0 }];
  const children: Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value, json, schema } = node;
    if (typeof value !== "object" || value === null) continue;
    // `{}` past the limit is what truncating leaves there: nothing below it to print.
    if ((schema > SCHEMA_DEPTH_LIMIT || json > DOCUMENT_DEPTH_LIMIT) && (Array.isArray(value) || Object.keys(value).length > 0)) {
      const pointer = pointerOfNode(node);
      const what = schema > SCHEMA_DEPTH_LIMIT ? `this schema is nested more than ${SCHEMA_DEPTH_LIMIT} levels deep` : `this value is more than ${DOCUMENT_DEPTH_LIMIT} levels deep in the document`;
      const outcome = schema > SCHEMA_DEPTH_LIMIT ? "it is typed as any value" : "it was cut to {}";
      findings.push({
        code: "too-deep",
        severity,
        message: options.truncate ? `${what}; below that level ${outcome}` : `${what}, deeper than the SDK's types can be made (the limit keeps the type printers within the call stack)`,
        at: { pointer },
      });
      if (options.truncate) replaceWithEmpty(root, pointer);
      continue;
    }
    children.length = 0;
    const inSchema = schema > 0;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (typeof value[i] === "object" && value[i] !== null) children.push({ value: value[i], parent: node, key: i, json: json + 1, schema: 0 });
    } else {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const v = (value as Record<string, unknown>)[key];
        if (typeof v !== "object" || v === null) continue;
        const isSchemas = schema === 0 && json === 1 && key === "schemas" && node.key === "components" && node.parent?.parent === undefined;
        if ((inSchema && SCHEMA_MAPS.has(key)) || isSchemas) {
          if (!Array.isArray(v)) {
            for (const name in v) {
              if (!Object.hasOwn(v, name)) continue;
              const s = (v as Record<string, unknown>)[name];
              if (typeof s === "object" && s !== null) children.push({ value: s, parent: node, key, key2: name, json: json + 2, schema: schema + 1 });
            }
          } else {
            // An array under a schema map's name: its entries are plain values, as before.
            v.forEach((s, i) => {
              if (typeof s === "object" && s !== null) children.push({ value: s, parent: node, key, key2: i, json: json + 2, schema: schema + 1 });
            });
          }
        } else if (inSchema && SCHEMA_LISTS.has(key) && Array.isArray(v)) {
          v.forEach((s, i) => {
            if (typeof s === "object" && s !== null) children.push({ value: s, parent: node, key, key2: i, json: json + 2, schema: schema + 1 });
          });
        } else if ((inSchema && SCHEMA_VALUED.has(key)) || (!inSchema && key === "schema")) {
          children.push({ value: v, parent: node, key, json: json + 1, schema: schema + 1 });
        } else {
          // Examples, defaults, enums, extensions, and everything outside schemas: plain values.
          children.push({ value: v, parent: node, key, json: json + 1, schema: 0 });
        }
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return findings;
}

/** Replaces the value at a pointer found by the walk with `{}`. */
function replaceWithEmpty(root: Record<string, unknown>, pointer: string): void {
  const segments = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) parent = (parent as Record<string, unknown>)[segment];
  Object.defineProperty(parent, segments.at(-1)!, { value: {}, enumerable: true, writable: true, configurable: true });
}
