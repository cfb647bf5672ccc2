// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Logging of every attempt an SDK makes (method, URL, status, attempt, duration, request id),
 * with secrets masked: `Authorization`, cookies, API keys and anything named like a token,
 * secret, password or key, in headers and in the query. Installed by `createClient({ logger:
 * logging() })` as a middleware of the transport; the API's environment variable
 * (`ZOOM_SDK_LOG=debug`) sets its level where no level is given.
 */
import { requestIdOf } from "./call.gen.js";
import type { Middleware } from "./transport.gen.js";

/** What the SDK logs to: `console` works, or any object with these methods (pino, winston, …). */
export interface Logger {
  debug(message: string, details: LogDetails): void;
  info(message: string, details: LogDetails): void;
  warn(message: string, details: LogDetails): void;
  error(message: string, details: LogDetails): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error";

/** One attempt, as logged: secrets in the URL and headers are `***`. */
export interface LogDetails {
  method: string;
  url: string;
  status?: number;
  attempt: number;
  durationMs: number;
  requestId?: string;
  requestHeaders: Record<string, string>;
  error?: string;
}

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];
/** Names whose values are secrets: in headers, query parameters. */
const SECRET = /auth|cookie|token|secret|passw|api[-_]?key|^key$|session|signature|credential/i;
const MASK = "***";

/** A URL with its secret query values, and any user:password, masked. */
export function maskUrl(url: string, secretNames: readonly string[] = []): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = MASK;
  for (const name of new Set(parsed.searchParams.keys())) {
    if (SECRET.test(name) || secretNames.includes(name)) parsed.searchParams.set(name, MASK);
  }
  return parsed.href;
}

/** Headers as a record, secret values masked. */
export function maskHeaders(headers: Headers, secretNames: readonly string[] = []): Record<string, string> {
  const masked: Record<string, string> = {};
  headers.forEach((value, name) => (masked[name] = SECRET.test(name) || secretNames.some((s) => s.toLowerCase() === name) ? MASK : value));
  return masked;
}

/** What `createClient({ logger })` takes: the SDK's `logging(…)` makes one, and the client installs it. */
export interface Logging {
  /** `schemes`: the spec's security schemes, whose API key names are masked even when they look harmless. */
  install(client: { use(middleware: Middleware): void }, schemes: Readonly<Record<string, { name?: string }>>): void;
}

/**
 * Logging for `createClient({ logger })`, in its own module so that an app that logs nothing
 * bundles none of it; each SDK's `logging(logger?, level?)` calls it with the API's environment
 * variable. The level: `level` when given, else the variable's (`ZOOM_SDK_LOG=info`) where
 * there is an environment, else `debug` when a logger is given; with neither, nothing is logged.
 */
export function logging(logger?: Logger, level?: LogLevel, env?: string): Logging {
  return {
    install(client, schemes) {
      // Read where there is a `process` (Node, Deno, Bun); browsers have no environment.
      const fromEnv = env ? (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[env]?.toLowerCase() : undefined;
      const min = level ?? (LEVELS.includes(fromEnv as LogLevel) ? (fromEnv as LogLevel) : logger ? "debug" : undefined);
      const secretNames = Object.values(schemes).flatMap((s) => (s.name ? [s.name] : []));
      if (min) client.use(middleware(logger ?? console, min, secretNames));
    },
  };
}

/**
 * The middleware that logs each attempt: debug for a success, info for a 4xx, warn for a 5xx
 * or a network error; only from `level` up. `secretNames`: the API key names of the spec's
 * schemes, masked even when they look harmless.
 */
function middleware(logger: Logger, level: LogLevel, secretNames: readonly string[]): Middleware {
  const started = new Map<string, [number, number]>();
  const min = LEVELS.indexOf(level);
  const emit = (at: LogLevel, request: Request, id: string, extra: Partial<LogDetails>) => {
    const [start, attempt] = started.get(id) ?? [Date.now(), 1];
    const durationMs = Date.now() - start;
    started.delete(id);
    if (LEVELS.indexOf(at) < min) return;
    const details: LogDetails = {
      method: request.method,
      url: maskUrl(request.url, secretNames),
      attempt,
      durationMs,
      requestHeaders: maskHeaders(request.headers, secretNames),
      ...extra,
    };
    const outcome = details.status !== undefined ? String(details.status) : `failed (${details.error})`;
    logger[at](`${details.method} ${details.url} → ${outcome} in ${durationMs} ms (attempt ${details.attempt})`, details);
  };
  return {
    onRequest({ id, attempt = 1 }) {
      started.set(id, [Date.now(), attempt]);
    },
    onResponse({ request, response, id }) {
      const requestId = requestIdOf(response);
      emit(response.status >= 500 ? "warn" : response.status >= 400 ? "info" : "debug", request, id, { status: response.status, ...(requestId ? { requestId } : {}) });
    },
    onError({ request, error, id }) {
      emit("warn", request, id, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    },
  };
}
