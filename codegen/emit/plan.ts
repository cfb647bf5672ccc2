/**
 * plan: an OpenAPI document → one OperationPlan per operation, everything the emitter needs
 * decided here (names, which arguments are required, how the body is serialized), so the
 * emitter only prints. Works on any OpenAPI 3 document, not only ours: `$ref`s are followed.
 */
import { camelCase, kebabCase, pascalCase } from "../naming.js";
import {
  HTTP_METHODS,
  type Encoding,
  type HttpMethod,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type RequestBody,
  type Response,
  type Schema,
  type SecurityScheme,
} from "../openapi.js";

/** How one multipart field goes on the wire (RFC 7578): text, one part of JSON text, or file parts. */
export type FormPart = "text" | "json" | "file";

/** A field's wire form plus what its `encoding` entry adds (OpenAPI Encoding Object). */
export interface FieldPlan {
  part: FormPart;
  contentType?: string;
  style?: string;
  explode?: boolean;
}

export type BodyKind = "json" | "multipart" | "urlencoded" | "binary" | "text";

export interface BodyPlan {
  mediaType: string;
  kind: BodyKind;
  required: boolean;
  /** For multipart and urlencoded bodies: each documented field's serialization, in schema order. */
  parts?: Record<string, FormPart | FieldPlan>;
}

export interface OperationPlan {
  functionName: string;
  argsTypeName: string;
  /** `operations["id"]` when the operation has an id, else `paths["/p"]["get"]`. */
  typeRef: string;
  method: HttpMethod;
  path: string;
  /** The file the function goes into, from its first tag. */
  module: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Parameter groups that exist, and whether the group is required (has a required member). */
  params: Partial<Record<"path" | "query" | "header", { required: boolean }>>;
  body?: BodyPlan;
  /** How to read a 2xx body that is not JSON. */
  parseAs?: "text" | "blob";
  /** The operation's own security alternatives, when it overrides the document's. */
  security?: string[][];
  /** Token pagination: the query parameter that takes the token, the response field that gives it, the items. */
  pagination?: { tokenParam: string; tokenField: string; itemsField?: string; pagesName: string; itemsName: string };
}

/** What the runtime needs of a security scheme. */
export type SchemePlan = { type: "bearer"; /** Not in the spec: it declares no scheme. */ implied?: boolean } | { type: "basic" } | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

export interface SdkPlan {
  defaultBaseUrl: string;
  operations: OperationPlan[];
  schemes: Record<string, SchemePlan>;
  /** The document's security alternatives (what operations without their own use). */
  security: string[][];
  /** An OAuth 2 token URL, for the client-credentials helper. */
  tokenUrl?: string;
}

const RESERVED_NAMES = [
  "createClient",
  "defaultBaseUrl",
  "ApiClient",
  "CallOptions",
  "ClientOptions",
  "TokenSource",
  "toFormData",
  "toUrlEncoded",
  "withContentType",
  "rawBody",
  "paths",
  "operations",
  "components",
];

type Ref = { $ref: string };
const isRef = (v: unknown): v is Ref => typeof v === "object" && v !== null && "$ref" in v;

/** Plans the SDK of a document, operations in document order. */
export function planSdk(document: OpenApiDocument): SdkPlan {
  const deref = <T>(v: T | Ref): T => {
    let current: unknown = v;
    for (let depth = 0; isRef(current) && depth < 20; depth++) {
      const parts = current.$ref.replace(/^#\//, "").split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
      current = parts.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
    }
    return current as T;
  };
  const operations: OperationPlan[] = [];
  // Names the SDK's modules already use: an operation may not shadow them.
  const taken = new Set(RESERVED_NAMES);
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item as { parameters?: (Parameter | Ref)[] }).parameters ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      let functionName = camelCase(op.operationId ?? `${method} ${path.replace(/[{}]/g, " ")}`);
      for (let n = 2; taken.has(functionName); n++) functionName = `${camelCase(op.operationId ?? `${method} ${path}`)}${n}`;
      taken.add(functionName);
      const parameters = [...shared, ...(op.parameters ?? [])].map((p) => deref<Parameter>(p));
      const params: OperationPlan["params"] = {};
      for (const where of ["path", "query", "header"] as const) {
        const group = parameters.filter((p) => p.in === where);
        if (group.length > 0) params[where] = { required: group.some((p) => p.required === true) };
      }
      const plan: OperationPlan = {
        functionName,
        argsTypeName: `${pascalCase(functionName)}Args`,
        typeRef: op.operationId ? `operations[${JSON.stringify(op.operationId)}]` : `paths[${JSON.stringify(path)}][${JSON.stringify(method)}]`,
        method,
        path,
        module: kebabCase(op.tags?.[0] ?? "default"),
        deprecated: op.deprecated === true,
        params,
      };
      if (op.summary) plan.summary = op.summary;
      if (op.description) plan.description = op.description;
      const body = op.requestBody ? planBody(deref<RequestBody>(op.requestBody), deref) : undefined;
      if (body) plan.body = body;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status)).map(([, r]) => deref<Response>(r));
      const media = success.flatMap((r) => Object.keys(r.content ?? {}));
      if (media.length > 0 && !media.some((m) => /json/.test(m))) plan.parseAs = media.every((m) => /^text\//.test(m)) ? "text" : "blob";
      if (op.security) plan.security = op.security.map((r) => Object.keys(r));
      const pagination = method === "get" ? planPagination(parameters, success, deref) : undefined;
      if (pagination) plan.pagination = pagination;
      operations.push(plan);
    }
  }
  // Paginators are named after their operation, once every operation has its name.
  for (const op of operations) {
    if (!op.pagination) continue;
    const unique = (base: string) => {
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
      taken.add(name);
      return name;
    };
    op.pagination.pagesName = unique(`${op.functionName}Pages`);
    op.pagination.itemsName = unique(`${op.functionName}Items`);
  }
  const schemes: Record<string, SchemePlan> = {};
  let tokenUrl: string | undefined;
  for (const [name, raw] of Object.entries(document.components?.securitySchemes ?? {})) {
    const scheme = deref<SecurityScheme>(raw);
    if (scheme.type === "apiKey") schemes[name] = { type: "apiKey", in: scheme.in, name: scheme.name };
    else if (scheme.type === "http" && scheme.scheme.toLowerCase() === "basic") schemes[name] = { type: "basic" };
    else if (scheme.type === "http" && scheme.scheme.toLowerCase() !== "bearer") continue;
    else schemes[name] = { type: "bearer" };
    if (scheme.type === "oauth2" && !tokenUrl) {
      const flows = scheme.flows;
      tokenUrl = flows.clientCredentials?.tokenUrl ?? flows.authorizationCode?.tokenUrl ?? flows.password?.tokenUrl;
    }
  }
  let security = (document.security ?? []).map((r) => Object.keys(r));
  if (Object.keys(document.components?.securitySchemes ?? {}).length === 0) {
    // A spec that declares no scheme at all (GitHub's) still takes a token: a caller who passes
    // `auth` expects it sent, not silently dropped. Operations that say `security: []` get none.
    schemes[IMPLIED_BEARER] = { type: "bearer", implied: true };
    security = [[IMPLIED_BEARER]];
  }
  return { defaultBaseUrl: defaultBaseUrl(document), operations, schemes, security, ...(tokenUrl ? { tokenUrl } : {}) };
}

/** The scheme an SDK sends `auth` with when its spec declares none. */
const IMPLIED_BEARER = "bearer";

const TOKEN_PARAMS = /^(next_?page_?token|page_?token|nextPageToken|pageToken|cursor|next_?cursor)$/i;

/**
 * A GET whose query takes a page token and whose JSON response gives the next one (Zoom:
 * `next_page_token`) can be paged; its items are the response's first array property.
 */
function planPagination(parameters: Parameter[], success: Response[], deref: <T>(v: T | Ref) => T): OperationPlan["pagination"] {
  const tokenParam = parameters.find((p) => p.in === "query" && TOKEN_PARAMS.test(p.name))?.name;
  if (!tokenParam) return undefined;
  for (const response of success) {
    const json = Object.entries(response.content ?? {}).find(([m]) => /json/.test(m))?.[1];
    const schema = json?.schema ? deref<Schema>(json.schema) : undefined;
    const properties = Object.entries(schema?.properties ?? {}).map(([name, s]): [string, Schema] => [name, deref<Schema>(s)]);
    const tokenField = properties.find(([name, s]) => TOKEN_PARAMS.test(name) && s.type === "string")?.[0];
    if (!tokenField) continue;
    const itemsField = properties.find(([, s]) => s.type === "array")?.[0];
    // Names are given once every operation is named (see planSdk).
    return { tokenParam, tokenField, ...(itemsField ? { itemsField } : {}), pagesName: "", itemsName: "" };
  }
  return undefined;
}

const KIND_ORDER: [RegExp, BodyKind][] = [
  [/^application\/(.+\+)?json$/, "json"],
  [/^multipart\//, "multipart"],
  [/^application\/x-www-form-urlencoded$/, "urlencoded"],
  [/^text\//, "text"],
  [/.*/, "binary"],
];

/** The body the SDK sends: JSON when the operation accepts it, else the first form, else the first. */
function planBody(body: RequestBody, deref: <T>(v: T | Ref) => T): BodyPlan | undefined {
  const media = Object.keys(body.content);
  const kindOf = (m: string) => KIND_ORDER.find(([re]) => re.test(m))![1];
  const mediaType = media.find((m) => kindOf(m) === "json") ?? media.find((m) => kindOf(m) === "multipart") ?? media[0];
  if (mediaType === undefined) return undefined;
  const kind = kindOf(mediaType);
  const plan: BodyPlan = { mediaType, kind, required: body.required === true };
  if (kind === "multipart" || kind === "urlencoded") {
    const content = body.content[mediaType]!;
    const schema = content.schema ? deref<Schema>(content.schema) : undefined;
    plan.parts = formParts(schema, content.encoding ?? {}, deref);
  }
  return plan;
}

/**
 * Each field's wire form, from its schema and `encoding`: binary strings (or arrays of them)
 * are files; objects, arrays of objects and anything whose encoding says JSON are one part of
 * JSON text; the rest is text (arrays of primitives as repeated parts).
 */
function formParts(schema: Schema | undefined, encoding: Record<string, Encoding>, deref: <T>(v: T | Ref) => T): Record<string, FormPart | FieldPlan> {
  const parts: Record<string, FormPart | FieldPlan> = {};
  for (const [name, raw] of Object.entries(schema?.properties ?? {})) {
    const property = deref<Schema>(raw);
    const items = property.items ? deref<Schema>(property.items) : undefined;
    const e = encoding[name] ?? {};
    const contentType = e.contentType ?? "";
    const part: FormPart =
      property.format === "binary" || items?.format === "binary"
        ? "file"
        : /json/.test(contentType) || (property.type === "object" && e.style !== "deepObject") || items?.type === "object" || items?.type === "array"
          ? "json"
          : "text";
    // Only what changes the wire beyond the part kind is written out: a JSON part's
    // contentType is already said by "json", a text part's text/plain is the default.
    const extra: Omit<FieldPlan, "part"> = {};
    if (contentType && part !== "json" && !/^text\/plain$/i.test(contentType)) extra.contentType = contentType;
    if (e.style) extra.style = e.style;
    if (e.explode !== undefined) extra.explode = e.explode;
    parts[name] = Object.keys(extra).length > 0 ? { part, ...extra } : part;
  }
  return parts;
}

function defaultBaseUrl(document: OpenApiDocument): string {
  const server = document.servers?.[0];
  if (!server) return "";
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole).replace(/\/+$/, "");
}
