/**
 * What a Postman collection carries of an original spec's facts: a fact absent from the
 * collection's text cannot be recovered by any converter, so fidelity is also reported as a
 * share of the facts the collection carries. The rules, per kind (RESULTS.md repeats them):
 *
 * - operation: a request with that method and path (path parameters in any spelling).
 * - parameter: that request has the query key, header, or path variable.
 * - parameter.required: the parameter is carried, and it is a path parameter, or its
 *   description has the exporter's `(Required)` mark, or it is optional (the exporter marks
 *   every required one, so no mark says optional).
 * - parameter.type, body.field.type: the parameter or field is carried with a value that states
 *   that type: a JSON value's own type (an integral number states integer, not number), a
 *   Schema-style placeholder's (`<long>` integer, `<double>` number), and a URL, header or form
 *   value's reading (`12` integer, `true` boolean, other text string); `1` does not state string.
 * - parameter.enum, body.field.enum: every value appears, as a whole word, in the element's
 *   (parameter's or form field's) description or the request's description; a sample value
 *   alone does not say the others are excluded. "Prose-stated": the same with
 *   `(This can only be one of …)` notes taken out; "in its own description" when the
 *   element's description alone has every value (not the request's, which speaks of many).
 * - body.mediaType: the request has a body.
 * - body.field: a top-level key of the JSON body (first element of an array) or a form field.
 * - body.field.required: a form field, with the `(Required)` mark if required and without if
 *   not; a JSON body states no required flags.
 * - response.status: a saved response with that code.
 * - response.field: a saved response with that code has the key at the top level of its JSON
 *   body (of its first element, for an array).
 * - response.field.required: only an optional field can be carried, by a saved response of
 *   that code that lacks it; samples that all have a field do not say it is required.
 * - security: the auth in force for the request (its own, a folder's or the collection's) is
 *   of that type (basic, bearer, digest, apikey, oauth2; bearer and oauth2 both carry an
 *   oauth2 or openIdConnect scheme's token), or the request sends the header or query key an
 *   API key scheme names. An oauth2 auth carries an http bearer scheme only when it has no
 *   authUrl or accessTokenUrl and sends its token as `Authorization: Bearer` (Postman's
 *   defaults): with URLs it states an OAuth 2 flow. openapi-to-postmanv2 (4.x and 6.x) writes
 *   an http bearer scheme as a bearer auth, always, and an oauth2 scheme as an oauth2 auth with
 *   its first flow's URLs; of an operation's requirements it writes the first scheme only.
 * - schema.named: an object somewhere in a JSON body of the collection (a request's raw body,
 *   a saved response's body or its original request's) has all of the component's property
 *   names, and holds the nesting its shape compares (three levels, as `shapeOf`): where the
 *   shape has an object or an array the sample has a JSON object or array, an object with the
 *   shape's property names where the shape compares them, an array with an element that holds
 *   the items' nesting where that is an object or array; recursively. A placeholder string
 *   (`<Circular reference to …>`, `<Error: …>`), null, or openapi-to-postmanv2's depth-cut
 *   stand-in `{"value": "<Error: Too many levels of nesting …>"}` holds none. Scalar types
 *   need not match (a sample's string for a date).
 */

type Node = Record<string, any>;
import type { Evidence, Fact, Nesting } from "./facts.js";

/** openapi-to-postmanv2's enum note, which it appends to a description (values may hold parentheses: `Arabic (Egypt)`). */
export const NOTE = /\s*\(This can only be one of (?:[^()]|\([^()]*\))*\)/g;

const descriptionText = (d: unknown): string => (typeof d === "string" ? d : d && typeof d === "object" && typeof (d as Node).content === "string" ? (d as Node).content : "");

interface Element {
  description: string;
  value: unknown;
}

interface RequestEvidence {
  pointer: string;
  name: string;
  description: string;
  query: Map<string, Element>;
  header: Map<string, Element>;
  pathVars: Map<string, Element>;
  hasBody: boolean;
  /** The body's mode and, for raw, its language or Content-Type: `file`, `raw (json)`. */
  bodyMode: string;
  bodyText: string;
  jsonKeys: Map<string, unknown>;
  form: Map<string, Element>;
  responses: Map<string, Node[]>;
  /** The type of the auth in force (Postman's: basic, bearer, apikey, oauth2, …), or "" for none. */
  auth: string;
}

/** `:id`, `{{id}}` and `{id}` segments are one parameter slot; the host is not part of the path. */
function pathOf(url: unknown): string | undefined {
  let segments: string[];
  if (url && typeof url === "object" && Array.isArray((url as Node).path)) segments = (url as Node).path.map((s: unknown) => (typeof s === "string" ? s : String((s as Node)?.value ?? "")));
  else {
    const raw = typeof url === "string" ? url : typeof (url as Node)?.raw === "string" ? (url as Node).raw : undefined;
    if (raw === undefined) return undefined;
    const noQuery = raw.split("?")[0]!.split("#")[0]!.replace(/^[a-z]+:\/\//i, "");
    segments = noQuery.split("/").slice(1);
  }
  const norm = segments
    .filter((s) => s !== "")
    .map((s) => (/^:[^/]+$/.test(s) ? "{}" : s.replace(/\{\{[^}]*\}\}/g, "{}").replace(/\{[^}]*\}/g, "{}")))
    .join("/");
  // A fragment is part of an operation's path in some specs (AWS: `/#X-Amz-Target=…`).
  const hash = typeof (url as Node)?.hash === "string" && (url as Node).hash !== "" ? `#${(url as Node).hash}` : "";
  return samePath((`/${norm}`.replace(/\/+$/, "") || "/") + hash);
}

/** `/exports/#a` and `/exports#a` are one path (a URL's path drops its trailing empty segment). */
const samePath = (path: string) => path.replace(/\/#/, "#");

const isPlaceholderValue = (v: unknown) => v === undefined || v === null || v === "" || (typeof v === "string" && /^\{\{[^}]*\}\}$/.test(v));

/** openapi-to-postmanv2's Schema-style placeholders and the type each states. */
const PLACEHOLDER_TYPES: Record<string, string> = { integer: "integer", long: "integer", int32: "integer", int64: "integer", number: "number", double: "number", float: "number", boolean: "boolean", object: "object" };

/**
 * The type a sample value states: a JSON value's own type (an integral number is an integer), a
 * `<long>`-style placeholder's, and for a URL or header value (always text) the type it reads as.
 */
function statedType(value: unknown, text: boolean): string | undefined {
  if (isPlaceholderValue(value)) return undefined;
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  const s = String(value);
  const placeholder = /^<([a-z0-9-]+)>$/i.exec(s);
  if (placeholder) return PLACEHOLDER_TYPES[placeholder[1]!.toLowerCase()] ?? "string";
  if (!text) return "string";
  if (s === "true" || s === "false") return "boolean";
  if (/^-?\d+$/.test(s)) return "integer";
  if (/^-?\d*\.\d+(e[+-]?\d+)?$/i.test(s)) return "number";
  return "string";
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const topObject = (v: unknown): Node | undefined => {
  const o = Array.isArray(v) ? v[0] : v;
  return o && typeof o === "object" && !Array.isArray(o) ? (o as Node) : undefined;
};

/** Every object anywhere in a JSON value. */
function collectObjects(v: unknown, out: Node[], depth = 0): void {
  if (depth > 40 || !v || typeof v !== "object") return;
  if (Array.isArray(v)) {
    for (const x of v) collectObjects(x, out, depth + 1);
    return;
  }
  out.push(v as Node);
  for (const x of Object.values(v)) collectObjects(x, out, depth + 1);
}

/** openapi-to-postmanv2's stand-in for a value nested too deep to fake: `{"value": "<Error: Too many levels …>"}`. */
const isCutStandIn = (v: Node) => {
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === "value" && typeof v.value === "string" && /^<Error:/.test(v.value);
};

const isUnstated = (v: unknown) => (typeof v === "string" && /^<Error:/.test(v)) || (!!v && typeof v === "object" && !Array.isArray(v) && isCutStandIn(v as Node));

const has = (o: Node, name: string) => Object.prototype.hasOwnProperty.call(o, name);

/** Whether a sample value holds the nesting a shape compares (see `Nesting`). */
export function holdsNesting(v: unknown, need: Nesting): boolean {
  // A scalar's place needs a value there: a depth-cut stand-in or an `<Error: …>` string says nothing of it.
  if (need === "any") return !isUnstated(v);
  if (Array.isArray(need)) return Array.isArray(v) && v.some((x) => holdsNesting(x, need[0]));
  if (!v || typeof v !== "object" || Array.isArray(v) || isCutStandIn(v as Node)) return false;
  if (need === "object") return true;
  return Object.entries(need).every(([name, inner]) => has(v as Node, name) && holdsNesting((v as Node)[name], inner));
}

/** Whether `value` is a word of the text's prose: a word inside a URL or a dotted version (`2.1.0`) is not one. */
function wordIn(text: string, value: string): boolean {
  if (value === "") return true;
  // (Unless the value is a URL itself.)
  if (!value.includes("://")) text = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)\]>"']+/gi, " ");
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A word's edges: no letter, digit or underscore beside it, nor a dot between it and a digit (`1` in `2.1.0`).
  return new RegExp(`(?<![A-Za-z0-9_])(?<!\\d\\.)${escaped}(?![A-Za-z0-9_])(?!\\.\\d)`).test(text);
}

export interface CollectionEvidence {
  evidence: Evidence;
  /** The request a fact's operation came from, for findings. */
  requestOf(fact: Fact): RequestEvidence | undefined;
}

/** Reads a collection (v2.x JSON text) into the evidence its facts are judged by. */
export function collectionEvidence(collectionText: string): CollectionEvidence {
  const collection = JSON.parse(collectionText) as Node;
  const requests = new Map<string, RequestEvidence[]>();
  const objects: Node[] = [];
  const authType = (auth: unknown, inherited: string): string => {
    if (auth === undefined || auth === null) return inherited;
    const type = typeof (auth as Node).type === "string" ? String((auth as Node).type).toLowerCase() : "";
    if (type === "noauth" || type === "") return "";
    if (type !== "apikey" && type !== "oauth2") return type;
    const raw = (auth as Node)[type];
    const get = (k: string) => (Array.isArray(raw) ? raw.find((e: Node) => e?.key === k)?.value : raw?.[k]);
    // An OAuth 2 auth without URLs that sends its token as `Authorization: Bearer …` is a bearer token: `oauth2:bearer`.
    if (type === "oauth2") {
      const url = (k: string) => typeof get(k) === "string" && get(k).trim() !== "";
      const bearer = !url("authUrl") && !url("accessTokenUrl") && /^(bearer)?$/i.test(String(get("headerPrefix") ?? "").trim()) && ["", "header"].includes(String(get("addTokenTo") ?? ""));
      return bearer ? "oauth2:bearer" : "oauth2";
    }
    // An API key auth names its header or query key: `apikey:header:X-Api-Key`.
    return `apikey:${String(get("in") ?? "header").toLowerCase()}:${String(get("key") ?? "").toLowerCase()}`;
  };
  const walk = (items: unknown, pointer: string, inheritedAuth: string) => {
    if (!Array.isArray(items)) return;
    items.forEach((item: Node, i) => {
      if (!item || typeof item !== "object") return;
      const at = `${pointer}/${i}`;
      const auth = authType(item.auth, inheritedAuth);
      if (Array.isArray(item.item)) return walk(item.item, `${at}/item`, auth);
      const request = typeof item.request === "string" ? { url: item.request } : (item.request as Node | undefined);
      if (!request) return;
      const path = pathOf(request.url);
      if (path === undefined) return;
      const method = String(request.method ?? "GET").toUpperCase();
      const url: Node = typeof request.url === "object" && request.url ? request.url : {};
      const elements = (list: unknown) => new Map<string, Element>((Array.isArray(list) ? list : []).filter((e: Node) => e && typeof e.key === "string").map((e: Node) => [e.key, { description: descriptionText(e.description), value: e.value }]));
      const requestAuth = authType(request.auth, auth);
      const body: Node = request.body && typeof request.body === "object" ? request.body : {};
      const bodyText = typeof body.raw === "string" ? body.raw : "";
      const json = body.mode === "raw" ? parseJson(bodyText) : undefined;
      collectObjects(json, objects);
      const form = elements(body.mode === "formdata" ? body.formdata : body.mode === "urlencoded" ? body.urlencoded : []);
      const responses = new Map<string, Node[]>();
      for (const response of Array.isArray(item.response) ? item.response : []) {
        const code = response?.code === undefined ? undefined : String(response.code);
        if (!code) continue;
        const parsed = parseJson(response.body);
        collectObjects(parsed, objects);
        const original: Node | undefined = response?.originalRequest?.body;
        if (original?.mode === "raw") collectObjects(parseJson(original.raw), objects);
        const list = responses.get(code) ?? [];
        list.push({ json: parsed });
        responses.set(code, list);
      }
      const pathVars = elements(url.variable);
      // Path parameters as the URL writes them: `:id` segments, `{{id}}` and `{id}` anywhere in one.
      for (const segment of Array.isArray(url.path) ? url.path : []) {
        if (typeof segment !== "string") continue;
        const names = /^:(.+)$/.exec(segment)?.slice(1) ?? [...segment.matchAll(/\{\{([^}]+)\}\}|\{([^}]+)\}/g)].map((m) => (m[1] ?? m[2])!);
        for (const name of names) if (!pathVars.has(name)) pathVars.set(name, { description: "", value: segment });
      }
      const evidence: RequestEvidence = {
        pointer: `#${at}`,
        name: String(item.name ?? ""),
        description: descriptionText(request.description) + "\n" + descriptionText(item.description),
        query: elements(url.query),
        header: elements(request.header),
        pathVars,
        hasBody: typeof body.mode === "string" && (body.mode !== "raw" || bodyText.trim() !== "") && (body.mode !== "formdata" || form.size > 0) && (body.mode !== "urlencoded" || form.size > 0),
        bodyMode: typeof body.mode === "string" ? `${body.mode}${body.mode === "raw" && body.options?.raw?.language ? ` (${body.options.raw.language})` : ""}` : "none",
        bodyText,
        jsonKeys: new Map(Object.entries(topObject(json) ?? {})),
        form,
        responses,
        auth: requestAuth,
      };
      const key = `${method} ${path}`;
      requests.set(key, [...(requests.get(key) ?? []), evidence]);
    });
  };
  const rootAuth = authType(collection.auth, "");
  walk(collection.item, "/item", rootAuth);

  const find = (fact: Fact): RequestEvidence[] => {
    if (!fact.method || fact.path === undefined) return [];
    const path = samePath(fact.path);
    const exact = requests.get(`${fact.method} ${path}`);
    if (exact) return exact;
    // The server's base path may be part of the request's URL (`{{baseUrl}}/v2/users`).
    const out: RequestEvidence[] = [];
    for (const [key, list] of requests) {
      const [m, p] = key.split(" ", 2) as [string, string];
      if (m === fact.method && path !== "/" && p.endsWith(path)) out.push(...list);
    }
    return out;
  };

  const evidence: Evidence = (fact) => {
    if (fact.kind === "schema.named") {
      const props = fact.properties ?? [];
      const need = fact.nesting ?? Object.fromEntries(props.map((p) => [p, "any" as Nesting]));
      return { carried: objects.some((o) => props.every((p) => has(o, p)) && holdsNesting(o, need)) };
    }
    const found = find(fact);
    const any = (test: (r: RequestEvidence) => boolean) => found.some(test);
    const param = (r: RequestEvidence): Element | undefined => {
      const name = fact.name ?? "";
      if (fact.in === "query") return r.query.get(name);
      if (fact.in === "path") return r.pathVars.get(name);
      if (fact.in === "header") {
        for (const [k, v] of r.header) if (k.toLowerCase() === name.toLowerCase()) return v;
      }
      return undefined;
    };
    const field = (r: RequestEvidence): Element | undefined => {
      const f = r.form.get(fact.name ?? "");
      if (f) return f;
      return r.jsonKeys.has(fact.name ?? "") ? { description: "", value: r.jsonKeys.get(fact.name ?? "") } : undefined;
    };
    const stated = (fact.values ?? []).filter((v) => v !== "");
    const enumIn = (texts: string[]) => stated.length > 0 && stated.every((v) => texts.some((t) => wordIn(t, v)));
    switch (fact.kind) {
      case "operation":
        return { carried: found.length > 0 };
      case "parameter":
        return { carried: any((r) => !!param(r)) };
      case "parameter.required":
        return { carried: any((r) => { const p = param(r); return !!p && (fact.in === "path" || !fact.required || p.description.includes("(Required)")); }) };
      case "parameter.type":
        return { carried: any((r) => { const p = param(r); return !!p && statedType(p.value, true) === fact.type; }) };
      case "parameter.enum": {
        const carried = any((r) => { const p = param(r); return !!p && enumIn([p.description, r.description]); });
        const prose = any((r) => { const p = param(r); return !!p && enumIn([p.description.replace(NOTE, ""), r.description.replace(NOTE, "")]); });
        const proseOwn = any((r) => { const p = param(r); return !!p && enumIn([p.description.replace(NOTE, "")]); });
        return { carried, prose, proseOwn };
      }
      case "body.mediaType":
        return { carried: any((r) => r.hasBody) };
      case "body.field":
        return { carried: any((r) => !!field(r)) };
      case "body.field.required":
        return { carried: any((r) => { const f = r.form.get(fact.name ?? ""); return !!f && f.description.includes("(Required)") === !!fact.required; }) };
      case "body.field.type":
        return { carried: any((r) => { const f = field(r); return !!f && statedType(f.value, r.form.has(fact.name ?? "")) === fact.type; }) };
      case "body.field.enum": {
        const carried = any((r) => { const f = r.form.get(fact.name ?? ""); return f ? enumIn([f.description, r.description]) : r.jsonKeys.has(fact.name ?? "") && enumIn([r.description]); });
        const prose = any((r) => { const f = r.form.get(fact.name ?? ""); return enumIn([(f?.description ?? "").replace(NOTE, ""), r.description.replace(NOTE, "")]); });
        const proseOwn = any((r) => { const f = r.form.get(fact.name ?? ""); return !!f && enumIn([f.description.replace(NOTE, "")]); });
        return { carried, prose, proseOwn };
      }
      case "response.status":
        return { carried: any((r) => r.responses.has(fact.status ?? "")) };
      case "response.field":
        return { carried: any((r) => (r.responses.get(fact.status ?? "") ?? []).some((s) => topObject(s.json)?.[fact.name ?? ""] !== undefined)) };
      case "response.field.required":
        return { carried: !fact.required && any((r) => { const samples = (r.responses.get(fact.status ?? "") ?? []).map((s) => topObject(s.json)).filter((o) => o !== undefined); return samples.some((o) => o![fact.name ?? ""] !== undefined) && samples.some((o) => o![fact.name ?? ""] === undefined); }) };
      case "security": {
        const apiKey = /^apiKey:(\w+):(.*)$/.exec(fact.name ?? "");
        const type = fact.name ?? "";
        const matches = (auth: string) =>
          type.startsWith("http:")
            ? auth === type.slice(5) || (type === "http:bearer" && auth === "oauth2:bearer")
            : type.startsWith("apiKey:")
              ? auth === type.toLowerCase()
              : (type === "oauth2" || type === "openIdConnect") && (auth === "oauth2" || auth === "oauth2:bearer" || auth === "bearer");
        return { carried: any((r) => matches(r.auth) || (!!apiKey && (apiKey[1] === "query" ? r.query.has(apiKey[2]!) : [...r.header.keys()].some((k) => k.toLowerCase() === apiKey[2]!.toLowerCase())))) };
      }
    }
    return { carried: false };
  };
  return { evidence, requestOf: (fact) => find(fact)[0] };
}

/** The collection with every `(This can only be one of …)` note taken out of its descriptions. */
export function stripNotes(collectionText: string): { text: string; notes: number } {
  let notes = 0;
  const strip = (s: string) => s.replace(NOTE, () => (notes++, ""));
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== "object") return v;
    const out: Node = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "description" && typeof x === "string") out[k] = strip(x);
      else if (k === "description" && x && typeof x === "object" && typeof (x as Node).content === "string") out[k] = { ...(x as Node), content: strip((x as Node).content) };
      else out[k] = walk(x);
    }
    return out;
  };
  const text = JSON.stringify(walk(JSON.parse(collectionText)));
  return { text, notes };
}
