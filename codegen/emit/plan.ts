/**
 * plan: an OpenAPI document → one OperationPlan per operation, everything the emitter needs
 * decided here (names, which arguments are required, how the body is serialized), so the
 * emitter only prints. Works on any OpenAPI 3 document, not only ours: `$ref`s are followed.
 */
import { camelCase, kebabCase, pascalCase } from "../naming.js";
import { HTTP_METHODS, type Encoding, type HttpMethod, type OpenApiDocument, type Operation, type Parameter, type RequestBody, type Schema } from "../openapi.js";

/** How one multipart field goes on the wire (RFC 7578): text, one part of JSON text, or file parts. */
export type FormPart = "text" | "json" | "file";

export type BodyKind = "json" | "multipart" | "urlencoded" | "binary" | "text";

export interface BodyPlan {
  mediaType: string;
  kind: BodyKind;
  required: boolean;
  /** For multipart and urlencoded bodies: each documented field's serialization, in schema order. */
  parts?: Record<string, FormPart>;
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
}

export interface SdkPlan {
  defaultBaseUrl: string;
  operations: OperationPlan[];
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
      operations.push(plan);
    }
  }
  return { defaultBaseUrl: defaultBaseUrl(document), operations };
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
function formParts(schema: Schema | undefined, encoding: Record<string, Encoding>, deref: <T>(v: T | Ref) => T): Record<string, FormPart> {
  const parts: Record<string, FormPart> = {};
  for (const [name, raw] of Object.entries(schema?.properties ?? {})) {
    const property = deref<Schema>(raw);
    const items = property.items ? deref<Schema>(property.items) : undefined;
    const contentType = encoding[name]?.contentType ?? "";
    if (property.format === "binary" || items?.format === "binary") parts[name] = "file";
    else if (/json/.test(contentType) || property.type === "object" || items?.type === "object" || items?.type === "array") parts[name] = "json";
    else parts[name] = "text";
  }
  return parts;
}

function defaultBaseUrl(document: OpenApiDocument): string {
  const server = document.servers?.[0];
  if (!server) return "";
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole).replace(/\/+$/, "");
}
