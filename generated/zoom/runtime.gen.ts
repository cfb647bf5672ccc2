// Generated from spec/zoom.openapi.json by codegen. Do not edit.

/**
 * The SDK's runtime: a configured openapi-fetch client (base URL, bearer auth, fetch) and
 * the body serializers the operations use. Copied as it is into every generated SDK, so the
 * SDK's only runtime dependency is openapi-fetch.
 */
import createFetchClient, { type Client, type Middleware } from "openapi-fetch";

/** A bearer token, or a function (sync or async) that returns one; called for every request, so rotation works. */
export type TokenSource = string | (() => string | Promise<string>);

export interface ClientOptions {
  /** The API's base URL; defaults to the first server of the spec. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer …` on every request. */
  auth?: TokenSource;
  /** The fetch to use (a mock in tests, a proxy-aware fetch, …); defaults to the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: HeadersInit;
}

/** Per-call options: anything `fetch` takes (signal, headers, …) except the body and method. */
export type CallOptions = Omit<RequestInit, "body" | "method"> & { baseUrl?: string };

/** Creates the openapi-fetch client an SDK's `createClient` returns. */
export function createApiClient<Paths extends {}>(defaultBaseUrl: string, options: ClientOptions = {}): Client<Paths> {
  const client = createFetchClient<Paths>({
    baseUrl: options.baseUrl ?? defaultBaseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  if (options.auth !== undefined) client.use(bearerAuth(options.auth));
  return client;
}

function bearerAuth(source: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const token = typeof source === "function" ? await source() : source;
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
}

/** How one form field goes on the wire: as text, as one part of JSON text, or as file parts. */
export type FormPart = "text" | "json" | "file";

/**
 * A typed multipart body → FormData (RFC 7578). Strings go as they are, numbers and booleans
 * as their text; an object or array of objects is ONE part of JSON text (a string part, not a
 * Blob, which would carry `filename="blob"`); an array of primitives is repeated parts;
 * Blob/File values are file parts with a filename; null and undefined are left out. Fields
 * go in the schema's order, then any others. fetch sets the Content-Type with its boundary.
 */
export function toFormData(body: object, parts: Readonly<Record<string, FormPart>>): FormData {
  const form = new FormData();
  for (const [name, value] of orderedEntries(body, parts)) {
    const part = parts[name] ?? (isPlainObject(value) || (Array.isArray(value) && value.some(isPlainObject)) ? "json" : "text");
    if (part === "json") {
      form.append(name, JSON.stringify(value));
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item, fileName(item, name));
      else if (item instanceof Uint8Array) form.append(name, new Blob([item as Uint8Array<ArrayBuffer>]), name);
      else form.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}

/** A typed urlencoded body → its text; arrays repeat the key, objects go as JSON text. */
export function toUrlEncoded(body: object, parts: Readonly<Record<string, FormPart>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of orderedEntries(body, parts)) {
    if (parts[name] === "json" || (isPlainObject(value) && parts[name] === undefined)) {
      params.append(name, JSON.stringify(value));
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      params.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  return params.toString();
}

/** Call options with a Content-Type set, for bodies that are neither JSON nor multipart. */
export function withContentType(init: CallOptions | undefined, contentType: string): CallOptions {
  const headers = new Headers(init?.headers);
  headers.set("Content-Type", contentType);
  return { ...init, headers };
}

/** Sends a text or binary body as it is. */
export function rawBody(body: unknown): BodyInit {
  return body instanceof Blob || body instanceof Uint8Array || typeof body === "string" ? (body as BodyInit) : JSON.stringify(body);
}

function orderedEntries(body: object, parts: Readonly<Record<string, FormPart>>): [string, unknown][] {
  const record = body as Record<string, unknown>;
  const names = [...Object.keys(parts).filter((k) => k in record), ...Object.keys(record).filter((k) => !(k in parts))];
  return names.map((name): [string, unknown] => [name, record[name]]).filter(([, v]) => v !== undefined && v !== null);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Blob) && !(value instanceof Uint8Array);
}

function fileName(blob: Blob, field: string): string {
  return typeof File !== "undefined" && blob instanceof File && blob.name ? blob.name : field;
}
