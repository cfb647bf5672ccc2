// Generated from spec/zoom.openapi.json by codegen. Do not edit.

export * from "./client.gen.js";
export * from "./meetings.gen.js";
export * from "./rooms.gen.js";
export * from "./users.gen.js";
export type { CallOptions, ClientOptions, TokenSource } from "./runtime.gen.js";
export type { components, operations, paths } from "./schema.gen.js";
