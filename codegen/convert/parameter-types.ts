/**
 * One type per path parameter name across an API. Each request's parameters are typed from its
 * own sample, so Zoom's `meetingId` was an integer where the sample was `85746065432` and a string
 * where it was a lorem-ipsum word: the SDK took a number in one call and a string in the next.
 * A path parameter names one thing (the meeting) wherever it appears; a query parameter of one
 * name need not (Slack's `count` is a string in files.list and an integer in search.messages),
 * so only path parameters are unified. A sample that says nothing (none, empty, an unresolved
 * `{{variable}}`) does not vote: that parameter takes the type the others give; a typed placeholder
 * (`<string>`) does vote (the caller says which, in `stated`: a pure stage, no state kept by object
 * identity). Those of one name whose schemas are plain scalar types get the most
 * general of those types, which every sample still fits: integer and number → number; any
 * other mix (a string, a boolean) → string, without a format. Except for a clear majority: when
 * more than two thirds of the samples are numbers (or booleans), those keep that type and a sample
 * that cannot be one keeps its own (Hetzner's `id` is an integer in 112 operations and a word in the
 * 4 whose spec says string); Zoom's `meetingId`, one number and one word, is a string in both.
 * The silent ones take the majority's format too when all of it agrees on one (three `<long>`s: int64).
 * Where the type is already one, nothing changes (formats included). Types a typed collection declares are left as declared. Parameters whose
 * schema says more (an enum, a range, an array) keep their own: that came from their text.
 */
import type { OpenApiDocument, Operation, Parameter, Schema } from "../openapi.js";
import { isDeclaredSchema } from "../postman/typed-schema.js";

const SCALARS = new Set(["integer", "number", "string", "boolean"]);
const NUMERIC = new Set(["integer", "number"]);
/**
 * The path parameters whose sample is a typed placeholder (`<string>`), by `statedTypeKey`: they
 * vote in their name's type though they carry no example.
 */
export type StatedTypes = ReadonlySet<string>;

/** The key of one operation's path parameter in `StatedTypes`: `get /pets/{id} id`. */
export const statedTypeKey = (method: string, path: string, name: string): string => `${method.toLowerCase()} ${path} ${name}`;

/** Returns the document with same-named path parameters typed alike. */
export function unifyParameterTypes(document: OpenApiDocument, stated: StatedTypes = new Set()): OpenApiDocument {
  const groups = new Map<string, Schema[]>();
  const keyOf = (p: Parameter) => p.name;
  const saysNothing = (p: Parameter, method: string, path: string): boolean => !stated.has(statedTypeKey(method, path, p.name)) && sampleSaysNothing(p);
  for (const [method, path, operation] of operations(document)) {
    for (const p of operation.parameters ?? []) {
      if (p.in !== "path" || !isPlainScalar(p.schema) || saysNothing(p, method, path)) continue;
      const list = groups.get(keyOf(p)) ?? [];
      list.push(p.schema);
      groups.set(keyOf(p), list);
    }
  }
  const unified = new Map<string, Schema>();
  const silent = new Map<string, Schema>();
  // Names whose clear majority is numeric or boolean: only the parameters of that family take the
  // shared type; one whose sample cannot be it (Hetzner's `id` is a word in 4 of 116 operations) keeps its own.
  const family = new Map<string, Set<string>>();
  for (const [key, schemas] of groups) {
    // One type already: each keeps its format (a declared `uuid` is not lost to an inferred plain string).
    const types = new Set(schemas.map((s) => s.type!));
    if (types.size === 1) {
      // Those whose sample said nothing take it (with the format, when every sample agrees on one).
      const formats = new Set(schemas.map((s) => s.format));
      silent.set(key, formats.size === 1 && schemas[0]!.format ? { type: schemas[0]!.type!, format: schemas[0]!.format } : { type: schemas[0]!.type! });
      continue;
    }
    const numeric = schemas.filter((s) => s.type === "integer" || s.type === "number");
    const boolean = schemas.filter((s) => s.type === "boolean");
    const [winner, members] = numeric.length >= boolean.length ? [NUMERIC, numeric] : [new Set(["boolean"]), boolean];
    // More than two thirds of the samples: a clear majority. Anything closer (Zoom's `meetingId`,
    // `68423085` in one request and `quis officia` in the other) is one string everywhere.
    if (members.length * 3 > schemas.length * 2 && members.length < schemas.length) {
      const memberTypes = new Set(members.map((s) => s.type!));
      const type = memberTypes.size === 1 ? [...memberTypes][0]! : "number";
      // The silent ones take the majority's format too when every member states the same one (three `<long>`s: int64).
      const formats = new Set(members.map((s) => s.format));
      const format = memberTypes.size === 1 && formats.size === 1 ? members[0]!.format : undefined;
      family.set(key, winner);
      if (memberTypes.size > 1) unified.set(key, { type });
      silent.set(key, format ? { type, format } : { type });
      continue;
    }
    unified.set(key, { type: [...types].every((t) => t === "integer" || t === "number") ? "number" : "string" });
  }
  if (unified.size === 0 && family.size === 0 && ![...silent.values()].some((s) => s.type !== "string" || s.format)) return document;

  const paths: OpenApiDocument["paths"] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const copy: Record<string, unknown> = {};
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      copy[method] =
        isOperation(operation) && operation.parameters
          ? {
              ...operation,
              parameters: operation.parameters.map((p) => {
                if (p.in !== "path" || !isPlainScalar(p.schema)) return p;
                const quiet = saysNothing(p, method, path);
                const members = family.get(keyOf(p));
                // A clear majority's type is for its own family and the silent; the others keep theirs.
                if (members && !quiet && !members.has(p.schema!.type!)) return p;
                const schema = unified.get(keyOf(p)) ?? (quiet ? silent.get(keyOf(p)) : undefined);
                return schema ? retyped(p, schema) : p;
              }),
            }
          : value;
    }
    Object.defineProperty(paths, path, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return { ...document, paths };
}

/** The parameter with the shared schema, its example written in that type (`85746065432` → `"85746065432"`). */
function retyped(p: Parameter, schema: Schema): Parameter {
  if (p.example === undefined || schema.type !== "string" || typeof p.example === "string") return { ...p, schema };
  return { ...p, schema, example: String(p.example) };
}

/**
 * A parameter whose sample said nothing of its type (no value, an empty one, a `{{variable}}` without
 * a value): typed string by default, which is no vote. It takes the type its name has elsewhere.
 */
function sampleSaysNothing(p: Parameter): boolean {
  return p.example === undefined && p.schema?.type === "string" && Object.keys(p.schema).length === 1 && !isDeclaredSchema(p.schema);
}

/** An inferred schema that says only a scalar type (and maybe a format). A typed collection's declared schema is never one. */
function isPlainScalar(schema: Schema | undefined): boolean {
  if (schema === undefined || !SCALARS.has(schema.type ?? "") || isDeclaredSchema(schema)) return false;
  return Object.keys(schema).every((k) => k === "type" || k === "format");
}

/** Each operation with its method and path. */
function* operations(document: OpenApiDocument): Generator<[method: string, path: string, operation: Operation]> {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) if (isOperation(value as Operation)) yield [method, path, value as Operation];
  }
}

const isOperation = (v: unknown): v is Operation => typeof v === "object" && v !== null && "responses" in v;
