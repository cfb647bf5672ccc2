/**
 * Path, query and header parameters. `Content-Type`, `Accept` and `Authorization` are not
 * parameters: the first two are the media types of the body and responses, the last is
 * the security scheme's business.
 */
import { pointerTo, type Diagnostics } from "../diagnostics.js";
import type { Parameter } from "../openapi.js";
import type { PostmanVariable } from "../postman/model.js";
import type { ResolvedRequest } from "../postman/normalize.js";
import { substituteVariables } from "../postman/variables.js";
import { convertField, type FieldInput } from "./field.js";
import { htmlToMarkdown } from "../postman/description.js";
import { placeholderSchema } from "./schema-from-example.js";

const NOT_PARAMETERS = new Set(["content-type", "accept", "authorization"]);

/** All parameters of one request, path ones first, each in the collection's order. */
export function convertParameters(req: ResolvedRequest, pathParameters: PostmanVariable[], diag: Diagnostics): Parameter[] {
  const urlPointer = pointerTo(req.request.pointer, "url");
  // Read once: each parameter looks in it for a section about itself.
  const requestMarkdown = req.request.description ? htmlToMarkdown(req.request.description) : undefined;
  const path = pathParameters.map((v) => {
    const index = req.request.url.variables.findIndex((d) => d.key === v.key);
    const at = { pointer: index >= 0 ? pointerTo(urlPointer, "variable", index) : urlPointer, item: req.itemPath };
    // A path parameter is always required (OpenAPI 3.0 §4.7.12.1), whatever its description says.
    // A `{{variable}}` sample takes its value, or says nothing: it is never the example.
    return toParameter({ ...resolved(v, req), requestMarkdown }, "path", diag, at);
  });
  const seen = new Set<string>();
  const queries = req.request.url.query;
  const query = queries.flatMap((q, i) => {
    if (seen.has(`q:${q.key}`)) return [];
    seen.add(`q:${q.key}`);
    const at = { pointer: pointerTo(urlPointer, "query", i), item: req.itemPath };
    const repeated = queries.filter((other) => other.key === q.key);
    const parameter = toParameter({ ...resolved({ ...q, description: repeated.find((r) => r.description)?.description }, req), requestMarkdown }, "query", diag, at);
    // A key given several times is an array (form style, exploded: `?status=a&status=b`).
    if (repeated.length === 1) return [parameter];
    const { example, ...rest } = parameter;
    const examples = repeated.map((r) => (r.value === undefined ? undefined : convertField({ ...resolved(r, req), requestMarkdown }, false, diag, at).example));
    return [{ ...rest, schema: { type: "array" as const, items: parameter.schema }, ...(examples.every((e) => e !== undefined) ? { example: examples } : {}) }];
  });
  const headers = req.request.headers.flatMap((h, i) => {
    if (NOT_PARAMETERS.has(h.key.toLowerCase()) || seen.has(`h:${h.key.toLowerCase()}`)) return [];
    seen.add(`h:${h.key.toLowerCase()}`);
    const at = { pointer: pointerTo(req.request.pointer, "header", i), item: req.itemPath };
    return [toParameter({ ...resolved(h, req), requestMarkdown }, "header", diag, at)];
  });
  return [...path, ...query, ...headers];
}

/**
 * The names of the path parameters whose sample is a typed placeholder (`<string>`, `<long>`):
 * it states the type though it gives no example, so it votes in its name's type (unifyParameterTypes).
 */
export function statedPathParameters(req: ResolvedRequest, pathParameters: PostmanVariable[]): string[] {
  return pathParameters.flatMap((v) => {
    const { value } = resolved(v, req);
    return value !== undefined && placeholderSchema(value)?.type !== undefined ? [v.key] : [];
  });
}

/**
 * A sample value that is a `{{variable}}` is replaced by the variable's value, when the
 * collection gives one (an environment's values, often secrets, never become examples).
 */
function resolved<T extends { value?: string | undefined }>(v: T, req: ResolvedRequest): T {
  if (v.value === undefined) return v;
  const { text, unresolved } = substituteVariables(v.value, req.sampleVariables);
  return { ...v, value: unresolved.length > 0 ? undefined : text };
}

function toParameter(
  v: FieldInput,
  location: Parameter["in"],
  diag: Diagnostics,
  at: { pointer: string; item: string },
): Parameter {
  const field = convertField(v, false, diag, at);
  return {
    name: v.key,
    in: location,
    ...(field.description ? { description: field.description } : {}),
    ...(field.required || location === "path" ? { required: true } : {}),
    schema: field.schema,
    ...(field.example !== undefined ? { example: field.example } : {}),
  };
}
