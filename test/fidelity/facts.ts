/**
 * The facts an OpenAPI document states, so that what a converter recovers can be counted
 * against the original. One fact per: operation (method + path); parameter (name + in), its
 * required flag, type and enum; request body media type; body field (name), its required flag,
 * type and enum; response status code; field of a JSON 2xx response and its required flag;
 * security scheme type of an operation; named schema (a component's shape, names ignored).
 * An operation is one HTTP endpoint: one whose server has a path is matched by its full path
 * too, where its relative path matches none (see `scoreRecovery`).
 */

type Node = Record<string, any>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const IGNORED_HEADERS = new Set(["content-type", "accept", "authorization"]);

export const FACT_KINDS = [
  "operation",
  "parameter",
  "parameter.required",
  "parameter.type",
  "parameter.enum",
  "body.mediaType",
  "body.field",
  "body.field.required",
  "body.field.type",
  "body.field.enum",
  "response.status",
  "response.field",
  "response.field.required",
  "security",
  "schema.named",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Where a fact lives, so that the collection's evidence for it can be looked up (see carried.ts). */
export interface Fact {
  kind: FactKind;
  /** Compared between the two documents: equal keys are the same fact. */
  key: string;
  method?: string;
  /** The operation's path, parameters as `{}`. */
  path?: string;
  /** Parameter: "query" | "path" | "header"; body field: "body"; response field: the status. */
  in?: string;
  name?: string;
  status?: string;
  required?: boolean;
  /** parameter.type, body.field.type: the original's type. */
  type?: string;
  values?: string[];
  /** schema.named: the component's name in the original and its top-level property names. */
  component?: string;
  /**
   * operation: the path part of its effective server's URL (the operation's servers[0], else its
   * path item's, else the document's) joined with its path, normalized like `path`.
   */
  fullPath?: string;
  properties?: string[];
  /** schema.named: the nesting its shape compares, per top-level property (see `nestingOf`). */
  nesting?: Record<string, Nesting>;
}

/**
 * The nesting a shape (`shapeOf`) compares, to judge whether a sample holds it: "any" for a
 * scalar, union or untyped value; "object" for an object whose names the shape does not compare
 * (no properties, or three levels down: `{…}`); a record of property names for one whose names
 * it compares; `[items]` for an array.
 */
export type Nesting = "any" | "object" | [Nesting] | { [name: string]: Nesting };

/** Follows local `$ref`s (cycles stop after a few hops). */
function resolver(doc: Node) {
  return function deref(v: unknown, depth = 0): Node | undefined {
    if (!v || typeof v !== "object") return undefined;
    const ref = (v as Node).$ref;
    if (typeof ref !== "string" || depth > 20) return v as Node;
    if (!ref.startsWith("#/")) return undefined;
    const target = ref
      .slice(2)
      .split("/")
      .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<any>((n, k) => (n == null ? undefined : n[k]), doc);
    return deref(target, depth + 1);
  };
}
type Deref = ReturnType<typeof resolver>;

/** `/users/{id}` and `/users/{userId}` are one operation path. */
export const normalizePath = (p: string) => p.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "") || "/";

/**
 * The path part of a server URL, `{variables}` kept for normalizePath: `https://{host}/v1/{x}`
 * is `/v1/{x}`, `/v3` is `/v3`, `https://api.example.com` is "". Scheme and host (variables
 * in them too) are dropped, and so are a query and a fragment.
 */
export function serverPathOf(url: unknown): string {
  if (typeof url !== "string") return "";
  const path = url.split(/[?#]/)[0]!.replace(/^(?:[^/]*:)?\/\/[^/]*/, "");
  return (path === "" || path.startsWith("/") ? path : `/${path}`).replace(/\/+$/, "");
}

/** The first server of the first non-empty `servers` list: the operation's, its path item's, the document's. */
function effectiveServer(...lists: unknown[]): string | undefined {
  for (const list of lists) if (Array.isArray(list) && list.length > 0) return typeof list[0]?.url === "string" ? list[0].url : undefined;
  return undefined;
}

function typeOf(schema: Node | undefined, deref: Deref, depth = 0): string | undefined {
  if (!schema || depth > 10) return undefined;
  if (Array.isArray(schema.type)) return schema.type.filter((t: string) => t !== "null").sort().join("|") || undefined;
  if (typeof schema.type === "string") return schema.type;
  for (const key of ["oneOf", "anyOf"]) {
    if (Array.isArray(schema[key]) && schema[key].length === 1) return typeOf(deref(schema[key][0]), deref, depth + 1);
  }
  if (schema.properties) return "object";
  // A map (Azure's `tags: { additionalProperties: { type: string } }`) is an object without saying so.
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return "object";
  // allOf: [{ $ref: Integer }, { description }] is an integer (AWS specs write every property so).
  if (Array.isArray(schema.allOf)) {
    const types = schema.allOf.map((part: unknown) => typeOf(deref(part), deref, depth + 1)).filter((t: string | undefined) => t !== undefined);
    if (types.length > 0) return types.includes("object") ? "object" : types[0];
  }
  if (schema.items) return "array";
  return undefined;
}

function enumValues(schema: Node | undefined): string[] | undefined {
  const values = schema?.enum ?? (schema?.items as Node | undefined)?.enum;
  return Array.isArray(values) && values.length > 0 ? values.map(String).sort() : undefined;
}

/**
 * Top-level properties of an object schema (allOf merged), with their required flags. A
 * request leaves out readOnly properties and a response writeOnly ones (OpenAPI 3.0 §4.7.24):
 * they are not part of that message, so no exporter carries them.
 */
function propertiesOf(schema: Node | undefined, deref: Deref, skip: "readOnly" | "writeOnly" | undefined, depth = 0): [string, Node | undefined, boolean][] {
  if (!schema || depth > 5) return [];
  const out: [string, Node | undefined, boolean][] = [];
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const resolved = deref(prop);
    if (skip && resolved?.[skip] === true) continue;
    out.push([name, resolved, required.has(name)]);
  }
  for (const part of schema.allOf ?? []) {
    for (const [name, prop, req] of propertiesOf(deref(part), deref, skip, depth + 1)) out.push([name, prop, req || required.has(name)]);
  }
  return out;
}

/**
 * A schema's shape with every name but property names left out: `{id:number,tags:[string]}`.
 * integer and number are one (a sample cannot tell 2 from 2.0); enums, formats, required flags
 * and descriptions are ignored; nesting is compared three levels down.
 */
export function shapeOf(schema: Node | undefined, deref: Deref, depth = 0): string {
  const s = deref(schema);
  if (!s) return "any";
  if ((s.oneOf?.length ?? 0) > 1 || (s.anyOf?.length ?? 0) > 1) return "union";
  const type = typeOf(s, deref)?.replace(/integer/g, "number");
  if (type === "object") {
    const props = propertiesOf(s, deref, undefined);
    if (props.length === 0) return "object";
    if (depth >= 3) return "{…}";
    const fields = [...new Map(props.map(([n, p]) => [n, p])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([n, p]) => `${JSON.stringify(n)}:${shapeOf(p, deref, depth + 1)}`).join(",")}}`;
  }
  if (type === "array") return `[${shapeOf(itemsOf(s, deref), deref, depth + 1)}]`;
  return type ?? "any";
}

/** An array schema's items, also through the wrappers typeOf looks through (AWS: `allOf: [{ $ref: <array> }, { description }]`). */
function itemsOf(s: Node, deref: Deref, depth = 0): Node | undefined {
  if (s.items !== undefined || depth > 10) return s.items;
  for (const key of ["oneOf", "anyOf"]) {
    if (Array.isArray(s[key]) && s[key].length === 1) return itemsOf(deref(s[key][0]) ?? {}, deref, depth + 1);
  }
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
    const items = itemsOf(deref(part) ?? {}, deref, depth + 1);
    if (items !== undefined) return items;
  }
  return undefined;
}

/** The nesting `shapeOf` compares, built by the same steps (same depth, same types). */
export function nestingOf(schema: Node | undefined, deref: Deref, depth = 0): Nesting {
  const s = deref(schema);
  if (!s) return "any";
  if ((s.oneOf?.length ?? 0) > 1 || (s.anyOf?.length ?? 0) > 1) return "any";
  const type = typeOf(s, deref);
  if (type === "object") {
    const props = propertiesOf(s, deref, undefined);
    if (props.length === 0 || depth >= 3) return "object";
    // fromEntries: a `__proto__` property is an own key like any other.
    return Object.fromEntries([...new Map(props.map(([n, p]) => [n, p]))].map(([n, p]) => [n, nestingOf(p, deref, depth + 1)]));
  }
  if (type === "array") return [nestingOf(itemsOf(s, deref), deref, depth + 1)];
  return "any";
}

/** Names of the components reachable from the document's paths (through any `$ref`). */
function reachableSchemas(doc: Node): Set<string> {
  const seen = new Set<string>();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") {
        const m = /^#\/components\/schemas\/([^/]+)$/.exec(x);
        const name = m ? decodeURIComponent(m[1]!).replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
        if (name !== undefined && !seen.has(name)) {
          seen.add(name);
          visit(doc.components?.schemas?.[name]);
        }
      } else visit(x);
    }
  };
  visit(doc.paths);
  return seen;
}

/**
 * All facts of a document, keyed so two documents can be compared. `role` "original" counts
 * only the components an operation uses; "recovered" offers every component for matching.
 */
export function factsOf(doc: Node, role: "original" | "recovered" = "original"): Fact[] {
  const deref = resolver(doc);
  const facts: Fact[] = [];
  const rootSecurity = doc.security;
  const schemes: Node = doc.components?.securitySchemes ?? {};
  for (const [rawPath, rawItem] of Object.entries<Node>(doc.paths ?? {})) {
    const item = deref(rawItem) ?? {};
    // Some specs write a query string into the path (`/alerts?lat={lat}`), which OpenAPI does not
    // allow; its "path" parameters are query parameters on the wire, and that is what counts.
    const [rawPathPart, queryPart = ""] = rawPath.split("?") as [string, string?];
    const queryInPath = new Set([...queryPart.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
    const path = normalizePath(rawPathPart);
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op || typeof op !== "object") continue;
      const id = `${method.toUpperCase()} ${path}`;
      const at = { method: method.toUpperCase(), path };
      const fullPath = normalizePath(serverPathOf(effectiveServer(op.servers, item.servers, doc.servers)) + rawPathPart);
      facts.push({ kind: "operation", key: id, ...at, fullPath });
      const params = new Map<string, Node>();
      for (const raw of [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const p = deref(raw);
        if (!p?.name || !p.in || p.in === "cookie") continue;
        if (p.in === "header" && IGNORED_HEADERS.has(String(p.name).toLowerCase())) continue;
        const where = p.in === "path" && queryInPath.has(p.name) ? "query" : p.in;
        params.set(`${where}:${p.name}`, { ...p, in: where });
      }
      for (const [key, p] of params) {
        const pid = `${id} ${key}`;
        const where = { ...at, in: String(p.in), name: String(p.name) };
        const required = p.in === "path" || p.required === true;
        facts.push({ kind: "parameter", key: pid, ...where });
        facts.push({ kind: "parameter.required", key: `${pid} ${required}`, ...where, required });
        const schema = deref(p.schema) ?? (p.content ? deref(Object.values<Node>(p.content)[0]?.schema) : undefined);
        const type = typeOf(schema, deref);
        if (type) facts.push({ kind: "parameter.type", key: `${pid} ${type}`, ...where, type });
        const values = enumValues(schema);
        if (values) facts.push({ kind: "parameter.enum", key: `${pid} ${values.join(",")}`, ...where, values });
      }
      const body = deref(op.requestBody);
      const media = Object.keys(body?.content ?? {});
      if (media.length > 0) {
        const main = media.find((m) => /json/.test(m)) ?? media.find((m) => /form/.test(m)) ?? media[0]!;
        facts.push({ kind: "body.mediaType", key: `${id} ${main}`, ...at });
        const schema = deref(body!.content[main]?.schema);
        for (const [name, prop, required] of propertiesOf(schema, deref, "readOnly")) {
          const fid = `${id} body.${name}`;
          const where = { ...at, in: "body", name };
          facts.push({ kind: "body.field", key: fid, ...where });
          facts.push({ kind: "body.field.required", key: `${fid} ${required}`, ...where, required });
          const type = typeOf(prop, deref);
          if (type) facts.push({ kind: "body.field.type", key: `${fid} ${type}`, ...where, type });
          const values = enumValues(prop);
          if (values) facts.push({ kind: "body.field.enum", key: `${fid} ${values.join(",")}`, ...where, values });
        }
      }
      for (const [status, rawResponse] of Object.entries<Node>(op.responses ?? {})) {
        if (!/^\d{3}$/.test(status)) continue;
        facts.push({ kind: "response.status", key: `${id} ${status}`, ...at, status });
        if (!status.startsWith("2")) continue;
        const response = deref(rawResponse);
        const json = Object.entries<Node>(response?.content ?? {}).find(([m]) => /json/.test(m))?.[1];
        let schema = deref(json?.schema);
        if (schema && typeOf(schema, deref) === "array") schema = deref(schema.items);
        const seen = new Set<string>();
        for (const [name, , required] of propertiesOf(schema, deref, "writeOnly")) {
          if (seen.has(name)) continue;
          seen.add(name);
          const where = { ...at, status, name };
          facts.push({ kind: "response.field", key: `${id} ${status} ${name}`, ...where });
          facts.push({ kind: "response.field.required", key: `${id} ${status} ${name} ${required}`, ...where, required });
        }
      }
      const security: Node[] = Array.isArray(op.security) ? op.security : Array.isArray(rootSecurity) ? rootSecurity : [];
      const types = new Set<string>();
      for (const requirement of security) {
        for (const name of Object.keys(requirement ?? {})) {
          const scheme = deref(schemes[name]);
          if (!scheme) continue;
          types.add(scheme.type === "http" ? `http:${String(scheme.scheme).toLowerCase()}` : scheme.type === "apiKey" ? `apiKey:${scheme.in}:${scheme.name}` : scheme.type);
        }
      }
      for (const type of types) facts.push({ kind: "security", key: `${id} ${type}`, ...at, name: type });
    }
  }
  const components: Node = doc.components?.schemas ?? {};
  const used = role === "original" ? reachableSchemas(doc) : new Set(Object.keys(components));
  const shapes = new Set<string>();
  for (const name of Object.keys(components).sort()) {
    if (!used.has(name)) continue;
    const schema = deref(components[name]);
    const properties = propertiesOf(schema, deref, undefined).map(([n]) => n);
    if (properties.length === 0 || (schema?.oneOf?.length ?? 0) > 1 || (schema?.anyOf?.length ?? 0) > 1) continue;
    const shape = shapeOf(schema, deref);
    // Two components of one shape are one fact: a converter can only recover the shape once.
    if (shapes.has(shape)) continue;
    shapes.add(shape);
    const nesting = nestingOf(schema, deref);
    facts.push({ kind: "schema.named", key: shape, component: name, properties: [...new Set(properties)], ...(typeof nesting === "object" && !Array.isArray(nesting) ? { nesting } : {}) });
  }
  return facts;
}

/** Counts of one kind of fact (or of all): in the original, recovered, carried by the collection, both. */
export interface Tally {
  total: number;
  recovered: number;
  carried: number;
  carriedRecovered: number;
}

export interface Score extends Tally {
  byKind: Partial<Record<FactKind, Tally>>;
  /** Required flags the converter set where the original says the field is optional. */
  invented: Partial<Record<"parameter.required" | "body.field.required" | "response.field.required", number>>;
  /**
   * Enums the converter gave a parameter or body field that the original has with no enum, or
   * with an enum that lacks one of the converter's values: a type that rejects what the
   * original accepts. Elements the original does not have are not judged.
   */
  inventedEnums: Partial<Record<"parameter.enum" | "body.field.enum", number>>;
  /**
   * Enums whose values the collection states in description prose (not only in a note); `own`:
   * those whose parameter's or form field's own description has every value.
   */
  prose: { total: number; recovered: number; ownTotal: number; ownRecovered: number };
  /** Facts the collection carries that the converter lost, with the original's fact. */
  lost: Fact[];
  /** The original's optional flags that the converter made required, then the converter's invented enums (its own facts). */
  inventedFacts: Fact[];
}

/** Whether the collection carries a fact, and (for an enum) whether its values are in prose. */
export type Evidence = (fact: Fact) => { carried: boolean; prose?: boolean; proseOwn?: boolean };

const emptyTally = (): Tally => ({ total: 0, recovered: 0, carried: 0, carriedRecovered: 0 });
const REQUIRED_KINDS = new Set(["parameter.required", "body.field.required", "response.field.required"]);

/** One parameter or body field, whatever is said of it: `POST /meetings/{} query type`. */
const elementOf = (f: Fact) => `${f.method} ${f.path} ${f.in} ${f.name}`;

/**
 * A recovered operation whose method and relative path match no original operation, but whose
 * full path (`fullPath`) is that of exactly one original operation of its method, is that
 * operation: a converter that reads full URLs puts a server's path in the operation's path
 * (`/anything/{subpath}/path` on `https://httpbin.com` for `/path` on
 * `https://httpbin.com/anything/{subpath}`), which is the same HTTP endpoint. Only when the
 * original operation is matched by no recovered operation's relative path, and by only this one
 * recovered operation's full path. Returns the recovered `METHOD path` → the original's path.
 */
export function matchByFullPath(originalFacts: Fact[], recoveredFacts: Fact[]): Map<string, string> {
  const ops = (facts: Fact[]) => facts.filter((f) => f.kind === "operation" && f.method && f.path !== undefined);
  const originalRelative = new Set(ops(originalFacts).map((f) => `${f.method} ${f.path}`));
  const recoveredRelative = new Set(ops(recoveredFacts).map((f) => `${f.method} ${f.path}`));
  const byFull = new Map<string, Fact[]>();
  for (const f of ops(originalFacts)) if (f.fullPath !== undefined) byFull.set(`${f.method} ${f.fullPath}`, [...(byFull.get(`${f.method} ${f.fullPath}`) ?? []), f]);
  const claims = new Map<string, string[]>();
  for (const f of ops(recoveredFacts)) {
    const relative = `${f.method} ${f.path}`;
    if (originalRelative.has(relative) || f.fullPath === undefined) continue;
    const candidates = byFull.get(`${f.method} ${f.fullPath}`) ?? [];
    if (candidates.length !== 1) continue;
    const target = `${f.method} ${candidates[0]!.path}`;
    if (recoveredRelative.has(target)) continue;
    claims.set(target, [...(claims.get(target) ?? []), relative]);
  }
  const out = new Map<string, string>();
  for (const [target, from] of claims) if (from.length === 1) out.set(from[0]!, target.slice(target.indexOf(" ") + 1));
  return out;
}

/** The facts of operations matched by full path, keyed under the original operation's path. */
export function rekeyByFullPath(originalFacts: Fact[], recoveredFacts: Fact[]): Fact[] {
  const moves = matchByFullPath(originalFacts, recoveredFacts);
  if (moves.size === 0) return recoveredFacts;
  return recoveredFacts.map((f) => {
    const from = `${f.method} ${f.path}`;
    const path = f.method ? moves.get(from) : undefined;
    if (path === undefined || !(f.key === from || f.key.startsWith(`${from} `))) return f;
    return { ...f, path, key: `${f.method} ${path}${f.key.slice(from.length)}` };
  });
}

/** The share of the original's facts that the recovered document states too. */
export function scoreRecovery(original: Node, recovered: Node | undefined, evidence: Evidence = () => ({ carried: true }), originalFacts = factsOf(original)): Score {
  const recoveredFacts = recovered ? rekeyByFullPath(originalFacts, factsOf(recovered, "recovered")) : [];
  const have = new Set(recoveredFacts.map((f) => `${f.kind} ${f.key}`));
  const score: Score = { ...emptyTally(), byKind: {}, invented: {}, inventedEnums: {}, prose: { total: 0, recovered: 0, ownTotal: 0, ownRecovered: 0 }, lost: [], inventedFacts: [] };
  for (const fact of originalFacts) {
    const hit = have.has(`${fact.kind} ${fact.key}`);
    const { carried, prose, proseOwn } = evidence(fact);
    const tally = (score.byKind[fact.kind] ??= emptyTally());
    for (const t of [score, tally]) {
      t.total++;
      if (hit) t.recovered++;
      if (carried) t.carried++;
      if (carried && hit) t.carriedRecovered++;
    }
    if (carried && !hit) score.lost.push(fact);
    if (prose) {
      score.prose.total++;
      if (hit) score.prose.recovered++;
      if (proseOwn) score.prose.ownTotal++;
      if (proseOwn && hit) score.prose.ownRecovered++;
    }
    if (REQUIRED_KINDS.has(fact.kind) && fact.required === false && have.has(`${fact.kind} ${fact.key.replace(/ false$/, " true")}`)) {
      const kind = fact.kind as keyof Score["invented"];
      score.invented[kind] = (score.invented[kind] ?? 0) + 1;
      score.inventedFacts.push(fact);
    }
  }
  // The original's elements (a parameter, a body field) and the enum values it gives each.
  const elements = new Set(originalFacts.filter((f) => f.kind === "parameter" || f.kind === "body.field").map(elementOf));
  const originalEnums = new Map(originalFacts.filter((f) => f.kind === "parameter.enum" || f.kind === "body.field.enum").map((f) => [`${f.kind} ${elementOf(f)}`, new Set(f.values)]));
  for (const fact of recoveredFacts) {
    if (fact.kind !== "parameter.enum" && fact.kind !== "body.field.enum") continue;
    if (!elements.has(elementOf(fact))) continue;
    const allowed = originalEnums.get(`${fact.kind} ${elementOf(fact)}`);
    if (allowed && (fact.values ?? []).every((v) => allowed.has(v))) continue;
    score.inventedEnums[fact.kind] = (score.inventedEnums[fact.kind] ?? 0) + 1;
    score.inventedFacts.push(fact);
  }
  return score;
}
