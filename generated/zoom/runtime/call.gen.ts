// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * One operation call: hooks around it (when the client has them: hooks.ts), then attempts with retries (408, 429, 5xx and network
 * errors; Retry-After and X-RateLimit-Reset honoured, else exponential backoff with jitter),
 * one token refresh after a 401, a deadline for the whole call and one per attempt, and
 * errors that always say what happened even when the body is empty. POST and PATCH are
 * retried only where that cannot do the work twice: when the server said it did not process
 * the request (429, 503 with Retry-After) or when the call carries an idempotency key.
 */
import type { Credentials, TokenSource } from "./auth.gen.js";
import type { Encoder } from "./body.gen.js";
import type { HookRunner } from "./hooks.gen.js";
import type { idempotent } from "./idempotency.gen.js";
import { fetchErrors, send, type ApiClient, type Outcome, type RequestParams } from "./transport.gen.js";

export interface RetryOptions {
  /** How many times to retry (default 2). */
  retries?: number;
  /** The longest wait before a retry; a server asking for longer is not retried (default 30 s). */
  maxDelayMs?: number;
  /** The first backoff step when the server gives no hint (default 500 ms, doubling). */
  baseDelayMs?: number;
  /**
   * Status codes worth retrying (default 408, 429, 500, 502, 503, 504). POST and PATCH without
   * an idempotency key are retried only on 429 and on 503 with Retry-After among them.
   */
  statuses?: number[];
}

/** What the hooks see (given through `withHooks`). They sit above the retry loop: one call, one onRequest, one onResponse or onError. */
export interface Hooks {
  onRequest?(event: { method: string; path: string }): void | Promise<void>;
  onResponse?(event: { method: string; path: string; response: Response; attempts: number; durationMs: number }): void | Promise<void>;
  onError?(event: { method: string; path: string; error: unknown; attempts: number; durationMs: number }): void | Promise<void>;
}

/** Per-call options: anything `fetch` takes (signal, headers, …) plus the runtime's own. */
export interface CallOptions extends Omit<RequestInit, "body" | "method"> {
  /** This call's base URL: wins over the client's and the operation's own server. */
  baseUrl?: string;
  retry?: RetryOptions | false;
  /** The whole call's deadline, retries and waits included. */
  timeoutMs?: number;
  /** Each attempt's deadline: an attempt that runs out is retried like a network error. */
  attemptTimeoutMs?: number;
  /**
   * Send an `Idempotency-Key` header (one key per call, the same on every attempt) with POST
   * and PATCH, which may then be retried like other methods. On by itself for operations that
   * declare the header; a key given in the headers or parameters is used as it is.
   */
  idempotencyKey?: boolean;
  throwOnError?: boolean;
}

/** The runtime settings a client carries (see createClient). */
export interface RuntimeConfig {
  /** Set only when the caller chose one: it then wins over an operation's own server. */
  baseUrl?: string | undefined;
  /** The client's headers, named when fetch refuses one. */
  headers?: HeadersInit | undefined;
  auth?: TokenSource | Credentials | undefined;
  retry?: RetryOptions | false | undefined;
  timeoutMs?: number | undefined;
  attemptTimeoutMs?: number | undefined;
  idempotencyKey?: boolean | undefined;
  throwOnError?: boolean | undefined;
  hooks?: HookRunner | undefined;
}

/**
 * An error response whose body is not a documented JSON error: Zoom's are often empty
 * text/plain; a JSON body under a status the operation does not document is one too.
 */
export interface HttpError {
  status: number;
  statusText: string;
  /** The body as text ("" when empty; JSON re-serialized by JSON.stringify, as openapi-fetch parsed it). */
  body: string;
  /** The server's request id, when a common header gives one. */
  requestId?: string;
}

/** The request id a server gave, under the headers common APIs use (`x-request-id`, Zoom's `x-zm-trackingid`, `request-id`). */
export const requestIdOf = (response: Response): string | undefined =>
  ["x-request-id", "x-zm-trackingid", "request-id", "x-amzn-requestid"].map((name) => response.headers.get(name)).find((id) => id !== null) ?? undefined;

/** `{ requestId }` when the response gives one, else nothing: spread into an error. */
const withRequestId = (response: Response) => {
  const requestId = requestIdOf(response);
  return requestId && { requestId };
};

/** Thrown in `throwOnError` mode, and by the paginators. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  // Declared, then assigned: no second set of class fields in the bundle.
  declare readonly status: number;
  declare readonly statusText: string;
  /** The parsed JSON error, or the body as text. */
  declare readonly body: unknown;
  declare readonly method: string;
  declare readonly path: string;
  declare readonly response: Response;
  /** The server's request id, when a common header gives one: quote it to the API's support. */
  declare readonly requestId?: string;
  constructor(status: number, statusText: string, body: unknown, method: string, path: string, response: Response) {
    super(`${method} ${path} failed: ${status} ${statusText}`.trim());
    Object.assign(this, { status, statusText, body, method, path, response }, withRequestId(response));
  }
}

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** Every status code HTTP allows (100–599), as number literals. */
type Status = `${1 | 2 | 3 | 4 | 5}${Digit}${Digit}` extends infer S ? (S extends `${infer N extends number}` ? N : never) : never;
type SuccessStatus = `2${Digit}${Digit}` extends infer S ? (S extends `${infer N extends number}` ? N : never) : never;
type ResponsesOf<Op> = Op extends { responses: infer R } ? R : {};
/** A response's JSON body (the SDK parses only JSON error bodies), else `Otherwise`. */
type JsonOf<R, K, Otherwise> = K extends keyof R ? (R[K] extends { content: infer C } ? ([Extract<keyof C, `${string}json${string}`>] extends [never] ? Otherwise : C[Extract<keyof C, `${string}json${string}`>]) : Otherwise) : never;
/** What a 2xx response's body is read as: its documented body, or text or a Blob when the operation reads those. */
type DataAt<R, K, Options> = Options extends { parseAs: "text" } ? string : Options extends { parseAs: "blob" } ? Blob : K extends keyof R ? (R[K] extends { content: infer C } ? C[keyof C] : never) : never;
/** The documented statuses of an operation, as numbers; `2XX`, `4XX`, `default` are ranges. */
type Documented<R> = Extract<keyof R, number>;
type Ranges<R> = Exclude<keyof R, number>;

/**
 * What an operation function returns: openapi-fetch's `{ data, error, response }` plus the
 * `status`, typed from the operation's own responses and discriminated by status: checking
 * `status` narrows `data` or `error` to what that status documents
 * (`if (r.status === 409) r.error.conflictWith`). A status the spec does not document gives
 * an `HttpError` (or the body a documented `4XX`/`default` range gives). Not through
 * openapi-fetch's FetchResponse, whose helpers cost tsc 2.3× openapi-typescript's output on
 * GitHub's 1,223 operations, nor its path search, 14×.
 */
export type Result<Op, Options = {}> = StatusResult<ResponsesOf<Op>, Options>;
type StatusResult<R, Options> =
  | { [S in Extract<Documented<R>, SuccessStatus>]: { status: S; data: DataAt<R, S, Options>; error?: never; response: Response } }[Extract<Documented<R>, SuccessStatus>]
  | { [S in Exclude<Documented<R>, SuccessStatus>]: { status: S; data?: never; error: JsonOf<R, S, HttpError>; response: Response } }[Exclude<Documented<R>, SuccessStatus>]
  | { status: Exclude<SuccessStatus, Documented<R>>; data: DataAt<R, Ranges<R> | Extract<Documented<R>, SuccessStatus>, Options>; error?: never; response: Response }
  | { status: Exclude<Status, SuccessStatus | Documented<R>>; data?: never; error: HttpError | JsonOf<R, Exclude<Ranges<R>, "2XX">, never>; response: Response };

/** One operation call, as the generated functions describe it. */
export interface OperationCall {
  /** Upper case: `GET`, `POST`, … */
  method: string;
  /** The path template, e.g. `/users/{userId}/status`. */
  path: string;
  /**
   * The operation's own server (its path's or its own `servers`), when it differs from the
   * spec's first server. Used unless the caller chose a base URL, per call or for the client.
   */
  baseUrl?: string;
  params?: RequestParams;
  body?: unknown;
  /** Encodes the body for one attempt (multipart, urlencoded, raw); JSON needs none. */
  encode?: Encoder;
  /** The error statuses the operation documents with a JSON body (`404`, `"4XX"`, `"default"`); other errors are HttpErrors. */
  errors?: readonly (number | string)[];
  /** The idempotency header the operation declares (e.g. `Idempotency-Key`): one key per call is sent in it. */
  idempotencyKey?: string;
  /**
   * Adds the key (see idempotency.ts): given by the operations that may send one (POST, PATCH,
   * and those that declare the header), so that an app calling only others bundles none of it.
   */
  idempotent?: typeof idempotent;
  parseAs?: "text" | "blob";
}


/** A client's settings, retry defaults filled in. */
interface Settings extends Omit<RuntimeConfig, "retry"> {
  retry: Required<RetryOptions>;
}

const settings = new WeakMap<object, Settings>();
/**
 * 401 responses a credential can answer, marked by the middleware of the scheme or token that
 * can (a Digest challenge; a refreshable token, invalidated): the call is repeated once.
 */
export const challenged = new WeakSet<Response>();
const DEFAULT_RETRY: Required<RetryOptions> = { retries: 2, maxDelayMs: 30_000, baseDelayMs: 500, statuses: [408, 429, 500, 502, 503, 504] };
const withDefaults = (base: Required<RetryOptions>, retry: RetryOptions | false | undefined): Required<RetryOptions> =>
  retry === false ? { ...base, retries: 0 } : { ...base, ...retry };

/** Remembers a client's runtime settings (done once by createClient). */
export function configureClient(client: object, config: RuntimeConfig): void {
  settings.set(client, { ...config, retry: withDefaults(DEFAULT_RETRY, config.retry) });
}

/**
 * The error for a header fetch would refuse, naming the header but neither holding nor wrapping
 * its value (fetch's own error quotes it): it may be a secret, and errors end up in logs.
 * `what` says whose header (`GET /x: `, `the credential for `).
 */
export const refusedHeader = (what: string, name: string, why = "a name is an HTTP token; a value has no CR, LF, NUL or character beyond U+00FF") =>
  new TypeError(`${what}the header ${JSON.stringify(name)} cannot be sent (${why})`);

/**
 * Runs one operation call: each attempt encodes the body anew and sends it through the
 * transport (transport.ts). Untyped on purpose: each operation function declares its own
 * `Promise<Result<…>>`, so tsc works out a result type only where a caller uses it (typing the
 * call here made tsc instantiate 10,590 types up front for GitHub's SDK).
 */
export async function call(client: ApiClient, operation: OperationCall, init: CallOptions = {}): Promise<any> {
  const config = settings.get(client) ?? { retry: DEFAULT_RETRY };
  const { method, path, body, encode, params, errors } = operation;
  const what = `${method} ${path}`;
  const {
    retry: callRetry,
    timeoutMs = config.timeoutMs,
    attemptTimeoutMs = config.attemptTimeoutMs,
    idempotencyKey = config.idempotencyKey,
    throwOnError = config.throwOnError,
    signal: callerSignal,
    // The rest is fetch's own options (headers, cache, …), handed on as they are.
    ...rest
  } = init;
  const base: Record<string, unknown> = rest;
  const { retries, maxDelayMs, baseDelayMs, statuses } = withDefaults(config.retry, callRetry);
  const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const signal = deadline && callerSignal ? AbortSignal.any([callerSignal, deadline]) : (deadline ?? callerSignal ?? undefined);
  const headers = params?.header;
  base.params = params;
  // The caller's base URL (per call, then the client's) wins over the operation's own server.
  if (operation.baseUrl && !base.baseUrl && config.baseUrl === undefined) base.baseUrl = operation.baseUrl;
  // Headers given as [name, value] pairs would be read as an object (a header "0"): group them,
  // one value per name in any case (under its first spelling, which a refusal names), joined as
  // Headers joins them, so that the call's value replaces the client's as a record's or a
  // Headers' does (an array of values is appended to it).
  if (Array.isArray(base.headers)) {
    // (No prototype: a header named __proto__ is a name like any other, refused below in Node.)
    const grouped: Record<string, string> = { __proto__: null } as never;
    const spelled: Record<string, string> = { __proto__: null } as never;
    for (let [name, value] of base.headers as [string, string][]) grouped[(name = spelled[name.toLowerCase()] ??= name)] = name in grouped ? grouped[name] + ", " + value : value;
    base.headers = grouped;
  }
  // Node's fetch (undici, Node 20 to 24) drops a header named __proto__ without a word: refused
  // here instead, so a call never goes out without a header it was given.
  // (A spread copies a key `__proto__` as a key; a Headers object has none and drops nothing.)
  if (NODE_FETCH && Object.keys({ ...headers, ...(base.headers as object) }).some((name) => /^__proto__$/i.test(name))) {
    throw refusedHeader(`${what}: `, "__proto__", "Node's fetch drops it");
  }
  // POST and PATCH may do their work twice if retried: only with an idempotency key, one per
  // call and the same on every attempt (the caller's own when given).
  let safe = !/^(POST|PATCH)$/.test(method);
  const keyed = operation.idempotent?.(operation, idempotencyKey, base.headers);
  if (keyed) {
    base.params = keyed;
    safe = true;
  }
  // The transport reads parseAs (undefined: JSON); the signal goes to the Request (undefined: none).
  base.parseAs = operation.parseAs;
  base.signal = signal;
  const replayable = encode?.replayable?.(body) ?? true;
  /** Whether another attempt may go: the body can be sent again, retries are left, and the call is not aborted. */
  const again = () => replayable && attempts <= retries && !signal?.aborted;
  let attempts = 0;
  let repeated = false;
  /** The attempts, until one gives the call's outcome. */
  const run = async (): Promise<Outcome> => {
    let outcome: Outcome | undefined;
    for (;;) {
      // A retry's number goes to the middleware with its request, for the log;
      // the first attempt sends base itself: no copy per call.
      let options: Record<string, unknown> = ++attempts > 1 ? { ...base, attempt: attempts } : base;
      let late: boolean | undefined;
      let delay: number;
      outcome = undefined;
      try {
        try {
          if (body !== undefined) {
            const encoded = encode ? encode(options, body) : { ...options, body };
            // A body that encodes synchronously (JSON, FormData) is not awaited: no microtask per call.
            options = encoded instanceof Promise ? await encoded : encoded;
          }
          if (attemptTimeoutMs !== undefined) {
            const attemptSignal = AbortSignal.timeout(attemptTimeoutMs);
            options = { ...options, signal: signal ? AbortSignal.any([signal, attemptSignal]) : attemptSignal };
            // An attempt out of time is retried like a network error; the call's own deadline or an abort is not.
            late = true;
          }
          outcome = await send(client, method, path, options);
        } catch (error) {
          late &&= (options.signal as AbortSignal).aborted && !signal?.aborted;
          // An error thrown before the request left is not retried, and says which header when
          // one was refused. Without an idempotency key, a POST or PATCH that may have reached
          // the server is not sent again.
          if (!late && !fetchErrors.has(error as object)) throw unsendable(what, config.headers, base.headers, headers) ?? error;
          if (!(safe && again())) throw late ? timeoutError(`${what} attempt ${attempts}`, attemptTimeoutMs!) : error;
          delay = backoff(attempts, baseDelayMs);
        }
        if (outcome) {
          const { response } = outcome;
          const { status } = response;
          // Once per call, a 401 that a credential answered (a Digest challenge, a refreshed token) is repeated.
          if (status === 401 && !repeated && replayable && challenged.has(response)) {
            repeated = true;
            continue;
          }
          // Unsafe methods only when the server said it did not process the request.
          delay = statuses.includes(status) && (safe || status === 429 || (status === 503 && response.headers.has("Retry-After"))) && again() ? retryDelay(response, attempts, baseDelayMs) : Infinity;
          if (!(delay <= maxDelayMs)) break;
        }
        await sleep(delay!, signal);
      } catch (thrown) {
        // The call's own deadline says so, whether the send or a wait ran out of it.
        throw deadline?.aborted && !callerSignal?.aborted ? timeoutError(what, timeoutMs!) : thrown;
      }
    }
    const { response, error } = outcome;
    const { status } = response;
    outcome.status = status;
    // An error body the operation does not document as JSON (none, text, or a JSON body under a
    // status it does not name) is an HttpError, as its type says.
    if (!response.ok && (error === undefined || typeof error === "string" || !errors?.some((e) => e === status || e === `${(status / 100) | 0}XX` || e === "default"))) {
      outcome.error = { status, statusText: response.statusText, body: typeof error === "string" ? error : (JSON.stringify(error) ?? ""), ...withRequestId(response) } satisfies HttpError;
    }
    return outcome;
  };
  const { hooks } = config;
  const outcome = await (hooks ? hooks(method, path, run, () => attempts) : run());
  const { response } = outcome;
  if (throwOnError && !response.ok) throw new ApiError(response.status, response.statusText, outcome.error, method, path, response);
  return outcome;
}

const timeoutError = (what: string, ms: number) => Object.assign(new Error(`${what} timed out after ${ms} ms`), { name: "TimeoutError" });

/** Whether this runtime's fetch is Node's (undici). */
const NODE_FETCH = !!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;

/** Whether headers (a Headers, or a record of them) set `name`, in any case. */
export function hasHeader(headers: unknown, name: string): boolean {
  if (headers instanceof Headers) return headers.has(name);
  for (const key in headers as object) if (key.toLowerCase() === name.toLowerCase() && (headers as Record<string, unknown>)[key] != null) return true;
  return false;
}

/**
 * After a request failed before it left: the header fetch refuses (a name that is not an HTTP
 * token; a value with CR, LF or NUL inside, or a character beyond U+00FF), found by asking
 * Headers itself, as an error that names it (see refusedHeader). Only on this failure path: a
 * call that goes pays nothing for it.
 */
function unsendable(call: string, ...sources: unknown[]): TypeError | undefined {
  for (const source of sources) {
    if (source && !(source instanceof Headers)) {
      for (const [name, value] of Object.entries(source)) {
        for (const item of [value].flat()) {
          try {
            if (item != null) new Headers([[name, String(item)]]);
          } catch {
            return refusedHeader(`${call}: `, name);
          }
        }
      }
    }
  }
  return undefined;
}

/** Retry-After (seconds or an HTTP date), then X-RateLimit-Reset (epoch seconds or seconds to wait), else backoff. */
export function retryDelay(response: Response, attempt: number, baseDelayMs?: number): number {
  const header = (name: string) => response.headers.get(name) as never as number | null;
  const after = header("Retry-After");
  const reset = header("X-RateLimit-Reset") ?? header("RateLimit-Reset");
  // isFinite(text) is Number.isFinite(+text); `text * 1000` is the number of seconds in ms.
  const ms =
    after !== null
      ? isFinite(after) ? after * 1000 : Date.parse(after as never) - Date.now()
      : reset !== null && isFinite(reset) ? reset * 1000 - (reset > 1e9 ? Date.now() : 0) : NaN;
  return ms >= 0 ? ms : ms < 0 ? 0 : backoff(attempt, baseDelayMs);
}

/** Exponential backoff with full jitter. */
const backoff = (attempt: number, baseDelayMs = DEFAULT_RETRY.baseDelayMs) => Math.random() * baseDelayMs * 2 ** (attempt - 1);

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener("abort", abort, { once: true });
  });
}
