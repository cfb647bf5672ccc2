/**
 * plan: an OpenAPI document → one OperationPlan per operation, everything the emitter needs
 * decided here (names, which arguments are required, how the body is serialized), so the
 * emitter only prints. Works on any OpenAPI 3 document, not only ours: `$ref`s are followed.
 */
import type { Diagnostics } from "../diagnostics.js";
import { camelCase, hasWords, isIdentifier, moduleName, moduleScope, NameScope, OBJECT_PROTOTYPE_NAMES, pascalCase } from "../naming.js";
import { usableOperationIds } from "./canonical.js";
import { stringLiteral } from "./escape.js";
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
  type Server,
} from "../openapi.js";

/** How one multipart field goes on the wire (RFC 7578): text, one part of JSON text, or file parts. */
export type FormPart = "text" | "json" | "file";

/** A field's wire form plus what its `encoding` entry adds (OpenAPI Encoding Object). */
export interface FieldPlan {
  part: FormPart;
  contentType?: string;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

export type BodyKind = "json" | "multipart" | "urlencoded" | "binary" | "text";

export interface BodyPlan {
  mediaType: string;
  kind: BodyKind;
  required: boolean;
  /**
   * The Content-Type a JSON or urlencoded body is sent with, when it is not the runtime's own
   * (`application/json`, `application/x-www-form-urlencoded`): the media type as the spec writes
   * it, parameters included (`application/json; odata=minimalmetadata`, `application/merge-patch+json`).
   */
  contentType?: string;
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
  /** The file the function goes into (without `.gen.ts`), from its first tag. */
  module: string;
  /** The operation's own server (path- or operation-level `servers`), when it is not the document's. */
  baseUrl?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Parameter groups that exist, and whether the group is required (has a required member). */
  params: Partial<Record<"path" | "query" | "header", { required: boolean }>>;
  body?: BodyPlan;
  /** How to read a 2xx body that is not JSON. */
  parseAs?: "text" | "blob";
  /** The error statuses documented with a JSON body (`404`, `"4XX"`, `"default"`): the runtime gives other errors as HttpErrors. */
  errors?: (number | string)[];
  /** The idempotency header the operation declares (`Idempotency-Key`): the runtime sends one key per call in it. */
  idempotencyKey?: string;
  /** The operation's own security alternatives, when it overrides the document's. */
  security?: string[][];
  /**
   * How the operation is paged: the style, the query parameter it moves (cursor, offset, page),
   * the path of the response field that gives the next token (cursor), the path of the items
   * (empty when the response is the list).
   */
  pagination?: {
    style: "cursor" | "offset" | "page" | "link";
    param?: string;
    field?: string[];
    items?: string[];
    /** What the paginators follow, for documentation: the field's dot path, the parameter, or `Link`. */
    tokenField: string;
    pagesName: string;
    itemsName: string;
  };
}

/** What the runtime needs of a security scheme. */
export type SchemePlan =
  | { type: "bearer"; /** Not in the spec: it declares no scheme. */ implied?: boolean }
  | { type: "basic" }
  /** RFC 7616 Digest: `{ username, password }`, answered after the server's 401 challenge. */
  | { type: "digest" }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

export interface SdkPlan {
  defaultBaseUrl: string;
  operations: OperationPlan[];
  schemes: Record<string, SchemePlan>;
  /** The document's security alternatives (what operations without their own use). */
  security: string[][];
  /** An OAuth 2 token URL, for the client-credentials helper. */
  tokenUrl?: string;
  /** The environment variable that turns the SDK's logging on, named after the API: `ZOOM_SDK_LOG`. */
  logEnv: string;
  /**
   * `components/schemas` exported by name from index.ts (`Meeting` for
   * `components["schemas"]["Meeting"]`): each schema whose key is an identifier no export of
   * the SDK already has. The others stay reachable through `components`.
   */
  models: string[];
}

/**
 * Names an operation may not take: what the SDK's index exports besides the operations, what
 * the operation modules import, the parameters their functions declare (a paginator calling
 * `client(…)` would call its own parameter), and Object.prototype's members.
 */
const SDK_NAMES = new Set([
  // client.gen.ts
  "ApiClient", "Credentials", "clientCredentials", "createClient", "defaultBaseUrl", "fetchClient", "security",
  // runtime exports re-exported by index.ts
  "ApiError", "BasicCredentials", "CallOptions", "ClientOptions", "FileUpload", "Hooks", "HookRunner", "HttpError", "LogLevel", "Logger", "Logging", "logging", "Middleware", "withHooks", "RefreshableToken", "Result", "RetryOptions", "TokenSource",
  // schema.gen.ts
  "$defs", "components", "operations", "paths", "webhooks",
  // imported by the operation modules
  "call", "cursor", "encodeQuery", "idempotent", "items", "json", "link", "multipart", "offset", "pages", "raw", "urlencoded",
  // the operation functions' parameters and callbacks
  "args", "client", "init", "page", "token",
  ...OBJECT_PROTOTYPE_NAMES,
]);

/** The SDK's own files: no tag's module may take one of these names (compared without case). */
const SDK_FILES = ["client", "index", "runtime", "schema"];

/** `record[key] = value`, where a key named `__proto__` stays a key instead of setting the prototype. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

type Ref = { $ref: string };
const isRef = (v: unknown): v is Ref => typeof v === "object" && v !== null && "$ref" in v;

/** Plans the SDK of a document, operations in document order. Renamed operations are reported to `diagnostics`. */
export function planSdk(document: OpenApiDocument, diagnostics?: Diagnostics): SdkPlan {
  const deref = <T>(v: T | Ref): T => {
    let current: unknown = v;
    for (let depth = 0; isRef(current) && depth < 20; depth++) {
      const parts = current.$ref.replace(/^#\//, "").split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
      current = parts.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
    }
    return current as T;
  };
  const usable = usableOperationIds(document);
  const documentBaseUrl = baseUrlOf(document.servers);
  const modules = new Map<string, string>();
  const files = moduleScope(SDK_FILES);
  const found: { op: Operation; plan: OperationPlan }[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item as { parameters?: (Parameter | Ref)[] }).parameters ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const parameters = [...shared, ...(op.parameters ?? [])].map((p) => deref<Parameter>(p));
      const params: OperationPlan["params"] = {};
      for (const where of ["path", "query", "header"] as const) {
        const group = parameters.filter((p) => p.in === where);
        if (group.length > 0) params[where] = { required: group.some((p) => p.required === true) };
      }
      const tag = typeof op.tags?.[0] === "string" ? op.tags[0] : "default";
      const module = modules.get(moduleName(tag)) ?? files.mint(moduleName(tag), "-operations");
      modules.set(moduleName(tag), module);
      const plan: OperationPlan = {
        functionName: "",
        argsTypeName: "",
        typeRef: usable(op) ? `operations[${stringLiteral(op.operationId!)}]` : `paths[${stringLiteral(path)}][${stringLiteral(method)}]`,
        method,
        path,
        module,
        deprecated: op.deprecated === true,
        params,
      };
      const baseUrl = baseUrlOf(op.servers ?? item.servers);
      if (baseUrl !== undefined && baseUrl !== documentBaseUrl) plan.baseUrl = baseUrl;
      if (typeof op.summary === "string" && op.summary) plan.summary = op.summary;
      if (typeof op.description === "string" && op.description) plan.description = op.description;
      const body = op.requestBody ? planBody(deref<RequestBody>(op.requestBody), deref) : undefined;
      if (body) plan.body = body;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status)).map(([, r]) => deref<Response>(r));
      const media = success.flatMap((r) => Object.keys(r?.content ?? {}));
      if (media.length > 0 && !media.some((m) => /json/.test(m))) plan.parseAs = media.every((m) => /^text\//.test(m)) ? "text" : "blob";
      const errors = Object.entries(op.responses ?? {})
        .filter(([status, r]) => !/^2/.test(status) && Object.keys(deref<Response>(r)?.content ?? {}).some((m) => /json/i.test(m)))
        .map(([status]) => (/^\d{3}$/.test(status) ? Number(status) : status.toUpperCase() === "DEFAULT" ? "default" : status.toUpperCase()));
      if (errors.length > 0) plan.errors = errors;
      const keyHeader = parameters.find((p) => p.in === "header" && IDEMPOTENCY_HEADER.test(String(p.name)))?.name;
      if (keyHeader) plan.idempotencyKey = keyHeader;
      if (Array.isArray(op.security)) plan.security = op.security.map((r) => Object.keys(r));
      const pagination = method === "get" ? planPagination(op, parameters, success, deref) : undefined;
      if (pagination) plan.pagination = pagination;
      found.push({ op, plan });
    }
  }
  const scope = nameOperations(found, diagnostics);
  const models = Object.keys(document.components?.schemas ?? {}).filter((key) => isIdentifier(key) && !TYPE_KEYWORDS.has(key) && scope.isFree(key) && scope.mint(key) === key);
  const operations = found.map((f) => f.plan);
  const schemes: Record<string, SchemePlan> = {};
  let tokenUrl: string | undefined;
  for (const [name, raw] of Object.entries(document.components?.securitySchemes ?? {})) {
    const scheme = deref<SecurityScheme>(raw);
    if (!scheme || typeof scheme !== "object") continue;
    if (scheme.type === "apiKey") setOwn(schemes, name, { type: "apiKey", in: scheme.in, name: scheme.name });
    else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") setOwn(schemes, name, { type: "basic" });
    else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "digest") setOwn(schemes, name, { type: "digest" });
    else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() !== "bearer") continue;
    else setOwn(schemes, name, { type: "bearer" });
    if (scheme.type === "oauth2" && !tokenUrl) {
      const flows = scheme.flows ?? {};
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
  return { defaultBaseUrl: documentBaseUrl ?? "", operations, schemes, security, ...(tokenUrl ? { tokenUrl } : {}), logEnv: logEnvOf(document.info?.title), models };
}

/**
 * Function names: exactly the operationId when it is an identifier no one else has taken
 * (these are settled first, so an id never loses its name to an operation that only has a
 * path); otherwise the nearest readable name (Latin letters transliterated: `Ünïcödé naïve
 * café` → `unicodeNaiveCafe`; other scripts and missing ids: the method and path words), made
 * unique. A name that differs from the operationId is reported. Then each operation's `Args`
 * type and its paginators, in the same scope (TypeScript's `export *` drops a name two
 * modules both export).
 */
function nameOperations(found: { op: Operation; plan: OperationPlan }[], diagnostics: Diagnostics | undefined): NameScope {
  const scope = new NameScope(SDK_NAMES);
  const exact = (op: Operation) => typeof op.operationId === "string" && isIdentifier(op.operationId);
  for (const { op, plan } of found) {
    if (exact(op) && scope.isFree(op.operationId!)) plan.functionName = scope.mint(op.operationId!);
  }
  for (const { op, plan } of found) {
    if (plan.functionName) continue;
    const id = typeof op.operationId === "string" ? op.operationId : undefined;
    const wanted = id !== undefined && exact(op) ? id : id !== undefined && hasWords(id) ? camelCase(id) : camelCase(`${plan.method} ${plan.path.replace(/[{}]/g, " ")}`);
    plan.functionName = scope.mint(wanted, SDK_NAMES.has(wanted) ? "Operation" : "");
    if (id !== undefined && plan.functionName !== id) {
      const why = !exact(op)
        ? "is not a JavaScript identifier"
        : OBJECT_PROTOTYPE_NAMES.includes(id)
          ? "is a member of Object.prototype"
          : SDK_NAMES.has(id)
            ? "is a name the SDK itself exports or imports"
            : "is taken by another operation";
      diagnostics?.warning("renamed-operation", `the operationId ${JSON.stringify(id)} ${why}; its function is named ${plan.functionName}`, {
        pointer: `#/paths/${plan.path.replace(/~/g, "~0").replace(/\//g, "~1")}/${plan.method}/operationId`,
      });
    }
  }
  for (const { plan } of found) {
    plan.argsTypeName = scope.mint(hasWords(plan.functionName) ? `${pascalCase(plan.functionName)}Args` : `${plan.functionName}Args`);
  }
  // Paginators are named after their operation, once every operation has its name.
  for (const { plan } of found) {
    if (!plan.pagination) continue;
    plan.pagination.pagesName = scope.mint(`${plan.functionName}Pages`);
    plan.pagination.itemsName = scope.mint(`${plan.functionName}Items`);
  }
  return scope;
}

/** Names a type alias cannot have (TS2457), or should not: they are TypeScript's own types. */
const TYPE_KEYWORDS = new Set(["any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown"]);

/** Headers that carry an idempotency key (Stripe's, the IETF draft's, and their X- forms). */
const IDEMPOTENCY_HEADER = /^(x-)?idempotency-key$/i;

/** The scheme an SDK sends `auth` with when its spec declares none. */
const IMPLIED_BEARER = "bearer";

const TOKEN_PARAMS = /^(next_?page_?token|page_?token|nextPageToken|pageToken|cursor|next_?cursor|after|starting_?after|offset|page)$/i;
/** A response field that gives the next token: its own name, or under a `next…`/`paging`/`cursors` object (`next_page.offset`). */
const TOKEN_FIELDS = /^(next_?page_?token|nextPageToken|next_?cursor|nextCursor|cursor|after|offset|page_?token)$/i;
const LIMIT_PARAMS = /^(limit|per_?page|page_?size|count|size|max_?results)$/i;

/** The styles `x-pagination` may name, and what each needs. */
interface PaginationExtension {
  style?: unknown;
  param?: unknown;
  /** Where the next token is in the response: a dot path (`response_metadata.next_cursor`). */
  field?: unknown;
  /** Where the items are: a dot path; empty when the response is the list. */
  items?: unknown;
}

/**
 * How a GET is paged, when that is unambiguous (or declared by an `x-pagination` extension on
 * the operation: `{ style: cursor | offset | page | link, param, field, items }`):
 * - cursor: a token query parameter and a string field giving the next token, at any depth
 *   (Zoom's `next_page_token`, Slack's `response_metadata.next_cursor`, Asana's `next_page.offset`);
 * - offset: integer `offset` + a limit parameter; page: integer `page` + a page size;
 * - link: a 2xx response that declares a `Link` header.
 * The items are the first array property of the response (or the response, when it is an array).
 */
function planPagination(op: Operation, parameters: Parameter[], success: Response[], deref: <T>(v: T | Ref) => T): OperationPlan["pagination"] {
  const query = parameters.filter((p) => p.in === "query");
  const json = success.map((r) => Object.entries(r?.content ?? {}).find(([m]) => /json/.test(m))?.[1]).find((c) => c?.schema);
  const schema = json?.schema ? deref<Schema>(json.schema) : undefined;
  const itemsPath = schema?.type === "array" ? [] : Object.entries(schema?.properties ?? {}).find(([, s]) => deref<Schema>(s).type === "array")?.[0];
  const items = itemsPath === undefined ? undefined : typeof itemsPath === "string" ? [itemsPath] : itemsPath;
  const named = (p: Pagination): OperationPlan["pagination"] => ({
    ...p,
    ...(items && !p.items ? { items } : {}),
    tokenField: p.field ? p.field.join(".") : (p.param ?? "Link"),
    pagesName: "",
    itemsName: "",
  });
  const declared = (op as { "x-pagination"?: PaginationExtension })["x-pagination"];
  if (declared && typeof declared === "object") {
    const style = declared.style;
    const path = (v: unknown) => (typeof v === "string" ? v.split(".").filter(Boolean) : undefined);
    if (style === "link") return named({ style, ...(declared.items !== undefined ? { items: path(declared.items)! } : {}) });
    if ((style === "cursor" || style === "offset" || style === "page") && typeof declared.param === "string") {
      const field = path(declared.field);
      if (style === "cursor" && !field?.length) return undefined;
      return named({ style, param: declared.param, ...(field?.length ? { field } : {}), ...(declared.items !== undefined ? { items: path(declared.items)! } : {}) });
    }
    return undefined;
  }
  const scalar = (p: Parameter) => deref<Schema>(p.schema ?? {}).type;
  const limit = query.some((p) => LIMIT_PARAMS.test(p.name));
  for (const p of query.filter((p) => TOKEN_PARAMS.test(p.name))) {
    const field = tokenField(schema, p.name, deref);
    if (field) return named({ style: "cursor", param: p.name, field });
  }
  const integerParam = (name: RegExp) => query.find((p) => name.test(p.name) && (scalar(p) === "integer" || scalar(p) === "number"));
  const offsetParam = integerParam(/^offset$/i);
  if (offsetParam && limit && items) return named({ style: "offset", param: offsetParam.name });
  const pageParam = integerParam(/^page$/i);
  const linked = success.some((r) => Object.keys(r?.headers ?? {}).some((h) => h.toLowerCase() === "link"));
  if (linked) return named({ style: "link" });
  if (pageParam && limit && items) return named({ style: "page", param: pageParam.name });
  return undefined;
}

type Pagination = Omit<NonNullable<OperationPlan["pagination"]>, "pagesName" | "itemsName" | "tokenField">;

/** The path of the string field that gives the next token, breadth first to depth 3: a field named like the parameter or a token, alone or under a `next…` object. */
function tokenField(schema: Schema | undefined, param: string, deref: <T>(v: T | Ref) => T): string[] | undefined {
  let level: [string[], Schema][] = schema ? [[[], schema]] : [];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const below: [string[], Schema][] = [];
    for (const [path, node] of level) {
      for (const [name, raw] of Object.entries(node.properties ?? {})) {
        const s = deref<Schema>(raw);
        const here = [...path, name];
        const nested = path.some((p) => /next|paging|cursor|pagination|metadata/i.test(p));
        // A top-level `offset` or `page` is the current position, not the next one.
        const fits = TOKEN_FIELDS.test(name) && (depth === 0 ? /next|cursor|token/i.test(name) || name === param : nested || /next|cursor|token/i.test(name));
        if (s.type === "string" && fits) return here;
        if (s.type === "object" || s.properties) below.push([here, s]);
      }
    }
    level = below;
  }
  return undefined;
}

/**
 * What a media type's body is, judged by its essence (type/subtype, lower case, parameters
 * off: RFC 9110 §8.3.1): `application/json; odata=minimalmetadata` and
 * `application/merge-patch+json` are JSON, `application/x-www-form-urlencoded; charset=UTF-8` a form.
 */
const KIND_ORDER: [RegExp, BodyKind][] = [
  [/^[^/]+\/([^/]*\+)?json$/, "json"],
  [/^multipart\//, "multipart"],
  [/^application\/x-www-form-urlencoded$/, "urlencoded"],
  [/^text\//, "text"],
  [/.*/, "binary"],
];

/** The kind of body a media type gives, by its essence. */
const kindOf = (mediaType: string): BodyKind => {
  const essence = mediaType.split(";")[0]!.trim().toLowerCase();
  return KIND_ORDER.find(([re]) => re.test(essence))![1];
};

/** `application/json` itself, in any case and without parameters: what the runtime sends by default. */
const isPlainJson = (mediaType: string) => /^application\/json$/i.test(mediaType);

/** `application/json` by its essence: with parameters too (`; charset=utf-8`, `; odata=minimalmetadata`). */
const isJsonEssence = (mediaType: string) => isPlainJson(mediaType.split(";")[0]!.trim());

/** A urlencoded media type whose only parameter says UTF-8, which is what the runtime writes (URLSearchParams). */
const UTF8_FORM = /^[^;]+;[ \t]*charset=("?)utf-8\1[ \t]*$/i;

/**
 * The body the SDK sends: JSON when the operation accepts it (plain `application/json` first,
 * then `application/json` with parameters: Swashbuckle lists `application/json-patch+json`
 * before it on every operation, and an ASP.NET server reads that type as a JSON Patch document;
 * then a type that is not a range such as `application/*+json`), else the first form, else the first.
 */
function planBody(body: RequestBody, deref: <T>(v: T | Ref) => T): BodyPlan | undefined {
  const media = Object.keys(body.content);
  const json = media.filter((m) => kindOf(m) === "json");
  const mediaType = json.find(isPlainJson) ?? json.find(isJsonEssence) ?? json.find((m) => !m.includes("*")) ?? json[0] ?? media.find((m) => kindOf(m) === "multipart") ?? media[0];
  if (mediaType === undefined) return undefined;
  const kind = kindOf(mediaType);
  const plan: BodyPlan = { mediaType, kind, required: body.required === true };
  // The server asked for this Content-Type, parameters and all (a range is no Content-Type: then
  // plain JSON's). A multipart body's is never the spec's (its boundary is the runtime's), and a
  // form's charset only when it is the runtime's UTF-8.
  if (kind === "json" && !isPlainJson(mediaType) && !mediaType.includes("*")) plan.contentType = mediaType;
  if (kind === "urlencoded" && UTF8_FORM.test(mediaType)) plan.contentType = mediaType;
  if (kind === "multipart" || kind === "urlencoded") {
    const content = body.content[mediaType]!;
    const schema = content.schema ? deref<Schema>(content.schema) : undefined;
    plan.parts = formParts(schema, content.encoding ?? {}, kind, deref);
  }
  return plan;
}

/**
 * Each field's wire form, from its schema and `encoding`, in the order the parts are sent:
 * binary strings (or arrays of them) are files; arrays of objects and anything whose encoding
 * says JSON are one part of JSON text, and so are objects in multipart; the rest is text
 * (arrays of primitives as repeated parts; urlencoded objects by their style, `form` by default).
 */
function formParts(schema: Schema | undefined, encoding: Record<string, Encoding>, kind: BodyKind, deref: <T>(v: T | Ref) => T): Record<string, FormPart | FieldPlan> {
  const parts: Record<string, FormPart | FieldPlan> = {};
  const files: [string, FormPart | FieldPlan][] = [];
  for (const [name, raw] of Object.entries(schema?.properties ?? {})) {
    const property = deref<Schema>(raw);
    const items = property.items ? deref<Schema>(property.items) : undefined;
    const e = encoding[name] ?? {};
    const contentType = e.contentType ?? "";
    const part: FormPart =
      isFileSchema(property as Record<string, unknown>) || (items !== undefined && isFileSchema(items as Record<string, unknown>))
        ? "file"
        : /json/.test(contentType) || (kind === "multipart" && property.type === "object") || items?.type === "object" || items?.type === "array"
          ? "json"
          : "text";
    // Only what changes the wire beyond the part kind is written out: a JSON part's
    // application/json and a text part's text/plain are the runtime's defaults.
    const extra: Omit<FieldPlan, "part"> = {};
    if (contentType && !(part === "json" ? /^application\/json$/i : /^text\/plain$/i).test(contentType)) extra.contentType = contentType;
    if (e.style) extra.style = e.style;
    if (e.explode !== undefined) extra.explode = e.explode;
    if (e.allowReserved === true) extra.allowReserved = true;
    const plan = Object.keys(extra).length > 0 ? { part, ...extra } : part;
    if (part === "file") files.push([name, plan]);
    else setOwn(parts, name, plan);
  }
  // The parts go in the (sorted) schema order, files last: servers that read a form as a
  // stream (S3's POST uploads, for one) take the fields before the file, never after.
  for (const [name, plan] of files) setOwn(parts, name, plan);
  return parts;
}

/**
 * `Zoom API` → `ZOOM_SDK_LOG`: the title's Latin letters and digits as upper-case words
 * (marks dropped), without API/OpenAPI/REST/SDK/the; `API_SDK_LOG` when none are left.
 */
function logEnvOf(title: unknown): string {
  const words = (typeof title === "string" ? title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : "").match(/[A-Za-z0-9]+/g) ?? [];
  const kept = words.filter((w) => !/^(api|apis|openapi|rest|sdk|the)$/i.test(w)).map((w) => w.toUpperCase());
  const name = kept.length > 0 ? kept.join("_") : "API";
  return `${/^\d/.test(name) ? "API_" : ""}${name}_SDK_LOG`;
}

/** The first server's URL with its variables at their defaults, without a trailing slash; undefined without servers. */
function baseUrlOf(servers: Server[] | undefined): string | undefined {
  const server = Array.isArray(servers) ? servers[0] : undefined;
  if (!server || typeof server.url !== "string") return undefined;
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => String(server.variables?.[name]?.default ?? whole)).replace(/\/+$/, "");
}

/**
 * A schema whose value is a file's bytes: `format: binary`, or (OpenAPI 3.1, JSON Schema's
 * content keywords) a `contentMediaType` that is not text, JSON or XML, with no
 * `contentEncoding` (with one, e.g. base64, the value is text).
 */
export function isFileSchema(schema: Record<string, unknown>): boolean {
  if (schema.format === "binary") return true;
  const media = schema.contentMediaType;
  return typeof media === "string" && schema.contentEncoding === undefined && !/^text\/|json|xml/i.test(media);
}
