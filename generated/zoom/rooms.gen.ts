// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

import type { ApiClient } from "./client.gen.js";
import { multipart } from "./runtime/body.gen.js";
import { call, type CallOptions, type Result } from "./runtime/call.gen.js";
import { idempotent } from "./runtime/idempotency.gen.js";
import type { operations } from "./schema.gen.js";

/** The arguments of `checkInOrCheckOutOfAZoomRoom`. */
export interface CheckInOrCheckOutOfAZoomRoomArgs {
  path: operations["checkInOrCheckOutOfAZoomRoom"]["parameters"]["path"];
  body: operations["checkInOrCheckOutOfAZoomRoom"]["requestBody"]["content"]["multipart/form-data"];
}

/**
 * Check-in or check-out of a Zoom Room
 *
 * The Zoom Rooms check-in feature helps maximize your room utilization. Use this API to either **check in** and confirm that you are utilizing the room reservation or to **check out** of the room so that the room gets released from the scheduled meeting and will be made available for others to use. Learn more from the [Using the Zoom Rooms check-in feature](https://support.zoom.us/hc/en-us/articles/360001147163-Using-the-Zoom-Rooms-check-in-feature) guide.
 *
 * **Prerequisites:**
 * * [Zoom Rooms](https://support.zoom.us/hc/en-us/articles/207483343-Getting-started-with-Zoom-Rooms#:~:text=Zoom%20Rooms%20is%20a%20software,or%20from%20their%20mobile%20device) must have been set up for use for the account and must be online.
 * * You must have access to the Calendar Integration APIs (either Microsoft Exchange or Google Calendar APIs) to get calendar information associated with the Room.
 *
 * **Scope:** `room:write:admin`
 *
 * `PATCH /rooms/{id}/events`
 * @param client From `createClient`.
 * @param args `path`, `body`.
 * @param init Per call: `signal`, `headers`, `timeoutMs`, `retry`, `throwOnError`, and anything else `fetch` takes.
 * @returns openapi-fetch's `{ data, error, response }`; on failure `error` is the documented error body or an `HttpError` (status, status text, body text).
 */
export function checkInOrCheckOutOfAZoomRoom(client: ApiClient, args: CheckInOrCheckOutOfAZoomRoomArgs, init?: CallOptions): Promise<Result<operations["checkInOrCheckOutOfAZoomRoom"]>> {
  return call(
    client,
    {
      method: "PATCH",
      path: "/rooms/{id}/events",
      params: { path: args.path },
      body: args.body,
      encode: multipart({ method: "text", params: "json" }),
      idempotent,
    },
    init,
  );
}
