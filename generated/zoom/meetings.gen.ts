// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

import type { ApiClient } from "./client.gen.js";
import { multipart } from "./runtime/body.gen.js";
import { call, type CallOptions, type Result } from "./runtime/call.gen.js";
import { idempotent } from "./runtime/idempotency.gen.js";
import { encodeQuery } from "./runtime/query.gen.js";
import type { operations } from "./schema.gen.js";

/** The arguments of `performBatchRegistration`. */
export interface PerformBatchRegistrationArgs {
  path: operations["performBatchRegistration"]["parameters"]["path"];
  body: operations["performBatchRegistration"]["requestBody"]["content"]["multipart/form-data"];
}

/**
 * Perform batch registration
 *
 * Register up to 30 registrants at once for a meeting that requires [registration](https://support.zoom.us/hc/en-us/articles/211579443-Registration-for-Meetings).
 *
 * **Prerequisites:**
 * * The meeting host must be a Licensed user.
 * * The meeting must require registration and should be of type `2`, i.e., they should be scheduled meetings. Instant meetings and Recurring meetings are not supported by this API.
 *
 * **Scope:** `meeting:write`, `meeting:write:admin`
 * **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Heavy`
 *
 * `POST /meetings/{meetingId}/batch_registrants`
 * @param client From `createClient`.
 * @param args `path`, `body`.
 * @param init Per call: `signal`, `headers`, `timeoutMs`, `retry`, `throwOnError`, and anything else `fetch` takes.
 * @returns openapi-fetch's `{ data, error, response }`; on failure `error` is the documented error body or an `HttpError` (status, status text, body text).
 */
export function performBatchRegistration(client: ApiClient, args: PerformBatchRegistrationArgs, init?: CallOptions): Promise<Result<operations["performBatchRegistration"]>> {
  return call(
    client,
    {
      method: "POST",
      path: "/meetings/{meetingId}/batch_registrants",
      params: { path: args.path },
      body: args.body,
      encode: multipart({ auto_approve: "text", registrants: "json" }),
      idempotent,
    },
    init,
  );
}

/** The arguments of `updateRegistrantsStatus`. */
export interface UpdateRegistrantsStatusArgs {
  path: operations["updateRegistrantsStatus"]["parameters"]["path"];
  query?: operations["updateRegistrantsStatus"]["parameters"]["query"];
  body: operations["updateRegistrantsStatus"]["requestBody"]["content"]["multipart/form-data"];
}

/**
 * Update registrant's status
 *
 * Update a meeting registrant's status by either approving, cancelling or denying a registrant from joining the meeting.
 *
 * **Scopes:** `meeting:write:admin` `meeting:write`
 *  **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Medium`
 *
 * `PUT /meetings/{meetingId}/registrants/status`
 * @param client From `createClient`.
 * @param args `path`, `query`, `body`.
 * @param init Per call: `signal`, `headers`, `timeoutMs`, `retry`, `throwOnError`, and anything else `fetch` takes.
 * @returns openapi-fetch's `{ data, error, response }`; on failure `error` is the documented error body or an `HttpError` (status, status text, body text).
 */
export function updateRegistrantsStatus(client: ApiClient, args: UpdateRegistrantsStatusArgs, init?: CallOptions): Promise<Result<operations["updateRegistrantsStatus"]>> {
  return call(
    client,
    {
      method: "PUT",
      path: "/meetings/{meetingId}/registrants/status",
      params: { path: args.path, query: encodeQuery(args.query) },
      body: args.body,
      encode: multipart({ action: "text", registrants: "json" }),
    },
    init,
  );
}
