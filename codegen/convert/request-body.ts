/**
 * The request body. The body mode gives the structure; the `Content-Type` header, when the
 * request has one, gives the media type, with the parameters the SDK can send as they are
 * (`application/json; odata=minimalmetadata`; no multipart boundary). Form fields that hold JSON text (Zoom's
 * `registrants`, `params`) get the schema of that JSON and an `encoding` entry saying
 * `application/json`, so the SDK sends them as one part of JSON text.
 * https://spec.openapis.org/oas/v3.0.3#encoding-object
 */
import { pointerTo, type Diagnostics, type Position } from "../diagnostics.js";
import type { Encoding, MediaType, RequestBody, Schema } from "../openapi.js";
import type { BodyMode, PostmanBody, PostmanFormField } from "../postman/model.js";
import type { ResolvedRequest } from "../postman/normalize.js";
import { getOwn, setOwn } from "../postman/own-keys.js";
import { convertTypedSchema } from "../postman/typed-schema.js";
import { substituteVariables, type VariableScope } from "../postman/variables.js";
import { convertField, withRequestStatedEnums } from "./field.js";
import { htmlToMarkdown } from "../postman/description.js";
import { exampleTooDeep, hasPlaceholder, hasRefKey, inferFromText, inferSchema } from "./schema-from-example.js";

const RAW_MEDIA: Record<string, string> = {
  json: "application/json",
  xml: "application/xml",
  html: "text/html",
  javascript: "application/javascript",
  text: "text/plain",
};

/** The request body of one request, or undefined when it has none. */
export function convertRequestBody(req: ResolvedRequest, diag: Diagnostics): RequestBody | undefined {
  const body = req.request.body;
  if (!body) return undefined;
  const headerIndex = req.request.headers.findIndex((h) => !h.disabled && h.key.toLowerCase() === "content-type");
  const header = headerIndex >= 0 ? req.request.headers[headerIndex]!.value : undefined;
  const at = { pointer: body.pointer, item: req.itemPath };
  const headerAt = { pointer: pointerTo(req.request.pointer, "header", headerIndex, "value"), item: req.itemPath };
  let declared = header?.split(";")[0]!.trim().toLowerCase() || undefined;
  let parameters: string[] = [];
  if (declared !== undefined && !MEDIA_TYPE.test(declared)) {
    diag.warning(
      "invalid-media-type",
      `the Content-Type ${JSON.stringify(header)} is not a media type (type/subtype, RFC 9110); the ${body.mode} body's own media type is used`,
      headerAt,
    );
    declared = undefined;
  } else if (declared !== undefined) {
    // A `{{variable}}` in a parameter (`v={{apiVersion}}`) takes the collection's value.
    const semicolon = header!.indexOf(";");
    const read = parametersOf(semicolon < 0 ? "" : substituteVariables(header!.slice(semicolon + 1), req.sampleVariables).text);
    if (read) parameters = read;
    else {
      diag.warning(
        "invalid-media-type",
        `the parameters of the Content-Type ${JSON.stringify(header)} are not name=value pairs (RFC 9110); the media type ${declared} is used without them`,
        headerAt,
      );
    }
  }
  // Saved examples carry the request they were made with: more samples of the same body.
  const others = req.responses.flatMap((r) => (r.requestBody ? [r.requestBody] : []));
  if (isEmpty(body, declared)) return undefined;
  // Read once: a form or JSON field with no values of its own may find them in a section of it about itself.
  const requestMarkdown = req.request.description ? htmlToMarkdown(req.request.description) : undefined;
  const converted = BODY_MODES[body.mode](body as never, { declared, parameters, diag, at, variables: req.sampleVariables, others, requestMarkdown });
  if (!converted) return undefined;
  // A typed collection's schema says what the sample can only suggest; the sample stays the example.
  const typed = req.request.types?.body;
  if (typed && (/json/.test(converted.mediaType.split(";")[0]!) || body.mode === "formdata" || body.mode === "urlencoded")) {
    const schema = convertTypedSchema(typed, "the request body", diag, req.itemPath);
    if (schema) {
      converted.media.schema = withFieldDescriptions(schema, converted.media.schema);
      // A form field's sample is text: where the type says string, `12` is the text "12".
      const example = converted.media.example;
      if (body.mode !== "raw" && schema.properties && typeof example === "object" && example !== null && !Array.isArray(example)) {
        const retyped: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(example)) {
          const wanted = getOwn(schema.properties, key)?.type;
          setOwn(retyped, key, wanted === "string" && (typeof value === "number" || typeof value === "boolean") ? String(value) : value);
        }
        converted.media.example = retyped;
      }
    }
  }
  // fetch refuses a body on GET and HEAD, and DELETE bodies are rare: there a body is optional
  // unless its content says something must be sent (a field marked required).
  const optional = BODYLESS_METHODS.has(req.request.method) && !(converted.media.schema?.required?.length);
  return { ...(optional ? {} : { required: true }), content: { [converted.mediaType]: converted.media } };
}

const BODYLESS_METHODS = new Set(["GET", "HEAD", "DELETE"]);

/**
 * A typed body's properties keep the descriptions the collection's form fields give, where the
 * type has none of its own (openapi-to-postmanv2 writes a form field's description on the field).
 */
function withFieldDescriptions(typed: Schema, inferred: Schema | undefined): Schema {
  if (!typed.properties || !inferred?.properties) return typed;
  const properties: Record<string, Schema> = {};
  for (const [name, property] of Object.entries(typed.properties)) {
    const description = getOwn(inferred.properties, name)?.description;
    setOwn(properties, name, property.description === undefined && description !== undefined ? { ...property, description } : property);
  }
  return { ...typed, properties };
}

/**
 * An empty body mode is no body: `{"mode":"urlencoded","urlencoded":[]}` (Stripe's export has
 * hundreds on GETs), a form whose fields are all disabled, a file mode without a file or a
 * Content-Type, a GraphQL body without a query or variables, raw text that is only whitespace.
 */
function isEmpty(body: PostmanBody, declared: string | undefined): boolean {
  switch (body.mode) {
    case "formdata":
    case "urlencoded":
      return !body.fields.some((f) => !f.disabled);
    case "file":
      // A file body whose file was not exported is still one when the request names its media type
      // (openapi-to-postmanv2 writes an `image/png` upload as `{ "mode": "file" }` and that Content-Type).
      return (body.src === undefined || body.src === "") && declared === undefined;
    case "graphql":
      return body.query.trim() === "" && (body.variables ?? "").trim() === "";
    case "raw":
      return body.raw.trim() === "";
  }
}

/** RFC 9110 §8.3.1: `type/subtype`, each a token (visible ASCII but separators). */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`);
/** Whether `text` is a bare media type (`type/subtype`, RFC 9110 tokens). */
export const isMediaType = (text: string): boolean => MEDIA_TYPE.test(text);
/**
 * The parameters after a media type's `;` (RFC 9110 §5.6.6: `*( OWS ";" OWS [ name "=" value ] )`),
 * each as `name=value` with its name in lower case (names are case-insensitive) and its value as
 * written (a quoted string keeps its quotes); undefined when one is not a parameter.
 */
function parametersOf(text: string): string[] | undefined {
  const parameters: string[] = [];
  let rest = text;
  while (rest.trim() !== "") {
    const match = PARAMETER.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) parameters.push(`${match[1].toLowerCase()}=${match[2]}`);
    rest = rest.slice(match[0].length);
  }
  return parameters;
}

/** RFC 9110 §5.6.4: a quoted string (qdtext and quoted pairs). */
const QUOTED = `"(?:[\\t\\x20\\x21\\x23-\\x5b\\x5d-\\x7e\\x80-\\xff]|\\\\[\\t\\x20-\\x7e\\x80-\\xff])*"`;
/** One parameter (or none: `a/b;;c=d` is allowed) up to the next `;` or the end. */
const PARAMETER = new RegExp(`^[ \\t]*(?:(${TOKEN})=(${TOKEN}|${QUOTED}))?[ \\t]*(?:;|$)`);

/** `essence; name=value; …`: how the spec writes a media type with parameters. */
const withParameters = (essence: string, parameters: string[]) => [essence, ...parameters].join("; ");

/**
 * The parameters a form keeps. A multipart body keeps none: its boundary is made per request,
 * and multipart/form-data has no other (RFC 7578 §8). A urlencoded body keeps a charset only
 * when it is UTF-8, which is what the SDK writes (URLSearchParams); it may help a server that
 * would read the form as Latin-1, and another charset would misdescribe the bytes sent.
 */
const formParameters = (mediaType: string, parameters: string[]) =>
  mediaType === "application/x-www-form-urlencoded" ? parameters.filter((p) => /^charset=("?)utf-8\1$/i.test(p)).slice(0, 1) : [];

/** A media type with optional parameters (`application/json; charset=utf-8`), as a form field's `contentType` may say. */
const MEDIA_TYPE_WITH_PARAMETERS = new RegExp(`^${TOKEN}/${TOKEN}([ \\t]*;[ \\t]*${TOKEN}=(${TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*$`);

type ConvertedBody = { mediaType: string; media: MediaType } | undefined;

interface BodyContext {
  /** The media type the Content-Type header declares: its essence, lower case. */
  declared: string | undefined;
  /** The header's parameters, `name=value` (names lower case, values as written). */
  parameters: string[];
  diag: Diagnostics;
  at: Position;
  variables: VariableScope;
  /** The bodies of the requests the item's examples were saved from. */
  others: PostmanBody[];
  /** The request's description as Markdown (see `readRequestSection`). */
  requestMarkdown: string | undefined;
}

type BodyConverter<M extends BodyMode> = (body: Extract<PostmanBody, { mode: M }>, context: BodyContext) => ConvertedBody;

const BODY_MODES: { [M in BodyMode]: BodyConverter<M> } = {
  formdata: (body, { declared, parameters, diag, at, requestMarkdown }) => {
    const mediaType = declared && /^(multipart\/|application\/x-www-form-urlencoded$)/.test(declared) ? declared : "multipart/form-data";
    return convertForm(body.fields, mediaType, formParameters(mediaType, parameters), diag, at, requestMarkdown);
  },
  urlencoded: (body, { declared, parameters, diag, at, requestMarkdown }) => {
    const mediaType = declared === "multipart/form-data" ? declared : "application/x-www-form-urlencoded";
    return convertForm(body.fields, mediaType, formParameters(mediaType, parameters), diag, at, requestMarkdown);
  },
  raw: (body, context) => convertRaw(body, context),
  file: (_body, { declared, parameters }) => ({
    mediaType: declared ? withParameters(declared, parameters) : "application/octet-stream",
    media: { schema: { type: "string", format: "binary" } },
  }),
  graphql: (body, { diag, at }) => {
    let variables: unknown;
    try {
      variables = body.variables?.trim() ? JSON.parse(stripJsonComments(body.variables)) : undefined;
    } catch (e) {
      diag.warning("invalid-json-example", `the GraphQL variables are not valid JSON (${(e as Error).message}); they were left out of the schema and the example`, { ...at, pointer: pointerTo(at.pointer, "graphql", "variables") });
      variables = undefined;
    }
    const example = variables === undefined ? { query: body.query } : { query: body.query, variables };
    const schema = inferSchema([example], { required: false });
    const tooDeep = exampleTooDeep(example, "the GraphQL variables");
    if (tooDeep) diag.warning("too-deep", tooDeep, at);
    return { mediaType: "application/json", media: tooDeep || hasRefKey(example) ? { schema } : { schema, example } };
  },
};

type RawBody = Extract<PostmanBody, { mode: "raw" }>;

/**
 * A raw body, with the raw bodies of the item's saved examples as more samples (merged: a
 * field in some samples only is optional, conflicting types become a union). `{{variables}}`
 * are replaced by their values first; one without a value, where JSON wants a value, reads
 * as null (its type unknown).
 */
function convertRaw(body: RawBody, { declared, parameters, diag, at, variables, others, requestMarkdown }: BodyContext): ConvertedBody {
  if (body.raw.trim() === "") return undefined;
  const essence = declared ?? getOwn(RAW_MEDIA, body.language ?? "") ?? (/^\s*[[{]/.test(body.raw) ? "application/json" : "text/plain");
  // The header's parameters are the server's (Azure's `odata=minimalmetadata`): kept, and sent by the SDK.
  const mediaType = declared ? withParameters(declared, parameters) : essence;
  if (!/json/.test(essence)) return { mediaType, media: { schema: { type: "string" }, example: body.raw } };
  const read = (text: string): unknown => {
    const substituted = substituteVariables(stripJsonComments(text), variables).text;
    return JSON.parse(outsideStrings(substituted, false, (text) => text.replace(/\{\{[^{}]+\}\}/g, "null")));
  };
  let value: unknown;
  try {
    value = read(body.raw);
  } catch (e) {
    diag.warning("invalid-json-example", `the ${mediaType} body is not valid JSON (${(e as Error).message}); its schema is unknown`, at);
    return { mediaType, media: { schema: {} } };
  }
  const samples = [value];
  const tooDeep = exampleTooDeep(value, `the ${mediaType} body`);
  if (tooDeep) diag.warning("too-deep", tooDeep, at);
  for (const other of others) {
    if (other.mode !== "raw") continue;
    try {
      if (other.raw.trim() !== "") samples.push(read(other.raw));
    } catch {
      // An example's request that is not JSON adds nothing.
    }
  }
  // A raw JSON body has no description per field: its request's text may state a field's values by name.
  const schema = withRequestStatedEnums(inferSchema(samples, { required: false }), value, requestMarkdown);
  // A `$ref` key inside an example would read as a reference to OpenAPI tools.
  return { mediaType, media: tooDeep || hasPlaceholder(value) || hasRefKey(value) ? { schema } : { schema, example: value } };
}

/** Form fields → an object schema; repeated keys become arrays, disabled fields are left out. */
function convertForm(fields: PostmanFormField[], mediaType: string, parameters: string[], diag: Diagnostics, at: Position, requestMarkdown: string | undefined): ConvertedBody {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const encoding: Record<string, Encoding> = {};
  const example: Record<string, unknown> = {};
  const active = fields.filter((f) => !f.disabled);
  const keys = [...new Set(active.map((f) => f.key))];
  for (const key of keys) {
    const group = active.filter((f) => f.key === key);
    const first = group[0]!;
    const fieldAt = { ...at, pointer: first.pointer };
    const described = group.find((f) => f.description) ?? first;
    let schema: Schema;
    let sample: unknown;
    if (group.every((f) => f.type === "file")) {
      const field = convertField({ key, description: described.description, requestMarkdown }, false, diag, fieldAt);
      schema = { ...(field.description ? { description: field.description } : {}), type: "string", format: "binary" };
      if (field.required) required.push(key);
    } else {
      const converted = group.map((f, i) =>
        convertField({ key, value: f.value, description: described.description, requestMarkdown }, true, diag, { ...at, pointer: group[i]!.pointer }),
      );
      const field = converted[0]!;
      schema = {
        ...(field.description ? { description: field.description } : {}),
        ...(group.length > 1 ? { type: "array", items: mergeItems(converted.map((c) => c.schema), group) } : field.schema),
      };
      if (field.required) required.push(key);
      const examples = converted.map((c) => c.example);
      sample = group.length > 1 ? (examples.every((e) => e !== undefined) ? examples : undefined) : field.example;
      const contentType = ownContentType(first, mediaType, diag, at) ?? (converted.some((c) => c.json) ? "application/json" : undefined);
      if (contentType) setOwn(encoding, key, { contentType });
    }
    setOwn(properties, key, schema);
    if (sample !== undefined) setOwn(example, key, sample);
  }
  const schema: Schema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  const media: MediaType = { schema };
  if (Object.keys(encoding).length > 0) media.encoding = encoding;
  if (Object.keys(example).length > 0) media.example = example;
  return { mediaType: withParameters(mediaType, parameters), media };
}

/**
 * A form field's own `contentType`, when it can go into the spec's `encoding`. Postman sends it
 * with multipart parts only: on a urlencoded field it changes nothing on the wire, so the spec
 * does not claim it either. One that is not a media type is named in a warning and left out.
 */
function ownContentType(field: PostmanFormField, mediaType: string, diag: Diagnostics, at: Position): string | undefined {
  if (field.contentType === undefined || !mediaType.startsWith("multipart/")) return undefined;
  const contentType = field.contentType.trim();
  if (MEDIA_TYPE_WITH_PARAMETERS.test(contentType)) return contentType;
  diag.warning(
    "invalid-media-type",
    `the contentType ${JSON.stringify(field.contentType)} of the form field \`${field.key}\` is not a media type (type/subtype, RFC 9110); the field has no encoding entry for it`,
    { ...at, pointer: pointerTo(field.pointer, "contentType") },
  );
  return undefined;
}

/** Item schema of a repeated form key: the samples' schemas merged. */
function mergeItems(schemas: Schema[], group: PostmanFormField[]): Schema {
  const withEnum = schemas.find((s) => s.enum);
  if (withEnum) return { type: withEnum.type!, enum: withEnum.enum! };
  const values = group.map((f) => (f.value === undefined ? undefined : inferFromText(f.value, true)));
  if (values.some((v) => v?.value === undefined)) return schemas[0]!;
  return inferSchema(values.map((v) => v!.value), { required: false });
}

/** Postman accepts JSON with comments in raw bodies; JSON.parse does not. Strings are kept intact. */
export function stripJsonComments(text: string): string {
  return outsideStrings(text, true, (outside) => outside);
}

/**
 * JSON text with `rewrite` applied to what lies outside its string literals (and, with
 * `stripComments`, its `//` and `/* *\/` comments left out). A linear scan: a regular expression
 * alternating over a string's characters overflows its backtracking stack on long strings (a
 * base64 file of a few MB in a JSON body).
 */
function outsideStrings(text: string, stripComments: boolean, rewrite: (outside: string) => string): string {
  const out: string[] = [];
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      if (j >= text.length) break; // An unterminated string: the rest is rewritten as it is.
      out.push(rewrite(text.slice(from, i)), text.slice(i, j + 1));
      from = i = j + 1;
    } else if (stripComments && c === 0x2f /* / */ && (text[i + 1] === "/" || text[i + 1] === "*")) {
      const line = text[i + 1] === "/";
      const end = line ? text.indexOf("\n", i) : text.indexOf("*/", i + 2);
      if (!line && end < 0) {
        i++; // An unclosed block comment is text, as it was.
        continue;
      }
      out.push(rewrite(text.slice(from, i)));
      from = i = line ? (end < 0 ? text.length : end) : end + 2;
    } else {
      i++;
    }
  }
  out.push(rewrite(text.slice(from)));
  return out.join("");
}
