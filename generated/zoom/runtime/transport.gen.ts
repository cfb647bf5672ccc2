// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * The transport: one request, from an operation's method, path template and parameters to
 * openapi-fetch's `{ data, error, response }`. The only module of the runtime that touches
 * openapi-fetch, so that replacing it means changing this file alone.
 *
 * It does what openapi-fetch's `createClient` does for a call, with the runtime's own path
 * encoding and a middleware list of the same semantics (`onRequest` in order, then fetch, then
 * `onError` or `onResponse` in reverse order), but without bundling `createClient`: an app that
 * imports one JSON operation carries this file instead of openapi-fetch's ≈2.7 kB gzip. The
 * query serializer (openapi-fetch's) is bundled only by operations that have query parameters,
 * and openapi-fetch's own client only by an app that asks for one (`fetchClient`).
 */
import createFetchClient, { createQuerySerializer, mergeHeaders, type Client } from "openapi-fetch";

/** What each middleware callback receives, as openapi-fetch's middleware does (without its `options`). */
export interface MiddlewareParams {
  request: Request;
  /** The operation's path template, e.g. `/users/{userId}`. */
  schemaPath: string;
  params: RequestParams;
  /** One id per request, the same in its onRequest and its onResponse or onError. */
  id: string;
  /** The call's attempt this request is (1 for the first); absent through `fetchClient`. */
  attempt?: number | undefined;
}

type Maybe<T> = T | undefined | void;

/**
 * Middleware, with openapi-fetch's semantics: `onRequest` may return a new Request, or a
 * Response (then nothing is fetched and no `onResponse` runs); `onResponse` a new Response;
 * `onError` a Response (the error is then recovered) or a new Error.
 */
export interface Middleware {
  onRequest?(params: MiddlewareParams): Maybe<Request | Response> | Promise<Maybe<Request | Response>>;
  onResponse?(params: MiddlewareParams & { response: Response }): Maybe<Response> | Promise<Maybe<Response>>;
  onError?(params: MiddlewareParams & { error: unknown }): Maybe<Response | Error> | Promise<Maybe<Response | Error>>;
}

/** A request's parameters: the path values, the query as it goes on the wire (see `serializeQuery`), the header values. */
export interface RequestParams {
  path?: object | undefined;
  /** Already serialized: `a=1&b=2`. */
  query?: string | undefined;
  header?: object | undefined;
}

/** What an SDK's `createClient` returns and every operation function takes. */
export interface ApiClient {
  /** Adds middleware (openapi-fetch's shape: `onRequest`, `onResponse`, `onError`) to every request. */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added by `use`. */
  eject(...middleware: Middleware[]): void;
}

export interface TransportOptions {
  baseUrl: string;
  /** The fetch to use; defaults to the global one, looked up per request. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: HeadersInit | undefined;
}

interface Transport extends ApiClient, TransportOptions {
  middleware: Middleware[];
}

/** The outcome of one request, as openapi-fetch gives it. */
export type Outcome = { response: Response; status?: number; data?: unknown; error?: unknown };

/** A client: the options and an empty middleware list. */
export function createTransport(options: TransportOptions): ApiClient {
  const middleware: Middleware[] = [];
  const { headers } = options;
  return {
    ...options,
    // [name, value] pairs would be read as an object (a header "0").
    headers: Array.isArray(headers) ? new Headers(headers) : headers,
    middleware,
    use: (...added) => void middleware.push(...added.filter(Boolean)),
    eject(...removed) {
      for (const m of removed) if (middleware.includes(m)) middleware.splice(middleware.indexOf(m), 1);
    },
  } as Transport;
}

/**
 * The errors fetch itself threw: only those are network errors worth a retry. A TypeError
 * thrown before the request left (a header fetch refuses, a body JSON cannot hold) would fail
 * the same way again.
 */
export const fetchErrors = new WeakSet<object>();

/** `.catch` of every fetch the runtime makes (the API's and the token endpoint's): marks a network error, and rethrows. */
export function networkError(error: unknown): never {
  if (error instanceof TypeError) fetchErrors.add(error);
  throw error;
}

/**
 * One request. `options`: the parameters, a base URL that wins over the client's, how a 2xx
 * body is read (`parseAs`, JSON by default), the body (made JSON unless `encoded` says it is
 * ready to send, or it is FormData), the headers, the attempt's number, and anything else
 * `fetch` takes (`signal`, `duplex`, `redirect`, …).
 */
export async function send(client: ApiClient, method: string, schemaPath: string, options: Record<string, unknown>): Promise<Outcome> {
  const transport = client as Transport;
  const { baseUrl, params = {}, parseAs = "json", body, encoded, headers, attempt, ...init } = options as {
    baseUrl?: string;
    params?: RequestParams;
    parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
    body?: unknown;
    encoded?: boolean;
    headers?: HeadersInit;
    attempt?: number;
  };
  const serialized = body === undefined || encoded || body instanceof FormData ? body : JSON.stringify(body);
  const { path, query, header } = params;
  let request = new Request(
    // A trailing slash of the base URL goes, as openapi-fetch removes it; an empty one per request is none, as there.
    `${(baseUrl || transport.baseUrl).replace(/\/$/, "")}${serializePath(schemaPath, path ?? {})}${query ? `?${query}` : ""}`,
    {
      redirect: "follow",
      ...init,
      method,
      body: serialized as BodyInit,
      // JSON's Content-Type is the default the others override; none without a body, or for FormData (fetch writes its boundary).
      headers: mergeHeaders(serialized === undefined || serialized instanceof FormData ? {} : { "Content-Type": "application/json" }, transport.headers as never, headers as never, header as never),
    },
  );
  // A copy, as openapi-fetch takes one per request: a middleware that ejects itself (or another) mid-request skips none.
  const list = [...transport.middleware];
  const base = { schemaPath, params, id: Math.random().toString(36).slice(2, 11), attempt };
  let response: Response | undefined;
  for (const m of list) {
    const result: Maybe<Request | Response> = await m.onRequest?.({ ...base, request });
    if (result instanceof Request) request = result;
    else if (result instanceof Response) {
      response = result;
      break;
    }
  }
  if (!response) {
    try {
      response = await (transport.fetch ?? globalThis.fetch)(request).catch(networkError);
    } catch (thrown) {
      let error = thrown;
      for (let i = list.length; i--; ) {
        const result: Maybe<Response | Error> = await list[i]!.onError?.({ ...base, request, error });
        if (result instanceof Response) {
          response = result;
          break;
        }
        if (result instanceof Error) error = result;
      }
      if (!response) throw error;
    }
    for (let i = list.length; i--; ) {
      const result: Maybe<Response> = await list[i]!.onResponse?.({ ...base, request, response });
      if (result instanceof Response) response = result;
    }
  }
  // As openapi-fetch: no body to read for a 204, a HEAD (as sent: middleware may change the method), or a Content-Length of 0 (not chunked).
  const length = response.headers.get("Content-Length");
  if (response.status === 204 || request.method === "HEAD" || (length === "0" && !response.headers.get("Transfer-Encoding")?.includes("chunked"))) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    if (parseAs !== "json") return { data: parseAs === "stream" ? response.body : await response[parseAs](), response };
    // An empty JSON body is no data, not a SyntaxError.
    const text = await response.text();
    return { data: text ? JSON.parse(text) : undefined, response };
  }
  // An error body: JSON when it parses, else its text.
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {}
  return { error, response };
}

/**
 * Path parameters into the path so that no value can change it: each value is
 * percent-encoded (`/`, `?`, `#` and `%` too); arrays and objects as OpenAPI's `simple` style,
 * comma-separated (an object as its entries, so its keys are encoded too), and a segment that
 * would be empty, `.` or `..` is refused. URLs resolve `.` and `..` away (`DELETE /users/..`
 * would be `DELETE /`), `%2E` is no escape (WHATWG URL reads it as a dot), and an empty segment
 * addresses another resource (`/users/`). The segment is judged whole, so `{name}.json` takes
 * `""`. A value left out (or null) keeps its `{name}`. Names are the spec's: `__proto__` is a
 * key like any other, and a leading `.`/`;` or trailing `*` is no style.
 */
export function serializePath(template: string, params: object): string {
  const values = params as Record<string, unknown>;
  const result = template.replace(/\{([^{}]+)\}/g, (match, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value == null) return match;
    const list = typeof value === "object" ? (Array.isArray(value) ? value : Object.entries(value).flat()) : [value];
    return list.map((v) => encodeURIComponent(v as string)).join(",");
  });
  // Encoded values hold no `/`, so the segments line up with the template's.
  const segments = result.split("/");
  for (const [i, segment] of template.split("/").entries()) {
    if (segment.includes("{") && /^(\.|%2e){0,2}$/i.test(segments[i]!)) {
      throw new TypeError(`path segment ${segment} would be ${JSON.stringify(segments[i])}: an empty, "." or ".." segment sends the request to another path`);
    }
  }
  return result;
}

/**
 * The query as it goes on the wire, as openapi-fetch's default serializer writes it (arrays
 * exploded in `form` style, objects as `deepObject`, values percent-encoded). Names are written
 * as given: see query.ts, which encodes them first.
 */
export const serializeQuery = (query: object): string => createQuerySerializer()(query);

/**
 * An openapi-fetch client with the same base URL, fetch, headers and middleware (credentials,
 * logging, Digest, token refresh) as `client`: for requests outside the operation functions
 * (`fetchClient<paths>(client).GET("/users/{userId}", …)`). Middleware added to `client` later
 * does not reach it. Retries, timeouts, hooks and `throwOnError` belong to the operation
 * functions, as they did when `createClient` returned this client itself.
 */
export function fetchClient<Paths extends {}>(client: ApiClient): Client<Paths> {
  const { baseUrl, fetch, headers, middleware } = client as Transport;
  const raw = createFetchClient<Paths>({ baseUrl, fetch: (request) => (fetch ?? globalThis.fetch)(request).catch(networkError), headers, pathSerializer: serializePath });
  // Only what openapi-fetch's `use` takes: `use` here takes any middleware, even one with no
  // callback (`{}`), which does nothing in a request but would make openapi-fetch's throw.
  // (Skipped here rather than checked in `use`, which every app bundles.)
  raw.use(...(middleware.filter((m) => typeof m === "object" && ("onRequest" in m || "onResponse" in m || "onError" in m)) as never[]));
  return raw;
}
