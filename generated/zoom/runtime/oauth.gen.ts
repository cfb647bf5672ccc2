// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * OAuth 2 client credentials (RFC 6749 §4.4), including Zoom's server-to-server variant
 * (`grant_type=account_credentials` with an `account_id`). The token is fetched once, shared
 * by concurrent calls, refreshed shortly before it expires and again after a 401.
 */
import { base64, type RefreshableToken } from "./auth.gen.js";
import { networkError } from "./transport.gen.js";

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Defaults to `client_credentials`; Zoom's server-to-server apps use `account_credentials`. */
  grantType?: string;
  /** More form fields for the token request, e.g. `{ account_id }` for Zoom. */
  params?: Record<string, string>;
  scope?: string;
  /** Refresh this long before the token expires (default 60 s). */
  refreshMarginMs?: number;
  fetch?: (request: Request) => Promise<Response>;
  /** The clock, for tests. */
  now?: () => number;
}

/** A token source for `createClient({ auth })` that fetches, caches and refreshes its token. */
export function clientCredentialsToken(options: ClientCredentialsOptions): RefreshableToken {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const body = new URLSearchParams({ grant_type: options.grantType ?? "client_credentials", ...options.params });
    if (options.scope) body.set("scope", options.scope);
    const request = new Request(options.tokenUrl, {
      method: "POST",
      headers: {
        Authorization: `Basic ${base64(`${options.clientId}:${options.clientSecret}`)}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: body.toString(),
    });
    // A network error here is one of the call's too: retried like the API's own.
    const response = await (options.fetch ?? fetch)(request).catch(networkError);
    const text = await response.text();
    if (!response.ok) throw new Error(`token request to ${options.tokenUrl} failed: ${response.status} ${response.statusText} ${text}`.trim());
    const json = JSON.parse(text) as { access_token?: string; expires_in?: number };
    if (!json.access_token) throw new Error(`token response from ${options.tokenUrl} has no access_token`);
    cached = { token: json.access_token, expiresAt: now() + (json.expires_in ?? 3600) * 1000 };
    return json.access_token;
  };

  const source = (async () => {
    if (cached && now() < cached.expiresAt - margin) return cached.token;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }) as RefreshableToken;
  source.invalidate = () => {
    cached = undefined;
  };
  return source;
}
