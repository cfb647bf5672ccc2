/**
 * Logging of every attempt an SDK makes (method, URL, status, attempt, duration, request id),
 * with secrets masked: `Authorization`, cookies, API keys and anything named like a token,
 * secret, password or key, in headers and in the query. Turned on by the `logger` option or by
 * the API's environment variable (`ZOOM_SDK_LOG=debug`), as an openapi-fetch middleware.
 */
import type { Middleware } from "openapi-fetch";
import { requestIdOf } from "./call.js";

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

/**
 * The logger from `<API>_SDK_LOG` (debug, info, warn or error; `console` at that level), or
 * none. Read where there is a `process` (Node, Deno, Bun); browsers have no environment.
 */
export function loggerFromEnv(name: string): { logger: Logger; level: LogLevel } | undefined {
  const level = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name]?.toLowerCase() as LogLevel | undefined;
  return level && LEVELS.includes(level) ? { logger: console, level } : undefined;
}

/**
 * The middleware that logs each attempt: debug for a success, info for a 4xx, warn for a 5xx
 * or a network error; only from `level` up. `secretNames`: the API key names of the spec's
 * schemes, masked even when they look harmless.
 */
export function logging(logger: Logger, level: LogLevel, secretNames: readonly string[]): Middleware {
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
    onRequest({ request, id }) {
      started.set(id, [Date.now(), (request as { attempt?: number }).attempt ?? 1]);
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
