/**
 * The facts an OpenAPI document states, as flat strings, so that what a converter recovers
 * can be counted against the original. One fact per: operation (method + path); parameter
 * (name + in), its required flag, type and enum; request body media type; body field (name),
 * its required flag, type and enum; response status code; field of a JSON 2xx response;
 * security scheme type of an operation.
 */

type Node = Record<string, any>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const IGNORED_HEADERS = new Set(["content-type", "accept", "authorization"]);

export type FactKind = "operation" | "parameter" | "parameter.required" | "parameter.type" | "parameter.enum" | "body.mediaType" | "body.field" | "body.field.required" | "body.field.type" | "body.field.enum" | "response.status" | "response.field" | "security";

export interface Fact {
  kind: FactKind;
  key: string;
}

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

/** `/users/{id}` and `/users/{userId}` are one operation path. */
const normalizePath = (p: string) => p.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "") || "/";

function typeOf(schema: Node | undefined, deref: (v: unknown) => Node | undefined): string | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.type)) return schema.type.filter((t: string) => t !== "null").sort().join("|") || undefined;
  if (typeof schema.type === "string") return schema.type;
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(schema[key]) && schema[key].length === 1) return typeOf(deref(schema[key][0]), deref);
  }
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

function enumOf(schema: Node | undefined): string | undefined {
  const values = schema?.enum ?? (schema?.items as Node | undefined)?.enum;
  return Array.isArray(values) && values.length > 0 ? values.map(String).sort().join(",") : undefined;
}

/**
 * Top-level properties of an object schema (allOf merged), with their required flags. A
 * request leaves out readOnly properties and a response writeOnly ones (OpenAPI 3.0 §4.7.24):
 * they are not part of that message, so no exporter carries them.
 */
function propertiesOf(schema: Node | undefined, deref: (v: unknown) => Node | undefined, skip: "readOnly" | "writeOnly", depth = 0): [string, Node | undefined, boolean][] {
  if (!schema || depth > 5) return [];
  const out: [string, Node | undefined, boolean][] = [];
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const resolved = deref(prop);
    if (resolved?.[skip] === true) continue;
    out.push([name, resolved, required.has(name)]);
  }
  for (const part of schema.allOf ?? []) {
    for (const [name, prop, req] of propertiesOf(deref(part), deref, skip, depth + 1)) out.push([name, prop, req || required.has(name)]);
  }
  return out;
}

/** All facts of a document, keyed so two documents can be compared. */
export function factsOf(doc: Node): Fact[] {
  const deref = resolver(doc);
  const facts: Fact[] = [];
  const add = (kind: FactKind, key: string) => facts.push({ kind, key });
  const rootSecurity = doc.security;
  const schemes: Node = doc.components?.securitySchemes ?? {};
  for (const [rawPath, rawItem] of Object.entries<Node>(doc.paths ?? {})) {
    const item = deref(rawItem) ?? {};
    // Some specs write a query string into the path (`/alerts?lat={lat}`), which OpenAPI does not
    // allow; its "path" parameters are query parameters on the wire, and that is what counts.
    const [path, queryPart = ""] = rawPath.split("?") as [string, string?];
    const queryInPath = new Set([...queryPart.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const id = `${method.toUpperCase()} ${normalizePath(path)}`;
      add("operation", id);
      const params = new Map<string, Node>();
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = deref(raw);
        if (!p?.name || !p.in || p.in === "cookie") continue;
        if (p.in === "header" && IGNORED_HEADERS.has(String(p.name).toLowerCase())) continue;
        const where = p.in === "path" && queryInPath.has(p.name) ? "query" : p.in;
        params.set(`${where}:${p.name}`, { ...p, in: where });
      }
      for (const [key, p] of params) {
        const pid = `${id} ${key}`;
        add("parameter", pid);
        add("parameter.required", `${pid} ${p.in === "path" || p.required === true}`);
        const schema = deref(p.schema) ?? (p.content ? deref(Object.values<Node>(p.content)[0]?.schema) : undefined);
        const type = typeOf(schema, deref);
        if (type) add("parameter.type", `${pid} ${type}`);
        const values = enumOf(schema);
        if (values) add("parameter.enum", `${pid} ${values}`);
      }
      const body = deref(op.requestBody);
      const media = Object.keys(body?.content ?? {});
      if (media.length > 0) {
        const main = media.find((m) => /json/.test(m)) ?? media.find((m) => /form/.test(m)) ?? media[0]!;
        add("body.mediaType", `${id} ${main}`);
        const schema = deref(body!.content[main]?.schema);
        for (const [name, prop, required] of propertiesOf(schema, deref, "readOnly")) {
          const fid = `${id} body.${name}`;
          add("body.field", fid);
          add("body.field.required", `${fid} ${required}`);
          const type = typeOf(prop, deref);
          if (type) add("body.field.type", `${fid} ${type}`);
          const values = enumOf(prop);
          if (values) add("body.field.enum", `${fid} ${values}`);
        }
      }
      for (const [status, rawResponse] of Object.entries<Node>(op.responses ?? {})) {
        if (!/^\d{3}$/.test(status)) continue;
        add("response.status", `${id} ${status}`);
        if (!status.startsWith("2")) continue;
        const response = deref(rawResponse);
        const json = Object.entries<Node>(response?.content ?? {}).find(([m]) => /json/.test(m))?.[1];
        let schema = deref(json?.schema);
        if (schema && typeOf(schema, deref) === "array") schema = deref(schema.items);
        for (const [name] of propertiesOf(schema, deref, "writeOnly")) add("response.field", `${id} ${status} ${name}`);
      }
      const security: Node[] = op.security ?? rootSecurity ?? [];
      const types = new Set<string>();
      for (const requirement of security) {
        for (const name of Object.keys(requirement)) {
          const scheme = deref(schemes[name]);
          if (!scheme) continue;
          types.add(scheme.type === "http" ? `http:${String(scheme.scheme).toLowerCase()}` : scheme.type === "apiKey" ? `apiKey:${scheme.in}:${scheme.name}` : scheme.type);
        }
      }
      for (const type of types) add("security", `${id} ${type}`);
    }
  }
  return facts;
}

export interface Score {
  total: number;
  recovered: number;
  byKind: Partial<Record<FactKind, [number, number]>>;
  missing: string[];
}

/** The share of the original's facts that the recovered document states too. */
export function scoreRecovery(original: Node, recovered: Node | undefined): Score {
  const want = factsOf(original);
  const have = new Set(recovered ? factsOf(recovered).map((f) => `${f.kind} ${f.key}`) : []);
  const score: Score = { total: want.length, recovered: 0, byKind: {}, missing: [] };
  for (const fact of want) {
    const hit = have.has(`${fact.kind} ${fact.key}`);
    const entry = (score.byKind[fact.kind] ??= [0, 0]);
    entry[1]++;
    if (hit) {
      entry[0]++;
      score.recovered++;
    } else {
      score.missing.push(`${fact.kind} ${fact.key}`);
    }
  }
  return score;
}
