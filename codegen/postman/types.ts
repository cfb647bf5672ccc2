/**
 * Typed collections: the JSON Schemas Postman keeps for a request's body, parameters and
 * headers and for its saved responses ("Add types to body data with an API collection").
 *
 * Postman's v2.1 export leaves them out (postmanlabs/postman-app-support#13718); where they are
 * written down is openapi-to-postmanv2's `convertV2WithTypes`, which Postman uses to make a typed
 * collection from a spec: it returns `{ output: [{ type: "collection", data }], extractedTypes }`,
 * with `extractedTypes["get/pets/{petId}"]` = `{ request: { body, headers, pathParam, queryParam },
 * response: { "200": { body, headers } } }`, each value the JSON text of a schema (bodies) or of
 * a `[{ keyName, properties }]` list (parameters, whose `properties` hold the schema keywords and
 * `required`). Shape checks only here; the schemas are checked and converted by the convert stage.
 */
import { pointerTo, type Diagnostics } from "../diagnostics.js";
import type { PostmanNode, PostmanOperationTypes, PostmanRequest, PostmanTypedSchema, PostmanTypedValue } from "./model.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads `extractedTypes`; an entry or part of the wrong shape is named in a warning and left out. */
export function parseTypes(v: unknown, pointer: string, diag: Diagnostics): Map<string, PostmanOperationTypes> {
  const types = new Map<string, PostmanOperationTypes>();
  if (!isObject(v)) {
    if (v !== undefined) diag.warning("invalid-shape", "`extractedTypes` is not an object of types by request; the types were not used", { pointer });
    return types;
  }
  for (const [key, entry] of Object.entries(v)) {
    const at = pointerTo(pointer, key);
    if (!isObject(entry)) {
      diag.warning("invalid-shape", `the types of ${key} are not an object; they were not used`, { pointer: at });
      continue;
    }
    const request = isObject(entry.request) ? entry.request : {};
    const requestAt = pointerTo(at, "request");
    const operation: PostmanOperationTypes = {
      pointer: at,
      path: readValues(request.pathParam, pointerTo(requestAt, "pathParam"), diag, false),
      query: readValues(request.queryParam, pointerTo(requestAt, "queryParam"), diag, false),
      headers: readValues(request.headers, pointerTo(requestAt, "headers"), diag, true),
      responses: new Map(),
    };
    const body = readSchema(request.body, pointerTo(requestAt, "body"), diag);
    if (body) operation.body = body;
    const responses = isObject(entry.response) ? entry.response : {};
    for (const [code, response] of Object.entries(responses)) {
      const status = code === "default" ? code : Number(code);
      if ((status !== "default" && (!Number.isInteger(status) || status < 100 || status > 599)) || !isObject(response)) continue;
      const responseAt = pointerTo(at, "response", code);
      const typed: { body?: PostmanTypedSchema; headers: Map<string, PostmanTypedValue> } = {
        headers: readValues(response.headers, pointerTo(responseAt, "headers"), diag, true),
      };
      const responseBody = readSchema(response.body, pointerTo(responseAt, "body"), diag);
      if (responseBody) typed.body = responseBody;
      operation.responses.set(status, typed);
    }
    types.set(key, operation);
  }
  return types;
}

/** A value given as JSON text (as openapi-to-postmanv2 writes them) or as JSON; undefined when absent or unreadable. */
function readJson(v: unknown, pointer: string, diag: Diagnostics): unknown {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return undefined;
  try {
    return JSON.parse(v);
  } catch (e) {
    diag.warning("invalid-shape", `this type is not valid JSON (${(e as Error).message}); it was not used`, { pointer });
    return undefined;
  }
}

function readSchema(v: unknown, pointer: string, diag: Diagnostics): PostmanTypedSchema | undefined {
  const schema = readJson(v, pointer, diag);
  return schema === undefined || schema === null ? undefined : { schema, pointer };
}

/** `[{ keyName, properties: { type, …, required } }]` → schemas by name (lower-cased for headers). */
function readValues(v: unknown, pointer: string, diag: Diagnostics, headers: boolean): Map<string, PostmanTypedValue> {
  const values = new Map<string, PostmanTypedValue>();
  const list = readJson(v, pointer, diag);
  if (list === undefined || list === null) return values;
  if (!Array.isArray(list)) {
    diag.warning("invalid-shape", "these parameter types are not a list of `{ keyName, properties }`; they were not used", { pointer });
    return values;
  }
  list.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.keyName !== "string" || !isObject(entry.properties)) {
      diag.warning("invalid-shape", `parameter type ${i} has no \`keyName\` and \`properties\`; it was not used`, { pointer });
      return;
    }
    const { required, ...schema } = entry.properties;
    const name = headers ? entry.keyName.toLowerCase() : entry.keyName;
    if (!values.has(name)) values.set(name, { schema, required: required === true, pointer });
  });
  return values;
}

/**
 * The key openapi-to-postmanv2 gives a request's types: its method in lower case and its path
 * as the spec wrote it, which the collection writes `:name` (whole segments) and `{{name}}`.
 */
export function typesKey(request: PostmanRequest): string {
  const path = request.url.path.map((s) => (/^:[^/]+$/.test(s) ? `{${s.slice(1)}}` : s.replace(/\{\{([^{}]+)\}\}/g, "{$1}")));
  return `${request.method.toLowerCase()}/${path.join("/")}`;
}

/**
 * Puts each request's types on it, and on its path variables, query parameters and headers.
 * Types that match no request are named in a warning: nothing is dropped without a word.
 */
export function attachTypes(items: PostmanNode[], types: Map<string, PostmanOperationTypes>, diag: Diagnostics): void {
  if (types.size === 0) return;
  const used = new Set<string>();
  const stack = [...items];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === "folder") {
      stack.push(...node.items);
      continue;
    }
    const key = typesKey(node.request);
    const typed = types.get(key);
    if (!typed) continue;
    used.add(key);
    const request = node.request;
    request.types = typed;
    for (const v of request.url.variables) {
      const t = typed.path.get(v.key);
      if (t) v.typed = t;
    }
    // A `:name` segment need not be declared in `url.variable`; its type still applies.
    for (const [name, t] of typed.path) {
      if (!request.url.variables.some((v) => v.key === name) && request.url.path.includes(`:${name}`)) request.url.variables.push({ key: name, typed: t });
    }
    for (const q of request.url.query) {
      const t = typed.query.get(q.key);
      if (t) q.typed = t;
    }
    for (const h of request.headers) {
      const t = typed.headers.get(h.key.toLowerCase());
      if (t) h.typed = t;
    }
  }
  for (const [key, typed] of types) {
    if (!used.has(key)) diag.warning("invalid-shape", `the types of ${key} match no request of the collection (method and path); they were not used`, { pointer: typed.pointer });
  }
}
