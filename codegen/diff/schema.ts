/**
 * Two schemas compared as the SDK's types see them: types (integer ⊂ number, `format: binary`
 * is a Blob, `nullable` adds null, `anyOf`/`oneOf` unite their members), enum values, object
 * fields (added, removed, renamed, required or not) and array items, recursively, with `$ref`s
 * followed and each pair of schemas visited once (recursive schemas end).
 */
import type { ChangeKind, Direction } from "./change.js";
import { codeSpan, valueSpan } from "./code-span.js";
import { shapeKey, type DocumentSide, type Located, type SchemaView } from "./resolve.js";

/** Where the schemas being compared sit, and where their changes go. */
export interface SchemaScope {
  direction: Direction;
  /** The function, as a code span. */
  fn: string;
  /** A noun phrase for a field path: `""` is the schema itself (the body, the parameter), `a.b[]` a field inside it. */
  name: (path: string) => string;
  emit: (kind: ChangeKind, pointer: string, document: "old" | "new", message: string) => void;
}

/** Deeper than this, schemas are not compared (inferred schemas are cut at 64 levels). */
const MAX_DEPTH = 64;

/** Compares a schema of the old document with its counterpart in the new one. */
export function compareSchemas(sides: { old: DocumentSide; new: DocumentSide }, before: Located, after: Located, scope: SchemaScope): void {
  const visited = new Set<string>();
  const walk = (before: Located, after: Located, path: string, depth: number): void => {
    const key = `${before.pointer}\u0000${after.pointer}`;
    if (depth > MAX_DEPTH || visited.has(key)) return;
    visited.add(key);
    const a = sides.old.schemaView(before);
    const b = sides.new.schemaView(after);
    // A schema whose type changed outright is one change: its old fields are not "removed" one by one.
    const types = compareTypes(sides, a, b, path, scope);
    if (types === "changed") return;
    if (types === "same") compareAlternativeCounts(a, b, path, scope);
    compareEnums(a, b, path, scope);
    if (a.properties.size > 0 || b.properties.size > 0) compareFields(a, b, path, scope, (x, y, p) => walk(x, y, p, depth + 1));
    if (a.items && b.items) walk(a.items, b.items, `${path}[]`, depth + 1);
    if (a.alternatives && b.alternatives) {
      for (const [x, y] of pairAlternatives(sides, a.alternatives, b.alternatives)) walk(x, y, path, depth + 1);
    }
  };
  walk(before, after, "", 0);
}

type Types = Set<string> | "any";

/** The JSON types a schema allows; `binary` for a `format: binary` string (a Blob to the SDK). */
function typesOf(side: DocumentSide, view: SchemaView, depth = 0): Types {
  const types = new Set<string>();
  const binary = view.format === "binary";
  if (view.type !== undefined) {
    for (const t of Array.isArray(view.type) ? view.type : [view.type]) types.add(t === "string" && binary ? "binary" : t);
  } else if (view.alternatives && depth < 8) {
    for (const alternative of view.alternatives) {
      const member = typesOf(side, side.schemaView(alternative), depth + 1);
      if (member === "any") return "any";
      member.forEach((t) => types.add(t));
    }
  } else if (view.properties.size > 0) {
    types.add("object");
  } else if (view.items) {
    types.add("array");
  } else if (view.enum) {
    for (const v of view.enum.value) types.add(v === null ? "null" : Number.isInteger(v) ? "integer" : typeof v);
  } else {
    return "any";
  }
  if (view.nullable === true) types.add("null");
  return types;
}

const accepts = (types: Types, t: string) => types === "any" || types.has(t) || (t === "integer" && types.has("number"));
const covers = (wide: Types, narrow: Types) => wide === "any" || (narrow !== "any" && [...narrow].every((t) => accepts(wide, t)));
const typeText = (types: Types) => (types === "any" ? "any value" : [...types].sort().map((t) => (t === "binary" ? "binary (a file)" : t)).join(" or "));

/**
 * Members of the same types added to or taken from an `anyOf`/`oneOf` (a new object variant of
 * a union): the type set cannot show it, the count does. More members accept (request) or may
 * give (response) more shapes: a widening; fewer, a narrowing.
 */
function compareAlternativeCounts(a: SchemaView, b: SchemaView, path: string, scope: SchemaScope): void {
  const before = a.alternatives?.length ?? 0;
  const after = b.alternatives?.length ?? 0;
  if (before === 0 || after === 0 || before === after) return;
  const what = `The ${scope.name(path)} of ${scope.fn}`;
  const counted = `${after} alternative${after === 1 ? "" : "s"} (was ${before})`;
  if (after > before) {
    const message = scope.direction === "request" ? `${what} now takes ${counted}.` : `${what} may now be any of ${counted}; code that handles each one needs a case for the new ones.`;
    scope.emit("type-widened", b.pointer, "new", message);
  } else {
    const message = scope.direction === "request" ? `${what} now takes ${counted}; calls passing a removed one no longer type-check.` : `${what} is now one of ${counted}.`;
    scope.emit("type-narrowed", b.pointer, "new", message);
  }
}

/**
 * `anyOf`/`oneOf` members are paired by the types they allow (order carries no meaning): a
 * member whose types no other member on either side shares is compared with its counterpart.
 */
function pairAlternatives(sides: { old: DocumentSide; new: DocumentSide }, before: Located[], after: Located[]): [Located, Located][] {
  const key = (side: DocumentSide, member: Located) => {
    const types = typesOf(side, side.schemaView(member));
    return types === "any" ? "any" : [...types].sort().join(" ");
  };
  const a = before.map((m) => key(sides.old, m));
  const b = after.map((m) => key(sides.new, m));
  const pairs: [Located, Located][] = [];
  a.forEach((k, i) => {
    const j = b.indexOf(k);
    if (j >= 0 && a.indexOf(k) === a.lastIndexOf(k) && j === b.lastIndexOf(k)) pairs.push([before[i]!, after[j]!]);
  });
  return pairs;
}

/** Reports a type change; says which kind it was. */
function compareTypes(sides: { old: DocumentSide; new: DocumentSide }, a: SchemaView, b: SchemaView, path: string, scope: SchemaScope): "same" | "widened" | "narrowed" | "changed" {
  const before = typesOf(sides.old, a);
  const after = typesOf(sides.new, b);
  const wider = covers(after, before);
  const narrower = covers(before, after);
  if (wider && narrower) return "same";
  const what = `The ${scope.name(path)} of ${scope.fn}`;
  const was = typeText(before);
  const now = typeText(after);
  if (wider) {
    const message =
      scope.direction === "request"
        ? `${what} now also takes ${now} (was ${was}).`
        : `${what} may now be ${now} (was ${was}); code that reads it must handle the new values.`;
    scope.emit("type-widened", b.pointer, "new", message);
    return "widened";
  }
  if (narrower) {
    const message =
      scope.direction === "request"
        ? `${what} now takes ${now} only (was ${was}); calls passing other values no longer type-check.`
        : `${what} is now ${now} only (was ${was}).`;
    scope.emit("type-narrowed", b.pointer, "new", message);
    return "narrowed";
  }
  scope.emit("type-changed", b.pointer, "new", `${what} changed from ${was} to ${now}.`);
  return "changed";
}

function compareEnums(a: SchemaView, b: SchemaView, path: string, scope: SchemaScope): void {
  const what = `The ${scope.name(path)} of ${scope.fn}`;
  const list = (values: unknown[]) => values.map(valueSpan).join(", ");
  if (!a.enum && !b.enum) return;
  if (!a.enum && b.enum) {
    const message =
      scope.direction === "request"
        ? `${what} now only takes ${list(b.enum.value)}; calls passing other values no longer type-check.`
        : `${what} is now one of ${list(b.enum.value)}.`;
    scope.emit("type-narrowed", b.enum.pointer, "new", message);
    return;
  }
  if (a.enum && !b.enum) {
    const message =
      scope.direction === "request"
        ? `${what} is no longer limited to ${list(a.enum.value)}.`
        : `${what} is no longer limited to ${list(a.enum.value)}; code that switches over its values must handle others.`;
    scope.emit("type-widened", b.pointer, "new", message);
    return;
  }
  const before = a.enum!;
  const after = b.enum!;
  const keys = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(v)));
  const kept = keys(after.value);
  const had = keys(before.value);
  before.value.forEach((v, i) => {
    if (kept.has(JSON.stringify(v))) return;
    const message =
      scope.direction === "request"
        ? `${what} no longer accepts ${valueSpan(v)}; calls passing it no longer type-check.`
        : `${what} no longer returns ${valueSpan(v)}.`;
    scope.emit("enum-value-removed", `${before.pointer}/${i}`, "old", message);
  });
  after.value.forEach((v, i) => {
    if (had.has(JSON.stringify(v))) return;
    const message =
      scope.direction === "request"
        ? `${what} now also accepts ${valueSpan(v)}.`
        : `${what} may now be ${valueSpan(v)}; exhaustive switches over its values need a case for it.`;
    scope.emit("enum-value-added", `${after.pointer}/${i}`, "new", message);
  });
}

/**
 * Fields: matched by name; a removed field and an added one with the same schema and the same
 * required-ness, each the other's only such match, are one rename.
 */
function compareFields(a: SchemaView, b: SchemaView, path: string, scope: SchemaScope, walk: (x: Located, y: Located, path: string) => void): void {
  const child = (name: string) => (path === "" ? name : `${path}.${name}`);
  const removed = [...a.properties.keys()].filter((n) => !b.properties.has(n));
  const added = [...b.properties.keys()].filter((n) => !a.properties.has(n));
  const shape = (view: SchemaView, name: string) => `${view.required.has(name)}\u0000${shapeKey(view.properties.get(name)!.value)}`;
  const renamed = new Map<string, string>();
  for (const r of removed) {
    const matches = added.filter((n) => shape(b, n) === shape(a, r));
    if (matches.length !== 1) continue;
    const [match] = matches as [string];
    if (removed.filter((n) => shape(a, n) === shape(b, match)).length === 1) renamed.set(r, match);
  }
  const fn = scope.fn;
  const request = scope.direction === "request";
  for (const name of removed) {
    const to = renamed.get(name);
    if (to !== undefined) {
      scope.emit("field-renamed", b.slots.get(to)!, "new", `The ${scope.name(child(name))} of ${fn} was renamed to ${codeSpan(to)}.`);
      continue;
    }
    const message = request
      ? `${fn} no longer takes the ${scope.name(child(name))}; calls that send it no longer type-check.`
      : `${fn} no longer returns the ${scope.name(child(name))}; code that reads it no longer type-checks.`;
    scope.emit("field-removed", a.slots.get(name)!, "old", message);
  }
  const renamedTo = new Set(renamed.values());
  for (const name of added) {
    if (renamedTo.has(name)) continue;
    const n = scope.name(child(name));
    const pointer = b.slots.get(name)!;
    if (b.required.has(name)) {
      scope.emit("field-added-required", pointer, "new", request ? `${fn} now requires the ${n}; existing calls do not send it.` : `The ${n} of ${fn} is new and always present.`);
    } else {
      scope.emit("field-added-optional", pointer, "new", request ? `${fn} takes a new optional ${n}.` : `${fn} returns a new optional ${n}.`);
    }
  }
  for (const [name, before] of a.properties) {
    const after = b.properties.get(name);
    if (!after) continue;
    const what = `The ${scope.name(child(name))} of ${fn}`;
    const was = a.required.has(name);
    const is = b.required.has(name);
    if (!was && is) {
      scope.emit("field-became-required", b.slots.get(name)!, "new", request ? `${what} is now required; calls that leave it out no longer type-check.` : `${what} is now always present.`);
    } else if (was && !is) {
      scope.emit("field-became-optional", b.slots.get(name)!, "new", request ? `${what} is now optional.` : `${what} may now be missing; code that reads it must handle undefined.`);
    }
    walk(before, after, child(name));
  }
}
