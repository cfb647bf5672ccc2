/**
 * Saved examples → responses, one per status code. Zoom names its examples with Markdown
 * scaffolding (`**HTTP Status Code:** `400` **Bad Request**<br>`); what follows it is the
 * description. JSON bodies give an inferred schema and the example; empty bodies and 204s
 * give no content.
 */
import { STATUS_CODES } from "node:http";
import type { Diagnostics } from "../diagnostics.js";
import { camelCase } from "../naming.js";
import type { Header, MediaType, Response, Schema } from "../openapi.js";
import { htmlToMarkdown } from "../postman/description.js";
import type { PostmanResponse, PostmanTypedValue } from "../postman/model.js";
import type { ResolvedRequest } from "../postman/normalize.js";
import { getOwn, hasOwn, setOwn } from "../postman/own-keys.js";
import { convertTypedSchema } from "../postman/typed-schema.js";
import { fitsType } from "./field.js";
import { isMediaType } from "./request-body.js";
import { exampleTooDeep, hasPlaceholder, hasRefKey, inferFromText, inferSchema } from "./schema-from-example.js";

const NO_CONTENT = new Set([204, 205, 304]);
const NOT_DOCUMENTED_HEADERS = new Set(["content-type", "content-length", "date", "connection", "transfer-encoding"]);
const SCAFFOLDING = /^\s*\*\*HTTP Status Code:\*\*\s*`?\d{3}`?(\s*\*\*[^*]+\*\*)?\s*(<br\s*\/?>)?/i;
const PREVIEW_MEDIA: Record<string, string> = { json: "application/json", xml: "application/xml", html: "text/html", text: "text/plain" };

/** A status code, or `default`: a saved example that names no status (openapi-to-postmanv2 6 saves a spec's `default` response so). */
type Status = number | "default";

/** All responses of one request, ordered by status code, `default` last. */
export function convertResponses(req: ResolvedRequest, diag: Diagnostics): Record<string, Response> {
  const byCode = new Map<Status, PostmanResponse[]>();
  for (const r of req.responses) {
    const code = r.code ?? codeOfStatusText(r.status) ?? "default";
    byCode.set(code, [...(byCode.get(code) ?? []), r]);
  }
  const responses: Record<string, Response> = {};
  const order = (s: Status) => (s === "default" ? 1000 : s);
  for (const code of [...byCode.keys()].sort((a, b) => order(a) - order(b))) {
    responses[String(code)] = convertStatus(code, byCode.get(code)!, req, diag);
  }
  if (Object.keys(responses).length === 0) responses.default = { description: "The collection documents no response." };
  return responses;
}

/** A status text without a code (`"status": "Not Found"`) names its code; undefined when it names none. */
function codeOfStatusText(status: string | undefined): number | undefined {
  if (status === undefined) return undefined;
  const wanted = status.trim().toLowerCase();
  const found = Object.entries(STATUS_CODES).find(([, text]) => text?.toLowerCase() === wanted);
  return found ? Number(found[0]) : undefined;
}

function convertStatus(code: Status, examples: PostmanResponse[], req: ResolvedRequest, diag: Diagnostics): Response {
  const descriptions = [...new Set(examples.map((e) => describe(e, code)))];
  const response: Response = { description: descriptions.join("\n\n") };
  // openapi-to-postmanv2 6 files a spec's `default` response's types under "default", earlier versions under 500.
  const types = req.request.types?.responses;
  const typedHere = code !== "default" ? types?.get(code) : types?.get("default") ?? (req.responses.some((r) => r.code === 500) ? undefined : types?.get(500));
  const headers = convertHeaders(examples, typedHere?.headers, diag, req.itemPath);
  if (headers) response.headers = headers;
  if (code !== "default" && NO_CONTENT.has(code)) return response;
  const byMedia = new Map<string, { example: PostmanResponse; value: unknown; tooDeep: boolean }[]>();
  for (const example of examples) {
    const body = example.body ?? "";
    if (body.trim() === "") continue;
    const mediaType = mediaTypeOf(example, diag, req);
    let value: unknown = body;
    if (/json/.test(mediaType)) {
      try {
        value = JSON.parse(body);
      } catch (e) {
        diag.warning("invalid-json-example", `the ${code} example's ${mediaType} body is not valid JSON (${(e as Error).message}); it was kept as text`, {
          pointer: `${example.pointer}/body`,
          item: req.itemPath,
        });
      }
    }
    const tooDeep = typeof value === "string" ? undefined : exampleTooDeep(value, `the ${code} example's ${mediaType} body`);
    if (tooDeep) diag.warning("too-deep", tooDeep, { pointer: `${example.pointer}/body`, item: req.itemPath });
    const same = byMedia.get(mediaType);
    if (same) same.push({ example, value, tooDeep: tooDeep !== undefined });
    else byMedia.set(mediaType, [{ example, value, tooDeep: tooDeep !== undefined }]);
  }
  if (byMedia.size === 0) return response;
  response.content = {};
  // A typed collection's schema for this status replaces what the samples suggest (JSON bodies).
  const typed = typedHere?.body;
  const typedSchema = typed && [...byMedia.keys()].some((m) => /json/.test(m)) ? convertTypedSchema(typed, `the ${code} response body`, diag, req.itemPath) : undefined;
  for (const [mediaType, all] of byMedia) {
    const json = /json/.test(mediaType);
    const media: MediaType = { schema: json ? typedSchema ?? inferSchema(all.map((s) => s.value), { required: true, origins: originsByName(all.map((s) => s.example)) }) : { type: "string" } };
    // A `$ref` key inside an example value would be read as a reference by OpenAPI tools.
    // A placeholder (`"<string>"`, `"<Error: …>"`) anywhere makes it a template, not an example.
    const samples = all.filter((s) => !s.tooDeep && !hasRefKey(s.value) && !hasPlaceholder(s.value));
    if (samples.length === 1) {
      media.example = samples[0]!.value;
    } else if (samples.length > 1) {
      media.examples = {};
      samples.forEach((s, i) => {
        // Named after the saved example; numbered when names are missing or repeat.
        let key = camelCase(s.example.name.replace(SCAFFOLDING, "")).slice(0, 40) || `example${i + 1}`;
        if (hasOwn(media.examples!, key)) key = `${key}${i + 1}`;
        setOwn(media.examples!, key, { summary: describe(s.example, code), value: s.value });
      });
    }
    setOwn(response.content, mediaType, media);
  }
  return response;
}

/** One origin per saved example name: the examples of one documented response share its name (openapi-to-postmanv2 6). */
function originsByName(examples: readonly PostmanResponse[]): number[] {
  const ids = new Map<string, number>();
  return examples.map((e) => {
    const key = e.name.trim();
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
}

/** The example's name without the status-code scaffolding; the status text when nothing is left. */
function describe(example: PostmanResponse, code: Status): string {
  const name = example.name.trim();
  const text = /^untitled (example|response)$/i.test(name) ? "" : htmlToMarkdown(name.replace(SCAFFOLDING, ""));
  if (code === "default") return text || example.status || "Any other status";
  return text || example.status || STATUS_CODES[code] || `Status ${code}`;
}

/** The example's Content-Type; one that is not a media type is named in a warning, and the preview language decides. */
function mediaTypeOf(example: PostmanResponse, diag: Diagnostics, req: ResolvedRequest): string {
  const index = example.headers.findIndex((h) => h.key.toLowerCase() === "content-type");
  const header = index >= 0 ? example.headers[index]!.value : undefined;
  let declared = header?.split(";")[0]!.trim().toLowerCase();
  if (declared && !isMediaType(declared)) {
    diag.warning(
      "invalid-media-type",
      `the Content-Type ${JSON.stringify(header)} of this example is not a media type (type/subtype, RFC 9110); its preview language decides`,
      { pointer: `${example.pointer}/header/${index}/value`, item: req.itemPath },
    );
    declared = undefined;
  }
  return declared || getOwn(PREVIEW_MEDIA, example.previewLanguage ?? "") || "text/plain";
}

function convertHeaders(
  examples: PostmanResponse[],
  typed: Map<string, PostmanTypedValue> | undefined,
  diag: Diagnostics,
  item: string,
): Record<string, Header> | undefined {
  const headers: Record<string, Header> = {};
  for (const example of examples) {
    for (const h of example.headers) {
      if (NOT_DOCUMENTED_HEADERS.has(h.key.toLowerCase()) || hasOwn(headers, h.key)) continue;
      const t = typed?.get(h.key.toLowerCase());
      const header: Header = { schema: (t && convertTypedSchema(t, `the response header \`${h.key}\``, diag, item)) || { type: "string" } };
      if (h.description) header.description = htmlToMarkdown(h.description);
      if (h.value) {
        // A typed header's sample is typed like its schema (`X-Rate-Limit: 100` an integer); one that does not fit is no example.
        const read = header.schema.type === undefined || header.schema.type === "string" ? { value: h.value as unknown } : inferFromText(h.value, false);
        if (header.schema.type === undefined || header.schema.type === "string" || (header.schema.type !== "object" && header.schema.type !== "array" && fitsType(read.value, header.schema.type))) header.example = read.value;
      }
      setOwn(headers, h.key, header);
    }
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}

