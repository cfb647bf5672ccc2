// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

import type { ApiClient } from "./client.gen.js";
import { multipart } from "./runtime/body.gen.js";
import { call, type CallOptions, type Result } from "./runtime/call.gen.js";
import type { operations } from "./schema.gen.js";

/** The arguments of `updateAUsersPresenceStatus`. */
export interface UpdateAUsersPresenceStatusArgs {
  path: operations["updateAUsersPresenceStatus"]["parameters"]["path"];
  body: operations["updateAUsersPresenceStatus"]["requestBody"]["content"]["multipart/form-data"];
}

/**
 * Update a user's presence status
 *
 * Use this API to update a user's presence status. For user-level apps, pass [the `me` value](https://marketplace.zoom.us/docs/api-reference/using-zoom-apis#mekeyword) instead of the `userId` parameter.
 *
 * A user's status **cannot** be updated more than once per minute. For example, you can only submit a maximum of one update request per minute for a single user.
 *
 * Users in the Zoom desktop client and mobile apps are assigned with a [presence status](https://support.zoom.us/hc/en-us/articles/360032554051-Status-Icons). The presence status informs users of their contact's availability. Users can also change their own presence status to one the following:
 * * **Away**
 * * **Do not disturb**
 * * **Available**
 * * **In a calendar event**
 * * **Presenting**
 * * **In a Zoom meeting**
 * * **On a call**
 *
 * Note that a user's presence status **cannot** be updated via this API if the user is not logged in to the Zoom client.
 *
 * **Scopes:** `user:write`, `user:write:admin`
 * **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Medium`
 *
 * `PUT /users/{userId}/presence_status`
 * @param client From `createClient`.
 * @param args `path`, `body`.
 * @param init Per call: `signal`, `headers`, `timeoutMs`, `retry`, `throwOnError`, and anything else `fetch` takes.
 * @returns openapi-fetch's `{ data, error, response }`; on failure `error` is the documented error body or an `HttpError` (status, status text, body text).
 */
export function updateAUsersPresenceStatus(client: ApiClient, args: UpdateAUsersPresenceStatusArgs, init?: CallOptions): Promise<Result<operations["updateAUsersPresenceStatus"]>> {
  return call(
    client,
    {
      method: "PUT",
      path: "/users/{userId}/presence_status",
      params: { path: args.path },
      body: args.body,
      encode: multipart({ duration: "text", status: "text" }),
    },
    init,
  );
}

/** The arguments of `updateUserStatus`. */
export interface UpdateUserStatusArgs {
  path: operations["updateUserStatus"]["parameters"]["path"];
  body: operations["updateUserStatus"]["requestBody"]["content"]["multipart/form-data"];
}

/**
 * Update user status
 *
 * Use this API to [deactivate](https://support.zoom.us/hc/en-us/articles/115005269946-Remove-User-from-your-Account#h_6a9bc1c3-d739-4945-b1f2-00b3b88fb5cc) an active user or to [reactivate](https://support.zoom.us/hc/en-us/articles/115005269946-Remove-User-from-your-Account#h_16319724-d120-4be6-af5d-31582d134ea0) a deactivated user. For user-level apps, pass [the `me` value](https://marketplace.zoom.us/docs/api-reference/using-zoom-apis#mekeyword) instead of the `userId` parameter.
 *
 * An account owner or admins can deactivate as well as activate a user in a Zoom account. Deactivating a user will remove all licenses associated with a user. It will prevent the deactivated user from logging into their Zoom account. A deactivated user can be reactivated. Reactivating a user grants the user access to login to their Zoom account.
 *
 * **Scopes:** `user:write:admin`, `user:write`
 * **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Light`
 *
 * `PUT /users/{userId}/status`
 * @param client From `createClient`.
 * @param args `path`, `body`.
 * @param init Per call: `signal`, `headers`, `timeoutMs`, `retry`, `throwOnError`, and anything else `fetch` takes.
 * @returns openapi-fetch's `{ data, error, response }`; on failure `error` is the documented error body or an `HttpError` (status, status text, body text).
 */
export function updateUserStatus(client: ApiClient, args: UpdateUserStatusArgs, init?: CallOptions): Promise<Result<operations["updateUserStatus"]>> {
  return call(
    client,
    {
      method: "PUT",
      path: "/users/{userId}/status",
      params: { path: args.path },
      body: args.body,
      encode: multipart({ action: "text" }),
    },
    init,
  );
}
