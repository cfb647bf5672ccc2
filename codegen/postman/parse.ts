/**
 * parse: collection text → PostmanCollection. Shape checks only; nothing is interpreted yet.
 * Accepts Postman v2.0 and v2.1 collections, the Postman API's `{ "collection": … }` wrapper
 * and a bare item (a request exported on its own, as in Zoom's per-request pages).
 */
import { pointerTo, type Diagnostics } from "../diagnostics.js";
import {
  AUTH_TYPES,
  type AuthType,
  type PostmanAuth,
  type PostmanBody,
  type PostmanCollection,
  type PostmanFolder,
  type PostmanFormField,
  type PostmanHeader,
  type PostmanItem,
  type PostmanNode,
  type PostmanRequest,
  type PostmanResponse,
  type PostmanUrl,
  type PostmanVariable,
} from "./model.js";
import { setOwn } from "./own-keys.js";
import { attachTypes, parseTypes } from "./types.js";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;

/** Parses collection JSON text. Returns undefined (with an error recorded) when it is not one. */
export function parseCollection(text: string, diag: Diagnostics): PostmanCollection | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    diag.error("not-json", `${diag.file} is not valid JSON (${describeJsonError(text, e)})`, { pointer: "" });
    return undefined;
  }
  if (!isObject(json)) {
    diag.error("not-a-collection", `${diag.file} is not a Postman collection: the top level is not an object`, { pointer: "" });
    return undefined;
  }
  let root = json;
  let base = "#";
  if (isObject(root.collection) && !("item" in root)) {
    root = root.collection;
    base = "#/collection";
  }
  // openapi-to-postmanv2's convertV2WithTypes result: the collection, and its types beside it.
  let types: { value: unknown; pointer: string } | undefined;
  if (Array.isArray(root.output) && !("item" in root)) {
    const index = root.output.findIndex((o) => isObject(o) && o.type === "collection" && isObject(o.data));
    if (index >= 0) {
      types = { value: root.extractedTypes, pointer: pointerTo(base, "extractedTypes") };
      root = (root.output[index] as Json).data as Json;
      base = pointerTo(base, "output", index, "data");
    }
  }
  if (Array.isArray(root.requests) && (Array.isArray(root.order) || typeof root.id === "string")) {
    diag.error(
      "unsupported-version",
      `${diag.file} is a Postman v1 collection, which is not supported: export it again as Collection v2.1 from Postman`,
      { pointer: "" },
    );
    return undefined;
  }
  if ("request" in root && !("item" in root)) {
    // A bare item: wrap it in a collection of one.
    const item = parseNode(root, base, [], diag);
    return { name: asString(root.name) ?? "API", items: item ? [item] : [], variables: [] };
  }
  const info = isObject(root.info) ? root.info : undefined;
  if (!info || !Array.isArray(root.item)) {
    const missing = !info ? "`info`" : "an `item` array";
    diag.error("not-a-collection", `${diag.file} is not a Postman collection: it has no ${missing}`, { pointer: "" });
    return undefined;
  }
  const schema = asString(info.schema) ?? "";
  if (/collection\/v1/.test(schema)) {
    diag.error("unsupported-version", `${diag.file} is a Postman v1 collection, which is not supported: export it again as Collection v2.1 from Postman`, { pointer: "" });
    return undefined;
  }
  const collection: PostmanCollection = {
    name: asString(info.name) ?? "API",
    description: parseDescription(info.description),
    version: asString(info.version) ?? versionOf(info.version),
    items: parseNodes(root.item, pointerTo(base, "item"), diag),
    auth: parseAuth(root.auth, pointerTo(base, "auth"), diag),
    variables: parseVariables(root.variable),
  };
  if (types) {
    collection.types = parseTypes(types.value, types.pointer, diag);
    attachTypes(collection.items, collection.types, diag);
  }
  return collection;
}

function versionOf(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const [major, minor, patch] = [v.major, v.minor, v.patch].map((n) => asString(n) ?? "0");
  return `${major}.${minor}.${patch}`;
}

/** Node's JSON.parse message, plus the line and column a person looks for. */
function describeJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "")} at line ${line}, column ${column}`;
}

/** A description is a string or a `{ content, type }` object in v2.1. */
export function parseDescription(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (isObject(v) && typeof v.content === "string") return v.content;
  return undefined;
}

/**
 * One step of the folder walk. Folders are walked with an explicit stack, not by recursion, so a
 * collection nested as deep as memory allows parses without overflowing the call stack.
 */
type Step =
  | { kind: "node"; value: unknown; pointer: string; into: PostmanNode[] }
  | { kind: "leave"; folder: PostmanFolder; source: Json };

/**
 * The entries of an `item` array, folders walked depth first in collection order. Item paths
 * (`Meetings › Update …`) are joined only when a diagnostic needs one: stored for every
 * entry they would grow with the square of the depth.
 */
function parseNodes(v: unknown, pointer: string, diag: Diagnostics): PostmanNode[] {
  const root: PostmanNode[] = [];
  const folders: string[] = [];
  const stack: Step[] = [];
  const pushChildren = (list: unknown, base: string, into: PostmanNode[]) => {
    const children = asArray(list);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ kind: "node", value: children[i], pointer: pointerTo(base, i), into });
  };
  pushChildren(v, pointer, root);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.kind === "leave") {
      folders.pop();
      // Parsed after the folder's entries, as the recursive walk did, so diagnostics keep their order.
      const auth = parseAuth(step.source.auth, pointerTo(step.folder.pointer, "auth"), diag);
      if (auth) step.folder.auth = auth;
      step.folder.variables = parseVariables(step.source.variable);
      continue;
    }
    const { value, pointer: at } = step;
    if (isObject(value) && Array.isArray(value.item)) {
      const name = asString(value.name) ?? "(unnamed)";
      const folder: PostmanFolder = { kind: "folder", name, pointer: at, description: parseDescription(value.description), items: [], variables: [] };
      step.into.push(folder);
      folders.push(name);
      stack.push({ kind: "leave", folder, source: value });
      pushChildren(value.item, pointerTo(at, "item"), folder.items);
      continue;
    }
    const node = parseNode(value, at, folders, diag);
    if (node) step.into.push(node);
  }
  return root;
}

/** An entry that is not a folder: a request, or something skipped with a warning. */
function parseNode(v: unknown, pointer: string, folders: readonly string[], diag: Diagnostics): PostmanNode | undefined {
  if (!isObject(v)) {
    diag.warning("invalid-shape", "this entry is neither a folder nor a request; it was skipped", { pointer });
    return undefined;
  }
  const name = asString(v.name) ?? "(unnamed)";
  const itemPath = () => [...folders, name].join(" › ");
  if (!("request" in v)) {
    diag.warning("invalid-shape", "this entry has neither `item` nor `request`; it was skipped", { pointer, item: itemPath() });
    return undefined;
  }
  const request = parseRequest(v.request, pointerTo(pointer, "request"), itemPath, diag);
  if (!request) return undefined;
  const item: PostmanItem = {
    kind: "item",
    name,
    pointer,
    request,
    responses: asArray(v.response).flatMap((r, i) => parseResponse(r, pointerTo(pointer, "response", i))),
  };
  if (request.description === undefined) {
    const description = parseDescription(v.description);
    if (description !== undefined) request.description = description;
  }
  return item;
}

function parseRequest(v: unknown, pointer: string, item: () => string, diag: Diagnostics): PostmanRequest | undefined {
  // v2 allows a request to be just its URL.
  const request: Json = typeof v === "string" ? { url: v, method: "GET" } : isObject(v) ? v : {};
  const url = parseUrl(request.url);
  if (!url) {
    // One broken request is not the end of the file: it is named and left out, the rest converts.
    diag.warning("missing-url", "this request has no URL; it was left out", { pointer: pointerTo(pointer, "url"), item: item() });
    return undefined;
  }
  return {
    method: (asString(request.method) ?? "GET").toUpperCase(),
    url,
    headers: parseHeaders(request.header),
    body: parseBody(request.body, pointerTo(pointer, "body")),
    auth: parseAuth(request.auth, pointerTo(pointer, "auth"), diag, item),
    description: parseDescription(request.description),
    pointer,
  };
}

function parseHeaders(v: unknown): PostmanHeader[] {
  if (typeof v === "string") {
    // v2.0 allows headers as "Key: value\n" text.
    return v
      .split(/\r?\n/)
      .map((line) => line.split(/:(.*)/s))
      .filter(([key]) => key && key.trim())
      .map(([key, value]) => ({ key: key!.trim(), value: (value ?? "").trim() }));
  }
  return asArray(v).filter(isObject).flatMap((h) => {
    const key = asString(h.key);
    if (key === undefined) return [];
    const header: PostmanHeader = { key, value: asString(h.value) ?? "" };
    const description = parseDescription(h.description);
    if (description !== undefined) header.description = description;
    if (h.disabled === true) header.disabled = true;
    return [header];
  });
}

function parseVariables(v: unknown): PostmanVariable[] {
  return asArray(v).filter(isObject).flatMap((x) => {
    const key = asString(x.key) ?? asString(x.id);
    if (key === undefined) return [];
    const variable: PostmanVariable = { key };
    const value = x.value === null || x.value === undefined ? undefined : asString(x.value) ?? jsonText(x.value);
    if (value !== undefined) variable.value = value;
    const description = parseDescription(x.description);
    if (description !== undefined) variable.description = description;
    if (x.disabled === true) variable.disabled = true;
    return [variable];
  });
}

/**
 * A variable's value given as JSON (an object, an array) is its JSON text. One nested past what
 * JSON.stringify's recursion reaches counts as no value: where it is used, that is a warning.
 */
export function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A URL is a string or an object whose parts may be missing; `raw` fills the gaps. */
function parseUrl(v: unknown): PostmanUrl | undefined {
  if (typeof v === "string") return v.trim() ? parseRawUrl(v) : undefined;
  if (!isObject(v)) return undefined;
  const raw = asString(v.raw);
  const fromRaw = raw ? parseRawUrl(raw) : undefined;
  const host = typeof v.host === "string" ? v.host.split(".") : asArray(v.host).map((h) => asString(h) ?? "");
  const path = typeof v.path === "string" ? v.path.split("/") : asArray(v.path).map((p) => (isObject(p) ? asString(p.value) ?? "" : asString(p) ?? ""));
  if (!fromRaw && host.length === 0 && path.length === 0) return undefined;
  const url: PostmanUrl = {
    host: host.length > 0 ? host : fromRaw?.host ?? [],
    path: host.length > 0 || path.length > 0 ? path.filter((s, i, all) => s !== "" || i < all.length - 1 || fragmentOf(v, fromRaw) !== undefined) : fromRaw?.path ?? [],
    query: Array.isArray(v.query) ? parseVariables(v.query) : fromRaw?.query ?? [],
    variables: parseVariables(v.variable),
  };
  if (raw !== undefined) url.raw = raw;
  const protocol = asString(v.protocol) ?? fromRaw?.protocol;
  if (protocol !== undefined) url.protocol = protocol;
  const port = asString(v.port) ?? fromRaw?.port;
  if (port !== undefined) url.port = port;
  const hash = fragmentOf(v, fromRaw);
  if (hash) url.hash = hash;
  return url;
}

/** A structured URL's fragment: its `hash`, or the raw URL's. */
function fragmentOf(v: Json, fromRaw: PostmanUrl | undefined): string | undefined {
  // A `#` inside a structured query key or value (`?#=x`) is not a fragment, whatever `raw` suggests.
  const query = Array.isArray(v.query) ? parseVariables(v.query) : [];
  const hashInQuery = query.some((q) => q.key.includes("#") || q.value?.includes("#"));
  return (asString(v.hash) ?? (hashInQuery ? undefined : fromRaw?.hash)) || undefined;
}

/** Splits a raw URL the way Postman does: `{{baseUrl}}/rooms/:id?x=1` has no protocol and a variable host. */
function parseRawUrl(raw: string): PostmanUrl {
  let rest = raw.trim();
  const url: PostmanUrl = { raw, host: [], path: [], query: [], variables: [] };
  const hashAt = indexOutsideVariables(rest, "#");
  if (hashAt >= 0) {
    if (hashAt < rest.length - 1) url.hash = rest.slice(hashAt + 1);
    rest = rest.slice(0, hashAt);
  }
  // `https://…`, or `{{scheme}}://…` with the scheme in a variable.
  const protocol = /^([a-z][a-z0-9+.-]*|\{\{[^{}]+\}\}):\/\//i.exec(rest);
  if (protocol) {
    url.protocol = protocol[1]!;
    rest = rest.slice(protocol[0].length);
  }
  const q = indexOutsideVariables(rest, "?");
  const query = q >= 0 ? rest.slice(q + 1) : "";
  if (q >= 0) rest = rest.slice(0, q);
  const slash = rest.indexOf("/");
  let host = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash + 1) : "";
  // A port in digits, in a variable (`{{port}}`), or a bare name (`://:hostname`, a path-variable style host).
  const port = /:(\d+|\{\{[^{}]+\}\}|[A-Za-z_][A-Za-z0-9_.-]*)$/.exec(host);
  if (port) {
    url.port = port[1]!;
    host = host.slice(0, -port[0].length);
  }
  url.host = host.startsWith("{{") ? [host] : host.split(".");
  // A slash before a fragment is kept (`/exports/#name&version`: AWS's paths are written so).
  url.path = path === "" ? [] : path.split("/").filter((s, i, all) => s !== "" || i < all.length - 1 || url.hash !== undefined);
  url.query = query
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq >= 0 ? { key: pair.slice(0, eq), value: pair.slice(eq + 1) } : { key: pair };
    });
  return url;
}

/** Where `char` first occurs outside `{{variables}}` (a `{{?}}` in a path is a name, not a query), or -1. */
function indexOutsideVariables(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith("{{", i)) {
      const end = text.indexOf("}}", i + 2);
      if (end > 0 && !text.slice(i + 2, end).includes("{")) {
        i = end + 1;
        continue;
      }
    }
    if (text[i] === char) return i;
  }
  return -1;
}

function parseAuth(v: unknown, pointer: string, diag: Diagnostics, item?: () => string): PostmanAuth | undefined {
  if (!isObject(v)) return undefined;
  const type = asString(v.type);
  if (!type || !(AUTH_TYPES as readonly string[]).includes(type)) {
    diag.warning("unsupported-auth", `auth type ${JSON.stringify(type)} is not a Postman auth type; it was ignored`, item ? { pointer, item: item() } : { pointer });
    return undefined;
  }
  const block = v[type];
  const attributes: Record<string, unknown> = {};
  if (Array.isArray(block)) {
    for (const entry of block.filter(isObject)) {
      const key = asString(entry.key);
      if (key !== undefined) setOwn(attributes, key, entry.value);
    }
  } else if (isObject(block)) {
    for (const [key, value] of Object.entries(block)) setOwn(attributes, key, value);
  }
  return { type: type as AuthType, attributes, pointer };
}

function parseFormFields(v: unknown, pointer: string): PostmanFormField[] {
  return asArray(v).flatMap((f, i): PostmanFormField[] => {
    if (!isObject(f)) return [];
    const key = asString(f.key);
    if (key === undefined) return [];
    const field: PostmanFormField = { key, type: f.type === "file" ? "file" : "text", pointer: pointerTo(pointer, i) };
    const value = asString(f.value);
    if (value !== undefined) field.value = value;
    if (typeof f.src === "string" || Array.isArray(f.src)) field.src = f.src as string | string[];
    const contentType = asString(f.contentType);
    if (contentType) field.contentType = contentType;
    const description = parseDescription(f.description);
    if (description !== undefined) field.description = description;
    if (f.disabled === true) field.disabled = true;
    return [field];
  });
}

function parseBody(v: unknown, pointer: string): PostmanBody | undefined {
  if (!isObject(v) || v.disabled === true) return undefined;
  const mode = asString(v.mode);
  switch (mode) {
    case "raw": {
      const raw = asString(v.raw) ?? "";
      const options = isObject(v.options) && isObject(v.options.raw) ? v.options.raw : {};
      const language = asString(options.language);
      return language ? { mode, raw, language, pointer } : { mode, raw, pointer };
    }
    case "formdata":
    case "urlencoded":
      return { mode, fields: parseFormFields(v[mode], pointerTo(pointer, mode)), pointer };
    case "file": {
      const file = isObject(v.file) ? asString(v.file.src) : undefined;
      return file ? { mode, src: file, pointer } : { mode, pointer };
    }
    case "graphql": {
      const g = isObject(v.graphql) ? v.graphql : {};
      const variables = asString(g.variables);
      return variables ? { mode, query: asString(g.query) ?? "", variables, pointer } : { mode, query: asString(g.query) ?? "", pointer };
    }
    default:
      return undefined;
  }
}

function parseResponse(v: unknown, pointer: string): PostmanResponse[] {
  if (!isObject(v)) return [];
  const response: PostmanResponse = {
    name: asString(v.name) ?? "",
    headers: parseHeaders(v.header),
    pointer,
  };
  const code = typeof v.code === "number" ? v.code : Number(asString(v.code));
  if (Number.isInteger(code) && code >= 100 && code <= 599) response.code = code;
  const status = asString(v.status);
  if (status) response.status = status;
  const body = asString(v.body);
  if (body !== undefined) response.body = body;
  const preview = asString(v._postman_previewlanguage);
  if (preview) response.previewLanguage = preview;
  const original = isObject(v.originalRequest) ? parseBody(v.originalRequest.body, pointerTo(pointer, "originalRequest", "body")) : undefined;
  if (original) response.requestBody = original;
  return [response];
}
