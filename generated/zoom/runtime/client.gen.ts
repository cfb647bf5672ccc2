// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * The client an SDK's `createClient` returns: the transport (transport.ts) configured with the
 * base URL, the fetch to use, and a middleware that adds each operation's credentials; the
 * runtime settings (retries, timeout, hooks, throwOnError) are remembered for the operation
 * functions.
 */
import { authorize, credentialOf, type Credentials, type RefreshableToken, type SecurityInfo, type TokenSource } from "./auth.gen.js";
import { challenged, configureClient, type RetryOptions } from "./call.gen.js";
import { createTransport, type ApiClient } from "./transport.gen.js";
import type { HookRunner } from "./hooks.gen.js";
import type { Logging } from "./log.gen.js";

export interface ClientOptions<C extends object = Credentials> {
  /**
   * The API's base URL; defaults to the first server of the spec, or an operation's own server
   * (its path's or its own `servers`) where it has one. Given here, it is used for every call.
   */
  baseUrl?: string;
  /**
   * Credentials per security scheme, or one token (string or function, sync or async, called
   * per request) for every bearer/OAuth 2 scheme.
   */
  auth?: TokenSource | C;
  /** The fetch to use (a mock in tests, a proxy-aware fetch, …); defaults to the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: HeadersInit;
  /**
   * Retries on 408, 429, 5xx and network errors (default: 2 retries, waits up to 30 s); `false`
   * turns them off. POST and PATCH without an idempotency key: only 429 and 503 with Retry-After.
   */
  retry?: RetryOptions | false;
  /** Each call's deadline in milliseconds, retries included. */
  timeoutMs?: number;
  /** Each attempt's deadline in milliseconds: an attempt that runs out is retried (as a network error is). */
  attemptTimeoutMs?: number;
  /**
   * Send an `Idempotency-Key` (one per call, the same on every attempt) with every POST and
   * PATCH, so that they are retried like other methods. Operations that declare the header get one anyway.
   */
  idempotencyKey?: boolean;
  /** Throw an ApiError on error responses instead of returning `{ error }`. */
  throwOnError?: boolean;
  /**
   * Called once per call, around the retry loop (tracing, metrics), as the SDK's
   * `withHooks({ onRequest, onResponse, onError })` says. Without it no hook code is bundled.
   */
  hooks?: HookRunner;
  /**
   * Logs every attempt (method, URL, status, attempt, duration, request id; Authorization,
   * cookies, API keys and token-like names masked), as the SDK's `logging(…)` says:
   * `logging(console)`, `logging(pino, "info")`, or `logging()`, which logs to the console at
   * the level the API's environment variable names (`ZOOM_SDK_LOG=debug`) and not at all while
   * it is unset. Without it nothing is logged, and no logging code is bundled.
   */
  logger?: Logging;
}

/**
 * Creates the client; `security` is what the spec says of its schemes and operations.
 */
export function createApiClient(defaultBaseUrl: string, security: SecurityInfo, options: ClientOptions<object> = {}): ApiClient {
  const { fetch, headers } = options;
  const client = createTransport({ baseUrl: options.baseUrl ?? defaultBaseUrl, fetch, headers });
  // First: it sees each attempt's request as the call loop made it (its number), and logs the
  // request as sent (credentials added, then masked) when the response or error comes back.
  options.logger?.install(client, security.schemes);
  // The SDK's Credentials type names its schemes; here they are looked up by name.
  const auth = options.auth as TokenSource | Credentials | undefined;
  if (auth !== undefined) {
    client.use({ onRequest: ({ request, schemaPath }) => authorize(request, schemaPath, security, auth) });
    // Schemes answered after a 401 (Digest) add their own middleware.
    for (const name in security.schemes) security.schemes[name]!.install?.(client, () => credentialOf(security, auth, name));
    // A refreshable token (clientCredentials) refused with a 401 is invalidated, and the call repeated once with a new one.
    for (const token of typeof auth === "object" ? Object.values(auth) : [auth]) {
      if ((token as Partial<RefreshableToken>)?.invalidate) {
        client.use({
          onResponse({ response }) {
            if (response.status === 401) {
              (token as RefreshableToken).invalidate();
              challenged.add(response);
            }
          },
        });
      }
    }
  }
  configureClient(client, { ...options, auth });
  return client;
}
