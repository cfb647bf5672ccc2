// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Request bodies the way the spec's `encoding` describes them: multipart/form-data
 * (RFC 7578) and application/x-www-form-urlencoded, from the typed body an operation takes;
 * raw bodies, and JSON bodies whose media type is not plain `application/json`.
 */
import { hasHeader } from "./call.gen.js";

/** How one field goes on the wire: as text, as one part of JSON text, or as file parts. */
export type FormPart = "text" | "json" | "file";

/** A field's encoding (OpenAPI Encoding Object): its part kind, Content-Type, style, explode and allowReserved. */
export interface FieldEncoding {
  part: FormPart;
  contentType?: string;
  style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  explode?: boolean;
  /** urlencoded only: RFC 3986 reserved characters go as they are (except `&`, `=` and `+`, which would change the form). */
  allowReserved?: boolean;
}

/** Each documented field's encoding, in schema order. */
export type FormPlan = Readonly<Record<string, FormPart | FieldEncoding>>;

/**
 * A file given as bytes or as a stream (a web ReadableStream, or anything async-iterable such
 * as a Node Readable), with the name and type its part should carry. Streams are sent
 * without buffering where the runtime can stream a request body (Node); elsewhere they are
 * collected first.
 */
export interface FileUpload {
  data: Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  filename: string;
  contentType?: string;
}

/** What a body serializer hands to fetch, with the headers that must go with it. */
export interface EncodedBody {
  body: BodyInit;
  /** Set when fetch cannot derive it (a hand-built multipart body carries its own boundary). */
  contentType?: string;
  /** True when the body is a stream: it cannot be sent twice, and Node needs `duplex: "half"`. */
  streaming: boolean;
}

// Own properties only, here and below: a field named `toString` or `valueOf` must not find
// Object.prototype's member in the plan or in the body.
const own = (record: object, name: string) => Object.prototype.hasOwnProperty.call(record, name);

const encodingOf = (plan: FormPlan, name: string): FieldEncoding | undefined => {
  const e = own(plan, name) ? plan[name] : undefined;
  return typeof e === "string" ? (PLAIN[e] as FieldEncoding) : e;
};
const PLAIN: Record<FormPart, FieldEncoding> = { text: { part: "text" }, json: { part: "json" }, file: { part: "file" } };

/**
 * A typed multipart body → what fetch sends. Strings go as they are, numbers and booleans as
 * their text; an object or array of objects is ONE part of JSON text, `JSON.stringify`'s
 * bytes, with `Content-Type: application/json` (or the JSON type its encoding names) and no
 * filename (OpenAPI's default for objects); an array of primitives is repeated parts; Blob/File, bytes
 * and streams are file parts with a filename; null and undefined are left out. Fields go in
 * the schema's order, then any others. Plain cases use FormData, and fetch writes the
 * Content-Type with its boundary; a part with its own Content-Type or a streamed file needs a
 * hand-built body, which states its boundary itself.
 */
export async function encodeMultipart(body: object, plan: FormPlan): Promise<EncodedBody> {
  return encodeParts(multipartParts(body, plan));
}

async function encodeParts(all: Part[]): Promise<EncodedBody> {
  const parts = await collectStreamsUnlessStreamable(all);
  if (!parts.some((p) => (p.contentType && p.filename === undefined) || isStream(p.value))) return { body: formDataOf(parts), streaming: false };
  return buildMultipart(parts);
}

/**
 * A typed multipart body → FormData, for bodies with no streams. FormData cannot give a part
 * without a filename its own Content-Type: JSON and typed text parts go as plain text here
 * (encodeMultipart, which the operations use, writes their types).
 */
export function toFormData(body: object, plan: FormPlan): FormData {
  const parts = multipartParts(body, plan).map((p) => (p.filename === undefined ? { ...p, contentType: undefined } : p));
  const stream = parts.find((p) => isStream(p.value));
  if (stream) throw new TypeError(`the field ${stream.name} is a stream: use encodeMultipart`);
  return formDataOf(parts);
}

function formDataOf(parts: Part[]): FormData {
  const form = new FormData();
  for (const p of parts) {
    if (typeof p.value === "string") form.append(p.name, p.value);
    else form.append(p.name, toBlob(p.value as Blob | Uint8Array, p.contentType), p.filename ?? p.name);
  }
  return form;
}

/**
 * Node streams a request body as it goes; browsers only do over HTTP/2, which a page cannot
 * know in advance. Outside Node, streamed parts are collected into Blobs first.
 */
async function collectStreamsUnlessStreamable(parts: Part[]): Promise<Part[]> {
  if (canStreamRequestBodies() || !parts.some((p) => isStream(p.value))) return parts;
  return Promise.all(parts.map(async (p) => (isStream(p.value) ? { ...p, value: await new Response(toReadableStream(p.value)).blob() } : p)));
}

function canStreamRequestBodies(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";
}

interface Part {
  name: string;
  value: string | Blob | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  filename?: string;
  contentType?: string;
}

function multipartParts(body: object, plan: FormPlan): Part[] {
  const parts: Part[] = [];
  for (const [name, value] of orderedEntries(body, plan)) {
    const encoding = encodingOf(plan, name);
    // A field the spec does not declare: an object is JSON, unless it is a file (bytes or a stream with a filename).
    // (An array holding a file is a part per item: its files as files, its objects as JSON text.)
    const isFile = (v: unknown) => isFileUpload(v) && isBinary(v.data);
    const isJson = (v: unknown) => isPlainObject(v) && !isFile(v);
    const kind = encoding?.part ?? (isJson(value) || (Array.isArray(value) && value.some(isJson) && !value.some(isFile)) ? "json" : "text");
    if (kind === "json") {
      parts.push({ name, value: JSON.stringify(value), ...withType(name, encoding?.contentType || "application/json") });
      continue;
    }
    if (typeof value !== "object") {
      // The common case: a string, number or boolean is one text part.
      const type = encoding?.contentType;
      parts.push(type && !/^text\/plain\b/i.test(type) ? { name, value: String(value), ...withType(name, type) } : { name, value: String(value) });
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (isFileUpload(item)) parts.push({ name, value: item.data, filename: item.filename, ...withType(name, item.contentType ?? encoding?.contentType) });
      else if (item instanceof Blob) parts.push({ name, value: item, filename: fileName(item, name), ...withType(name, item.type || encoding?.contentType) });
      else if (item instanceof Uint8Array || isStream(item)) parts.push({ name, value: item as Uint8Array, filename: name, ...withType(name, encoding?.contentType) });
      else {
        const text = typeof item === "object" ? JSON.stringify(item) : String(item);
        const type = encoding?.contentType;
        parts.push({ name, value: text, ...(type && !/^text\/plain\b/i.test(type) && kind === "text" ? withType(name, type) : {}) });
      }
    }
  }
  return parts;
}

/**
 * A part's Content-Type, which is written into its headers: refused unless printable ASCII
 * (a CR or LF would end the header line and start another; a Blob would drop it silently).
 */
function withType(name: string, type: string | undefined): { contentType?: string } {
  if (type && /[^\x20-\x7e]/.test(type)) throw new TypeError(`multipart field ${JSON.stringify(name)}: the Content-Type ${JSON.stringify(type)} cannot be sent (printable ASCII only)`);
  return type ? { contentType: type } : {};
}

/**
 * RFC 7578 by hand: a Blob when every part is in memory or a Blob, a stream when a part streams.
 * Line breaks in text values become CRLF, as FormData writes them (HTML's multipart/form-data
 * encoding), so a field's bytes do not depend on which encoder a body takes. (JSON text holds
 * none; files are never strings.)
 */
function buildMultipart(all: Part[]): EncodedBody {
  const parts = all.map((p) => (typeof p.value === "string" ? { ...p, value: p.value.replace(/\r?\n|\r/g, "\r\n") } : p));
  // 128 random bits as hex; randomUUID (Node, secure contexts) is the fast way to them.
  const boundary = `----codegen-${crypto.randomUUID?.().replace(/-/g, "") ?? randomHex(16)}`;
  const encoder = new TextEncoder();
  const head = (p: Part) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(p.name.replace(/\r?\n|\r/g, "\r\n"))}"${p.filename !== undefined ? `; filename="${escapeQuoted(p.filename)}"` : ""}\r\n` +
    (p.contentType ? `Content-Type: ${p.contentType}\r\n` : p.filename !== undefined ? "Content-Type: application/octet-stream\r\n" : "") +
    "\r\n";
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const tail = `--${boundary}--\r\n`;
  if (!parts.some((p) => isStream(p.value))) {
    // Text only: one string, which fetch encodes as UTF-8 once.
    if (parts.every((p) => typeof p.value === "string")) return { body: parts.map((p) => `${head(p)}${p.value}\r\n`).join("") + tail, contentType, streaming: false };
    const pieces: BlobPart[] = [];
    for (const p of parts) pieces.push(head(p), toBlob(p.value as string | Blob | Uint8Array), "\r\n");
    pieces.push(tail);
    return { body: new Blob(pieces), contentType, streaming: false };
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const p of parts) {
      yield encoder.encode(head(p));
      if (typeof p.value === "string") yield encoder.encode(p.value);
      else if (p.value instanceof Uint8Array) yield p.value;
      else if (p.value instanceof Blob) yield* iterate(p.value.stream());
      else yield* iterate(p.value);
      yield encoder.encode("\r\n");
    }
    yield encoder.encode(tail);
  }
  const iterator = chunks();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return { body: stream, contentType, streaming: true };
}

const DELIMITERS: Record<string, string> = { spaceDelimited: " ", pipeDelimited: "|" };
/** RFC 3986 reserved characters as URLSearchParams escapes them, but `&`, `=` and `+`: these would change the form. */
const RESERVED = /%(3A|2F|3F|23|5B|5D|40|21|24|27|28|29|2C|3B)/g;

/**
 * A typed urlencoded body → its text, by each field's encoding (OpenAPI 3 Encoding Object;
 * style `form` and, for form, `explode: true` when it says nothing). Arrays: form exploded
 * repeats the key (`id=1&id=2`), unexploded joins with commas; spaceDelimited and
 * pipeDelimited join with their delimiter. Objects: form exploded gives each property as its
 * own field (`R=100&G=200`), unexploded `color=R,100,G,200` (or the style's delimiter);
 * deepObject `color[R]=100`, nested. A field whose encoding says JSON (or an array of objects)
 * is its JSON text. `allowReserved` leaves reserved characters unescaped.
 */
export function toUrlEncoded(body: object, plan: FormPlan): string {
  const pieces: string[] = [];
  for (const [name, value] of orderedEntries(body, plan)) {
    const encoding = encodingOf(plan, name);
    const style = encoding?.style ?? "form";
    const explode = encoding?.explode ?? style === "form";
    const params = new URLSearchParams();
    if (encoding?.part === "json" || (Array.isArray(value) && value.some(isPlainObject))) params.append(name, JSON.stringify(value));
    else if (Array.isArray(value)) {
      const items = value.filter((v) => v != null).map(textOf);
      if (explode && style !== "deepObject") for (const item of items) params.append(name, item);
      else params.append(name, items.join(DELIMITERS[style] ?? ","));
    } else if (isPlainObject(value)) {
      const entries = Object.entries(value as object).filter(([, v]) => v != null);
      if (style === "deepObject") appendDeep(params, name, value);
      else if (explode) for (const [key, v] of entries) params.append(key, textOf(v));
      else params.append(name, entries.flatMap(([key, v]) => [key, textOf(v)]).join(DELIMITERS[style] ?? ","));
    } else params.append(name, textOf(value));
    const text = params.toString();
    if (text) pieces.push(encoding?.allowReserved ? text.replace(RESERVED, decodeURIComponent) : text);
  }
  return pieces.join("&");
}

const textOf = (value: unknown) => (typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));

function appendDeep(params: URLSearchParams, prefix: string, value: unknown): void {
  if (Array.isArray(value)) value.forEach((v, i) => appendDeep(params, `${prefix}[${i}]`, v));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value as object)) appendDeep(params, `${prefix}[${k}]`, v);
  else if (value !== undefined && value !== null) params.append(prefix, String(value));
}

/** A text or binary body, sent as it is. */
export async function encodeRaw(body: unknown): Promise<EncodedBody> {
  if (isFileUpload(body)) return encodeRaw(body.data);
  if (isStream(body)) {
    const stream = toReadableStream(body);
    return canStreamRequestBodies() ? { body: stream, streaming: true } : { body: await new Response(stream).blob(), streaming: false };
  }
  if (body instanceof Blob || body instanceof Uint8Array || typeof body === "string" || body instanceof ArrayBuffer) return { body: body as BodyInit, streaming: false };
  return { body: JSON.stringify(body), streaming: false };
}

/** True when a body, or one of its fields (or a field's files), is a stream: such a body can be sent only once. */
export function holdsStream(body: unknown, depth = 0): boolean {
  if (typeof body !== "object" || body === null) return false;
  if (isStream(body)) return true;
  if (isFileUpload(body)) return isStream(body.data);
  if (depth > 1) return false;
  return (Array.isArray(body) ? body : Object.values(body)).some((v) => holdsStream(v, depth + 1));
}

function orderedEntries(body: object, plan: FormPlan): [string, unknown][] {
  const record = body as Record<string, unknown>;
  const entries: [string, unknown][] = [];
  for (const name in plan) if (own(record, name) && record[name] != null) entries.push([name, record[name]]);
  for (const name in record) if (own(record, name) && !own(plan, name) && record[name] != null) entries.push([name, record[name]]);
  return entries;
}

function isStream(value: unknown): value is ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> {
  if (typeof value !== "object" || value === null) return false;
  return (typeof ReadableStream !== "undefined" && value instanceof ReadableStream) || Symbol.asyncIterator in value;
}

function isFileUpload(value: unknown): value is FileUpload {
  return isPlainObject(value) && "data" in (value as object) && typeof (value as FileUpload).filename === "string";
}

function isBinary(value: unknown): boolean {
  return value instanceof Uint8Array || value instanceof Blob || isStream(value);
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return !(value instanceof Blob) && !(value instanceof Uint8Array) && !isStream(value);
}

function toBlob(value: string | Blob | Uint8Array, type?: string): Blob {
  if (value instanceof Blob) return type && !value.type ? new Blob([value], { type }) : value;
  return new Blob([value as BlobPart], type ? { type } : {});
}

function fileName(blob: Blob, field: string): string {
  return typeof File !== "undefined" && blob instanceof File && blob.name ? blob.name : field;
}

/**
 * Part names and filenames as browsers and undici's FormData write them (HTML's
 * multipart/form-data encoding, RFC 7578 4.2): `"`, CR and LF percent-escaped, so no text can
 * end the header line (names have their line breaks made CRLF first, as there).
 */
function escapeQuoted(text: string): string {
  return text.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return [...buffer].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function* iterate(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    for await (const chunk of source as AsyncIterable<Uint8Array>) yield typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function toReadableStream(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) return source;
  const iterator = iterate(source);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
}

/** Turns a typed body into fetch options for one attempt (the body, its Content-Type, streaming). */
export interface Encoder {
  (init: Record<string, unknown>, body: unknown): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** False when the body cannot be sent twice (it holds a stream): such a call is never retried. */
  replayable?(body: unknown): boolean;
}

/**
 * A streamed body cannot be sent again, so it cannot follow a redirect either: such requests
 * say `redirect: "error"`. In Node that also keeps memory bounded, since undici otherwise keeps
 * every chunk of a streamed body in case a redirect needs it (nodejs/undici#4058: 150 MB held
 * for a 150 MB upload, 14 MB with redirects off).
 */
function withEncoded(init: Record<string, unknown>, encoded: EncodedBody): Record<string, unknown> {
  // The body goes to the transport already encoded: it would make anything else JSON.
  const options: Record<string, unknown> = { ...init, body: encoded.body, encoded: true };
  const { headers } = init;
  if (encoded.contentType) {
    // One more entry over the call's headers, which reach the transport's merge as given: a null
    // deletes a header and an undefined is skipped with every kind of body, as with plain JSON.
    // (A Headers holds neither; `new Headers(record)` would send them as "null", "undefined".)
    if (headers instanceof Headers) (options.headers = new Headers(headers)).set("Content-Type", encoded.contentType);
    else options.headers = { ...(headers as object), "Content-Type": encoded.contentType };
  }
  if (encoded.streaming) {
    options.duplex = "half";
    options.redirect ??= "error";
  }
  return options;
}

/**
 * A multipart body's options without any other Content-Type: one given in the call's headers
 * or as a header parameter (a spec may declare `Content-Type: multipart/form-data`) would
 * replace the one that carries the boundary, and the server could not read the parts.
 */
function withoutContentType(init: Record<string, unknown>): Record<string, unknown> {
  const strip = (headers: unknown) => {
    if (headers instanceof Headers) {
      const copy = new Headers(headers);
      copy.delete("Content-Type");
      return copy;
    }
    return headers && typeof headers === "object" ? Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-type")) : headers;
  };
  const params = init.params as { header?: unknown } | undefined;
  const out = { ...init };
  if (hasHeader(init.headers, "Content-Type")) out.headers = strip(init.headers);
  if (params?.header && hasHeader(params.header, "Content-Type")) out.params = { ...params, header: strip(params.header) };
  return out;
}

/** The encoder of a multipart body: encoded anew for every attempt. Its Content-Type is always its own, with its boundary. */
export function multipart(plan: FormPlan): Encoder {
  const encoder: Encoder = (given, body) => {
    const init = withoutContentType(given);
    const parts = multipartParts(body as object, plan);
    // Without a stream it stays synchronous: FormData, or (a part with its own Content-Type) the body written here.
    if (!parts.some((p) => isStream(p.value))) {
      return withEncoded(init, parts.some((p) => p.contentType && p.filename === undefined) ? buildMultipart(parts) : { body: formDataOf(parts), streaming: false });
    }
    return encodeParts(parts).then((encoded) => withEncoded(init, encoded));
  };
  // Only file fields (and fields the schema does not name) can hold a stream.
  encoder.replayable = (body) => {
    for (const name in body as object) {
      const part = own(plan, name) ? plan[name] : undefined;
      if ((part === undefined || part === "file" || (typeof part === "object" && part.part === "file")) && holdsStream((body as Record<string, unknown>)[name], 1)) return false;
    }
    return true;
  };
  return encoder;
}

/** The encoder of a urlencoded body, sent as `contentType` when the spec names a charset (UTF-8, what is written). */
export function urlencoded(plan: FormPlan, contentType = "application/x-www-form-urlencoded"): Encoder {
  return (init, body) => withEncoded(init, { body: toUrlEncoded(body as object, plan), contentType, streaming: false });
}

/**
 * The encoder of a JSON body whose media type is not plain `application/json`
 * (`application/json; odata=minimalmetadata`, `application/merge-patch+json`): its JSON text,
 * sent with that Content-Type, which the server asked for. A Content-Type the caller gives in
 * the call's headers still wins, as it does over plain JSON's. Synchronous, like plain JSON.
 */
export function json(contentType: string): Encoder {
  return (init, body) => withEncoded(init, { body: JSON.stringify(body), ...(hasHeader(init.headers, "Content-Type") ? {} : { contentType }), streaming: false });
}

/**
 * The encoder of a body sent as it is (text, bytes, a Blob, a stream), with its Content-Type:
 * the one the call's headers give, else the file's own (`FileUpload.contentType`, a Blob's
 * type: an `image/png` upload where the spec says `application/octet-stream`), else the spec's.
 * (A Content-Type header parameter, sent after these, wins over all.)
 */
export function raw(contentType: string): Encoder {
  const encoder: Encoder = async (init, body) => {
    const own = isFileUpload(body) ? body.contentType : body instanceof Blob ? body.type : undefined;
    return withEncoded(init, { ...(await encodeRaw(body)), ...(hasHeader(init.headers, "Content-Type") ? {} : { contentType: own || contentType }) });
  };
  encoder.replayable = (body) => !holdsStream(body);
  return encoder;
}
