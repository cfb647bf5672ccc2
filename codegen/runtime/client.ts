/**
 * The client an SDK's `createClient` returns: openapi-fetch configured with the base URL, the
 * fetch to use, and a middleware that adds each operation's credentials; the runtime settings
 * (retries, timeout, hooks, throwOnError) are remembered for the operation functions.
 */
import createFetchClient, { type Client } from "openapi-fetch";
import { authorize, type Credentials, type SecurityInfo, type TokenSource } from "./auth.js";
import { configureClient, type Hooks, type RetryOptions } from "./call.js";

export interface ClientOptions<C extends object = Credentials> {
  /** The API's base URL; defaults to the first server of the spec. */
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
  /** Retries on 408, 429, 5xx and network errors (default: 2 retries, waits up to 30 s); `false` turns them off. */
  retry?: RetryOptions | false;
  /** Each call's deadline in milliseconds, retries included. */
  timeoutMs?: number;
  /** Throw an ApiError on error responses instead of returning `{ error }`. */
  throwOnError?: boolean;
  /** Called once per call, around the retry loop (logging, tracing). */
  hooks?: Hooks;
}

/** Creates the client; `security` is what the spec says of its schemes and operations. */
export function createApiClient<Paths extends {}>(defaultBaseUrl: string, security: SecurityInfo, options: ClientOptions<object> = {}): Client<Paths> {
  // openapi-fetch falls back to the global fetch and no headers when these are undefined.
  const client = createFetchClient<Paths>({ baseUrl: options.baseUrl ?? defaultBaseUrl, fetch: options.fetch, headers: options.headers });
  // The SDK's Credentials type names its schemes; here they are looked up by name.
  const auth = options.auth as TokenSource | Credentials | undefined;
  if (auth !== undefined) {
    client.use({ onRequest: ({ request, schemaPath }) => authorize(request, schemaPath, security, auth) });
  }
  configureClient(client, { ...options, auth });
  return client;
}
