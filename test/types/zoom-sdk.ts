/**
 * Type tests: `npm test` runs `tsc --noEmit` over this file. Every `@ts-expect-error` line
 * must stay an error: if the SDK ever accepts it, tsc fails with "Unused '@ts-expect-error'".
 * Nothing here runs.
 */
import {
  checkInOrCheckOutOfAZoomRoom,
  createClient,
  performBatchRegistration,
  updateRegistrantsStatus,
  updateUserStatus,
  type MeetingBatchRegistrant,
  type UpdateUserStatusArgs,
} from "../../generated/zoom/index.js";

export async function typeTests() {
  const client = createClient({ auth: () => Promise.resolve("token") });

  // The right call compiles, and `data` is typed from the documented 2xx response: its
  // properties optional, since one saved example cannot say which always come back.
  const { data, error } = await performBatchRegistration(client, {
    path: { meetingId: "m1" },
    body: { auto_approve: true, registrants: [{ first_name: "Ada", email: "ada@example.com", last_name: "L" }] },
  });
  if (data) data.registrants?.map((r) => r.registrant_id?.toUpperCase());
  if (error) void error;

  // Named schemas are exported by name, and they are the types the operations return.
  const batch: MeetingBatchRegistrant | undefined = data;
  void batch;
  // @ts-expect-error a registrant's join_url is a string
  const wrong: MeetingBatchRegistrant = { registrants: [{ join_url: 1 }] };
  void wrong;

  // A wrong enum value does not compile.
  // @ts-expect-error "suspend" is not one of activate, deactivate
  await updateUserStatus(client, { path: { userId: "me" }, body: { action: "suspend" } });

  // A missing required form field does not compile.
  // @ts-expect-error `action` is required (the collection says "(Required)")
  await updateRegistrantsStatus(client, { path: { meetingId: "m1" }, body: { registrants: [] } });

  // meetingId is one type, string, in every operation (the samples disagreed: 1 here, "m1" there).
  // @ts-expect-error a number is not a meetingId
  await updateRegistrantsStatus(client, { path: { meetingId: 1 }, body: { action: "approve", registrants: [] } });

  // A missing path parameter does not compile.
  // @ts-expect-error `path.id` is required
  await checkInOrCheckOutOfAZoomRoom(client, { path: {}, body: { method: "zoomroom.check_in" } });

  // Leaving out the path group altogether does not compile either.
  // @ts-expect-error `path` is required
  await updateUserStatus(client, { body: { action: "activate" } });

  // A JSON form field takes the structure, not a string.
  // @ts-expect-error `registrants` is an array of objects, sent as JSON text by the SDK
  await performBatchRegistration(client, { path: { meetingId: "m1" }, body: { registrants: "[]" } });

  // The argument types are exported for callers that build arguments ahead of the call.
  const args: UpdateUserStatusArgs = { path: { userId: "me" }, body: { action: "activate" } };
  await updateUserStatus(client, args);
}
