/**
 * Parameters and error responses an API repeats word for word (Asana's eleven error responses
 * on every operation, Stripe's `expand` and `limit` query parameters) are written once, under
 * `components/parameters` and `components/responses`, and referenced. Only objects given in two
 * operations or more, and long enough that a `$ref` is shorter than a second copy, are shared;
 * equality is exact (every keyword, in any key order). Success (2xx) responses stay on their
 * operation: they carry its examples, and an overlay finds them at their path.
 *
 * Names come from the object itself: a parameter's name (`limit`; `limit_query` when another
 * `limit` has it), a response's status phrase (`NotFound`, `BadRequest`). The most used object
 * of a name gets it (ties go by content, never by item order); the others stay inline.
 */
import { STATUS_CODES } from "node:http";
import { pascalCase } from "../naming.js";
import type { OpenApiDocument, Parameter, Response } from "../openapi.js";
import { OBJECT_PROTOTYPE_NAMES } from "../naming.js";
import { setOwn } from "../postman/own-keys.js";

type Json = Record<string, unknown>;

/** A shared object must be at least this many times as long as the `$ref` that replaces it. */
const MIN_RATIO = 2;

interface Group<T> {
  key: string;
  value: T;
  /** Operations using it. */
  uses: number;
}

/** Returns the document with repeated parameters and responses defined once in `components` and referenced. */
export function shareRepeatedObjects(document: OpenApiDocument): OpenApiDocument {
  const parameters = new Map<string, Group<Parameter>>();
  const responses = new Map<string, Group<Response>>();
  const operations: Json[] = [];
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      operations.push(operation);
      for (const p of (operation.parameters as Parameter[] | undefined) ?? []) count(parameters, p);
      for (const [status, r] of Object.entries(operation.responses as Record<string, Response>)) if (!/^2/.test(status)) count(responses, r);
    }
  }

  const parameterNames = assignNames(
    parameters,
    "#/components/parameters/",
    (p) => [safeName(p.value.name), safeName(`${p.value.name}_${p.value.in}`)],
    Object.keys((document.components as Json | undefined)?.parameters ?? {}),
  );
  const responseStatus = new Map<string, string>();
  for (const operation of operations) {
    for (const [status, r] of Object.entries(operation.responses as Record<string, Response>)) {
      if (/^2/.test(status)) continue;
      const key = canonical(r);
      const known = responseStatus.get(key);
      if (known === undefined || status < known) responseStatus.set(key, status);
    }
  }
  const responseNames = assignNames(responses, "#/components/responses/", (r) => [phrase(responseStatus.get(r.key)!)], Object.keys((document.components as Json | undefined)?.responses ?? {}));
  if (parameterNames.size === 0 && responseNames.size === 0) return document;

  const paths: OpenApiDocument["paths"] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const copy: Json = {};
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) {
        setOwn(copy, method, operation);
        continue;
      }
      const op: Json = { ...operation };
      if (Array.isArray(operation.parameters)) {
        op.parameters = (operation.parameters as Parameter[]).map((p) => {
          const name = parameterNames.get(canonical(p));
          return name === undefined ? p : { $ref: `#/components/parameters/${name}` };
        });
      }
      const rs: Json = {};
      for (const [status, r] of Object.entries(operation.responses as Json)) {
        const name = /^2/.test(status) ? undefined : responseNames.get(canonical(r));
        setOwn(rs, status, name === undefined ? r : { $ref: `#/components/responses/${name}` });
      }
      op.responses = rs;
      setOwn<unknown>(copy, method, op);
    }
    setOwn<unknown>(paths as Json, path, copy);
  }
  // Components in the order readers know: schemas, responses, parameters, then the rest (security schemes).
  const { schemas, responses: ownResponses, parameters: ownParameters, ...rest } = (document.components ?? {}) as Json;
  const components: Json = {
    ...(schemas !== undefined ? { schemas } : {}),
    ...(responseNames.size > 0 || ownResponses !== undefined ? { responses: { ...(ownResponses as Json | undefined), ...definitions(responses, responseNames) } } : {}),
    ...(parameterNames.size > 0 || ownParameters !== undefined ? { parameters: { ...(ownParameters as Json | undefined), ...definitions(parameters, parameterNames) } } : {}),
    ...rest,
  };
  return { ...document, paths, components: components as OpenApiDocument["components"] };
}

function count<T>(groups: Map<string, Group<T>>, value: T): void {
  if (isObject(value) && typeof value.$ref === "string") return;
  const key = canonical(value);
  const group = groups.get(key);
  if (group) group.uses++;
  else groups.set(key, { key, value, uses: 1 });
}

/**
 * Names for the groups worth sharing: most used first, ties by content. Each takes its first
 * free candidate; one that finds none stays inline (a numbered `limit4` would tell a reader
 * nothing the inline parameter does not).
 */
function assignNames<T>(groups: Map<string, Group<T>>, prefix: string, candidates: (g: Group<T>) => string[], taken: string[]): Map<string, string> {
  const names = new Map<string, string>();
  // `valueOf`, `constructor` …: tools that look a component up in a plain object (Redocly
  // among them) find Object.prototype's member instead; such a name goes to the next candidate.
  const used = new Set([...taken, ...OBJECT_PROTOTYPE_NAMES]);
  const shared = [...groups.values()]
    .filter((g) => g.uses >= 2 && g.key.length >= MIN_RATIO * (prefix.length + 20))
    .sort((a, b) => b.uses - a.uses || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const g of shared) {
    const name = candidates(g).find((n) => !used.has(n));
    if (name === undefined) continue;
    used.add(name);
    names.set(g.key, name);
  }
  return names;
}

function definitions<T>(groups: Map<string, Group<T>>, names: Map<string, string>): Json {
  const out: Json = {};
  for (const [key, name] of [...names].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))) setOwn<unknown>(out, name, groups.get(key)!.value);
  return out;
}

/** A component name OpenAPI allows (`[A-Za-z0-9._-]`): `site id` → `site_id`. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_") || "parameter";
}

/** `404` → `NotFound`, `4XX` → `Status4XX`, `default` → `Default`. */
function phrase(status: string): string {
  const text = STATUS_CODES[status];
  return text ? pascalCase(text) : status === "default" ? "Default" : `Status${safeName(status)}`;
}

const canonicalText = new WeakMap<object, string>();

/** JSON with object keys sorted, so equal objects are equal text whatever their key order (memoized per object). */
function canonical(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  let text = canonicalText.get(value);
  if (text === undefined) {
    text = sortedJson(value);
    canonicalText.set(value, text);
  }
  return text;
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isObject(v)) return v;
    const sorted: Json = {};
    for (const k of Object.keys(v).sort()) setOwn(sorted, k, v[k]);
    return sorted;
  });
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
