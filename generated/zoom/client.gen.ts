// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

import type { Client } from "openapi-fetch";
import { bearer, type BasicCredentials, type RefreshableToken, type SecurityInfo, type TokenSource } from "./runtime/auth.gen.js";
import { createApiClient, type ClientOptions } from "./runtime/client.gen.js";
import { logging as createLogging, type Logger, type LogLevel, type Logging } from "./runtime/log.gen.js";
import { clientCredentialsToken, type ClientCredentialsOptions } from "./runtime/oauth.gen.js";
import { fetchClient as openapiFetchClient, type ApiClient as RuntimeClient } from "./runtime/transport.gen.js";
import type { paths } from "./schema.gen.js";

/** The server the spec names first; `createClient({ baseUrl })` overrides it. */
export const defaultBaseUrl = "https://api.zoom.us/v2";

/** Credentials for each of the API's security schemes, by scheme name. */
export interface Credentials {
  /** A bearer token. */
  oauth2?: TokenSource;
}

/** What the spec says of its security: the runtime sends each operation the credentials it asks for. */
export const security: SecurityInfo = {
  schemes: { oauth2: bearer },
  default: [["oauth2"]],
  operations: {},
};

/** A client for this API, from `createClient`: every operation function takes one. `fetchClient(client)` makes an openapi-fetch client of it. */
export type ApiClient = RuntimeClient;

/**
 * Creates a client for this API.
 *
 * ```ts
 * const client = createClient({
 *   auth: async () => getAccessToken(), // or a string; called per request
 *   retry: { retries: 3, maxDelayMs: 10_000 }, // 408, 429, 5xx, network errors
 *   timeoutMs: 30_000, // each call's deadline, retries included
 *   hooks: withHooks({ onResponse: ({ method, path, response, attempts }) => log(method, path, response.status, attempts) }),
 * });
 * ```
 * @param options.baseUrl Defaults to `defaultBaseUrl`.
 * @param options.auth One token (string, or function returning one) for bearer/OAuth 2 schemes, or `Credentials` per scheme.
 * @param options.retry Retries on 408, 429, 500, 502, 503, 504 and network errors (default 2, honouring Retry-After); `false` turns them off.
 * @param options.timeoutMs Each call's deadline, retries included.
 * @param options.throwOnError Throw an `ApiError` instead of returning `{ error }`.
 * @param options.hooks `withHooks({ onRequest, onResponse, onError })`, called once per call, around the retry loop; none, and no hook code, by default.
 * @param options.logger `logging(console)` logs every attempt, secrets masked; `logging()` logs to the console at the level `ZOOM_SDK_LOG` names, nothing while it is unset.
 * @param options.fetch The fetch to use; defaults to the global one.
 */
export function createClient(options: ClientOptions<Credentials> = {}): ApiClient {
  return createApiClient(defaultBaseUrl, security, options);
}

/**
 * An openapi-fetch client with the base URL, fetch, headers and middleware (credentials, logging, Digest,
 * token refresh) of `client`, for requests outside the operation functions. Retries, timeouts, hooks and
 * `throwOnError` are the operation functions' own; middleware added to `client` later does not reach it.
 * An app that never calls this bundles none of openapi-fetch's client.
 *
 * ```ts
 * const { data, error } = await fetchClient(client).GET(path, { params });
 * ```
 */
export function fetchClient(client: ApiClient): Client<paths> {
  return openapiFetchClient<paths>(client);
}

/**
 * Logging for `createClient({ logger })`: method, URL, status, attempt, duration and request id of every
 * attempt, with `Authorization`, cookies, API keys and token-like names masked. An app that never calls
 * this bundles no logging code.
 *
 * ```ts
 * createClient({ logger: logging(console) }); // from debug up
 * createClient({ logger: logging() }); // to the console, at the level ZOOM_SDK_LOG=debug|info|warn|error names; nothing while it is unset
 * ```
 * @param logger `console`, pino, winston, …; defaults to `console`.
 * @param level The lowest level logged; else the level `ZOOM_SDK_LOG` names, else `debug` when a logger is given.
 */
export function logging(logger?: Logger, level?: LogLevel): Logging {
  return createLogging(logger, level, "ZOOM_SDK_LOG");
}

/**
 * OAuth 2 client credentials against https://zoom.us/oauth/token: the token is fetched once, cached,
 * refreshed before it expires and again after a 401. Pass the result as `auth`.
 *
 * ```ts
 * // Zoom server-to-server OAuth
 * const auth = clientCredentials({ clientId, clientSecret, grantType: "account_credentials", params: { account_id: accountId } });
 * const client = createClient({ auth });
 * ```
 */
export function clientCredentials(options: Omit<ClientCredentialsOptions, "tokenUrl"> & { tokenUrl?: string }): RefreshableToken {
  return clientCredentialsToken({ tokenUrl: "https://zoom.us/oauth/token", ...options });
}
