/**
 * Two requests with the same method and path describe one operation. Instead of one silently
 * replacing the other, their facts are united: parameters by name and location, body fields,
 * media types, response codes, tags, and the security alternatives of both.
 */
import type { MediaType, Operation, RequestBody, Response, Schema } from "../openapi.js";
import { getOwn, setOwn } from "../postman/own-keys.js";

/** `first` with what `second` adds; `first` wins where both say something different. */
export function mergeOperations(first: Operation, second: Operation): Operation {
  const merged: Operation = { ...first };
  // openapi-to-postmanv2 puts an operation with two tags in both folders: it keeps both.
  const tags = [...(first.tags ?? [])];
  for (const tag of second.tags ?? []) if (!tags.includes(tag)) tags.push(tag);
  if (tags.length > 0) merged.tags = tags;
  const parameters = [...(first.parameters ?? [])];
  for (const p of second.parameters ?? []) {
    if (!parameters.some((q) => q.name === p.name && q.in === p.in)) parameters.push(p);
  }
  if (parameters.length > 0) merged.parameters = parameters;
  if (second.requestBody) merged.requestBody = first.requestBody ? mergeBodies(first.requestBody, second.requestBody) : second.requestBody;
  const responses: Record<string, Response> = { ...first.responses };
  for (const [status, response] of Object.entries(second.responses)) {
    const existing = getOwn(responses, status);
    if (!existing) setOwn(responses, status, response);
    else if (response.content) setOwn(responses, status, { ...existing, content: mergeContent(existing.content ?? {}, response.content) });
  }
  if (responses.default && Object.keys(responses).length > 1 && !first.responses.default) delete responses.default;
  merged.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (second.security && JSON.stringify(second.security) !== JSON.stringify(first.security ?? [])) {
    const alternatives = [...(first.security ?? [])];
    for (const s of second.security) if (!alternatives.some((a) => JSON.stringify(a) === JSON.stringify(s))) alternatives.push(s);
    merged.security = alternatives;
  }
  return merged;
}

function mergeBodies(a: RequestBody, b: RequestBody): RequestBody {
  return { ...a, content: mergeContent(a.content, b.content) };
}

function mergeContent(a: Record<string, MediaType>, b: Record<string, MediaType>): Record<string, MediaType> {
  const content = { ...a };
  for (const [media, value] of Object.entries(b)) {
    const existing = getOwn(content, media);
    setOwn(content, media, existing ? { ...existing, ...(existing.schema && value.schema ? { schema: mergeObjectSchemas(existing.schema, value.schema) } : {}) } : value);
  }
  return content;
}

/** Object schemas: properties united, a property required only where both require it. */
function mergeObjectSchemas(a: Schema, b: Schema): Schema {
  if (a.type !== "object" || b.type !== "object") return a;
  const properties = { ...b.properties, ...a.properties };
  const required = (a.required ?? []).filter((r) => (b.required ?? []).includes(r));
  const { required: _ignored, ...rest } = a;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}
