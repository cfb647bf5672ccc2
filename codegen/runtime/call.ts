/**
 * One operation call: hooks around it, then attempts with retries (408, 429, 5xx and network
 * errors; Retry-After and X-RateLimit-Reset honoured, else exponential backoff with jitter),
 * one token refresh after a 401, a deadline for the whole call, and errors that always say
 * what happened even when the body is empty.
 */
import type { FetchResponse } from "openapi-fetch";
import { refreshableTokens, type Credentials, type TokenSource } from "./auth.js";
import { holdsStream, type Encoder } from "./body.js";

export interface RetryOptions {
  /** How many times to retry (default 2). */
  retries?: number;
  /** The longest wait before a retry; a server asking for longer is not retried (default 30 s). */
  maxDelayMs?: number;
  /** The first backoff step when the server gives no hint (default 500 ms, doubling). */
  baseDelayMs?: number;
  /** Status codes worth retrying (default 408, 429, 500, 502, 503, 504). */
  statuses?: number[];
}

/** What the hooks see. They sit above the retry loop: one call, one onRequest, one onResponse or onError. */
export interface Hooks {
  onRequest?(event: { method: string; path: string }): void | Promise<void>;
  onResponse?(event: { method: string; path: string; response: Response; attempts: number; durationMs: number }): void | Promise<void>;
  onError?(event: { method: string; path: string; error: unknown; attempts: number; durationMs: number }): void | Promise<void>;
}

/** Per-call options: anything `fetch` takes (signal, headers, …) plus the runtime's own. */
export interface CallOptions extends Omit<RequestInit, "body" | "method"> {
  baseUrl?: string;
  retry?: RetryOptions | false;
  /** The whole call's deadline, retries and waits included. */
  timeoutMs?: number;
  throwOnError?: boolean;
}

/** The runtime settings a client carries (see createClient). */
export interface RuntimeConfig {
  auth?: TokenSource | Credentials | undefined;
  retry?: RetryOptions | false | undefined;
  timeoutMs?: number | undefined;
  throwOnError?: boolean | undefined;
  hooks?: Hooks | undefined;
}

/** An error response whose body is not a documented JSON error: Zoom's are often empty text/plain. */
export interface HttpError {
  status: number;
  statusText: string;
  /** The body as text ("" when empty). */
  body: string;
}

/** Thrown in `throwOnError` mode, and by the paginators. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly statusText: string,
    /** The parsed JSON error, or the body as text. */
    readonly body: unknown,
    readonly method: string,
    readonly path: string,
    readonly response: Response,
  ) {
    super(`${method} ${path} failed: ${status} ${statusText}`.trim());
  }
}

/** openapi-fetch's result with `error` always set on failure: a documented error body, or an HttpError. */
export type CallResult<R> = R extends { error: infer E; response: Response }
  ? [E] extends [undefined] ? R : { data?: never; error: Exclude<E, undefined | ""> | HttpError; response: Response }
  : R;

/**
 * What an operation function returns, computed from the operation's own type (not by
 * openapi-fetch's search of every path, which costs tsc 14× on GitHub's 1,223 operations).
 */
export type Result<Op extends Record<string | number, any>, Options = {}> = CallResult<FetchResponse<Op, Options, `${string}/${string}`>>;

/** One operation call, as the generated functions describe it. */
export interface OperationCall {
  method: string;
  /** The path template, e.g. `/users/{userId}/status`. */
  path: string;
  params?: { path?: object; query?: object; header?: object };
  body?: unknown;
  /** Encodes the body for one attempt (multipart, urlencoded, raw); JSON needs none. */
  encode?: Encoder;
  parseAs?: "text" | "blob";
}

/** openapi-fetch's request method, untyped: the operation functions carry the types. */
type Send = (method: string, path: string, init: Record<string, unknown>) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

const configs = new WeakMap<object, RuntimeConfig>();

/** Remembers a client's runtime settings (done once by createClient). */
export function configureClient(client: object, config: RuntimeConfig): void {
  configs.set(client, config);
}

const DEFAULT_STATUSES = [408, 429, 500, 502, 503, 504];

/** Runs one operation call: each attempt encodes the body anew and sends it through openapi-fetch. */
export async function call<Op extends Record<string | number, any>, Options = {}>(client: object, operation: OperationCall, init?: CallOptions): Promise<Result<Op, Options>> {
  const send = (client as { request: Send }).request;
  const { method, path, params, body, encode, parseAs } = operation;
  const attempt = async (fetchInit: Record<string, unknown>) => {
    const base = { ...fetchInit, ...(params ? { params } : {}), ...(parseAs ? { parseAs } : {}) };
    if (body === undefined) return send(method, path, base);
    const encoded = encode ? encode(base, body) : { ...base, body };
    return send(method, path, encoded instanceof Promise ? await encoded : encoded);
  };
  return run(client, method, path, body, init, attempt) as Promise<Result<Op, Options>>;
}

async function run<R extends { response: Response; data?: unknown; error?: unknown }>(
  client: object,
  method: string,
  path: string,
  body: unknown,
  init: CallOptions | undefined,
  attempt: (init: Record<string, unknown>) => Promise<R>,
): Promise<R> {
  const config = configs.get(client) ?? {};
  const { retry: callRetry, timeoutMs: callTimeout, throwOnError: callThrow, signal: callerSignal, ...fetchInit } = init ?? {};
  const retry: RetryOptions = callRetry === false || (callRetry === undefined && config.retry === false) ? { retries: 0 } : callRetry ? { ...config.retry, ...callRetry } : config.retry || {};
  const retries = retry.retries ?? 2;
  const statuses = retry.statuses ?? DEFAULT_STATUSES;
  const timeoutMs = callTimeout ?? config.timeoutMs;
  const throwOnError = callThrow ?? config.throwOnError ?? false;
  const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const signals = [callerSignal, deadline].filter((s): s is AbortSignal => s !== undefined && s !== null);
  const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
  const replayable = body === undefined || !holdsStream(body);
  const hooks = config.hooks;
  const started = Date.now();
  let attempts = 0;
  let refreshed = false;

  if (hooks?.onRequest) await hooks.onRequest({ method, path });
  for (;;) {
    attempts++;
    let result: R;
    try {
      result = await attempt(signal ? { ...fetchInit, signal } : (fetchInit as Record<string, unknown>));
    } catch (error) {
      const aborted = signal?.aborted === true;
      if (!aborted && replayable && attempts <= retries && isNetworkError(error)) {
        await sleep(backoff(attempts, retry.baseDelayMs), signal);
        continue;
      }
      const thrown = aborted && deadline?.aborted && !callerSignal?.aborted ? timeoutError(method, path, timeoutMs!) : error;
      if (hooks?.onError) await hooks.onError({ method, path, error: thrown, attempts, durationMs: Date.now() - started });
      throw thrown;
    }
    const { response } = result;
    if (response.status === 401 && !refreshed && replayable) {
      const tokens = refreshableTokens(config.auth);
      if (tokens.length > 0) {
        refreshed = true;
        for (const token of tokens) token.invalidate();
        continue;
      }
    }
    if (statuses.includes(response.status) && attempts <= retries && replayable && !signal?.aborted) {
      const delay = retryDelay(response, attempts, retry.baseDelayMs);
      if (delay <= (retry.maxDelayMs ?? 30_000)) {
        try {
          await sleep(delay, signal);
          continue;
        } catch (error) {
          const thrown = deadline?.aborted && !callerSignal?.aborted ? timeoutError(method, path, timeoutMs!) : error;
          if (hooks?.onError) await hooks.onError({ method, path, error: thrown, attempts, durationMs: Date.now() - started });
          throw thrown;
        }
      }
    }
    const final = response.ok ? result : withError(result);
    if (hooks?.onResponse) await hooks.onResponse({ method, path, response, attempts, durationMs: Date.now() - started });
    if (throwOnError && !response.ok) throw new ApiError(response.status, response.statusText, (final as { error?: unknown }).error, method, path, response);
    return final;
  }
}

/** An error result always has an `error`: the documented body, or status, status text and the text body. */
function withError<R extends { response: Response; error?: unknown }>(result: R): R {
  const { error, response } = result;
  if (error !== undefined && error !== "" && typeof error !== "string") return result;
  const httpError: HttpError = { status: response.status, statusText: response.statusText, body: typeof error === "string" ? error : "" };
  return { ...result, error: httpError };
}

/** Retry-After (seconds or an HTTP date), then X-RateLimit-Reset (epoch seconds or seconds to wait), else backoff. */
export function retryDelay(response: Response, attempt: number, baseDelayMs?: number): number {
  const retryAfter = response.headers.get("Retry-After");
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const reset = response.headers.get("X-RateLimit-Reset") ?? response.headers.get("RateLimit-Reset");
  if (reset !== null && Number.isFinite(Number(reset))) {
    const value = Number(reset);
    return Math.max(0, value > 1e9 ? value * 1000 - Date.now() : value * 1000);
  }
  return backoff(attempt, baseDelayMs);
}

/** Exponential backoff with full jitter. */
function backoff(attempt: number, baseDelayMs = 500): number {
  return Math.random() * baseDelayMs * 2 ** (attempt - 1);
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

function timeoutError(method: string, path: string, ms: number): Error {
  const error = new Error(`${method} ${path} timed out after ${ms} ms`);
  error.name = "TimeoutError";
  return error;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
