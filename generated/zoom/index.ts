// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

import type { components } from "./schema.gen.js";
export * from "./client.gen.js";
export * from "./meetings.gen.js";
export * from "./rooms.gen.js";
export * from "./users.gen.js";
export { ApiError } from "./runtime/call.gen.js";
export type { CallOptions, Hooks, HttpError, Result, RetryOptions } from "./runtime/call.gen.js";
export type { BasicCredentials, RefreshableToken, TokenSource } from "./runtime/auth.gen.js";
export type { FileUpload } from "./runtime/body.gen.js";
export type { ClientOptions } from "./runtime/client.gen.js";
export { withHooks } from "./runtime/hooks.gen.js";
export type { HookRunner } from "./runtime/hooks.gen.js";
export type { LogLevel, Logger, Logging } from "./runtime/log.gen.js";
export type { Middleware } from "./runtime/transport.gen.js";
export type { components, operations, paths } from "./schema.gen.js";
export type CheckInOrCheckOutOfAZoomRoomRequest = components["schemas"]["CheckInOrCheckOutOfAZoomRoomRequest"];
export type MeetingBatchRegistrant = components["schemas"]["MeetingBatchRegistrant"];
export type Params = components["schemas"]["Params"];
export type PerformBatchRegistrationRegistrant = components["schemas"]["PerformBatchRegistrationRegistrant"];
export type PerformBatchRegistrationRequest = components["schemas"]["PerformBatchRegistrationRequest"];
export type Registrant = components["schemas"]["Registrant"];
export type UpdateAUsersPresenceStatusRequest = components["schemas"]["UpdateAUsersPresenceStatusRequest"];
export type UpdateRegistrantsStatusRegistrant = components["schemas"]["UpdateRegistrantsStatusRegistrant"];
export type UpdateRegistrantsStatusRequest = components["schemas"]["UpdateRegistrantsStatusRequest"];
export type UpdateUserStatusRequest = components["schemas"]["UpdateUserStatusRequest"];
