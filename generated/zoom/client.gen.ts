// Generated from spec/zoom.openapi.json by codegen. Do not edit.

import type { Client } from "openapi-fetch";
import { createApiClient, type ClientOptions } from "./runtime.gen.js";
import type { paths } from "./schema.gen.js";

/** The server the spec names first; `createClient({ baseUrl })` overrides it. */
export const defaultBaseUrl = "https://api.zoom.us/v2";

/** An openapi-fetch client for this API; every operation function takes one. */
export type ApiClient = Client<paths>;

/**
 * Creates a client for this API.
 *
 * ```ts
 * const client = createClient({ auth: process.env.API_TOKEN });
 * ```
 * @param options.baseUrl Defaults to `defaultBaseUrl`.
 * @param options.auth A bearer token, or a function (sync or async) returning one, called per request.
 * @param options.fetch The fetch to use; defaults to the global one.
 */
export function createClient(options: ClientOptions = {}): ApiClient {
  return createApiClient<paths>(defaultBaseUrl, options);
}
