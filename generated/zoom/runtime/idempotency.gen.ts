// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Idempotency keys: one per call, the same on every attempt, so that a retried POST or PATCH
 * cannot do its work twice. Its own module, imported by the operations that may send a key
 * (POST, PATCH, and those whose spec declares the header): an app that calls none bundles none of it.
 */
import { hasHeader, type OperationCall } from "./call.gen.js";

/**
 * The call's parameters with a new key in `header`, unless the caller gave one (in the
 * parameters or in the per-call headers), which is then used as it is.
 */
export function idempotent(header: string, params: OperationCall["params"], headers: unknown): OperationCall["params"] {
  if (hasHeader(headers, header) || hasHeader(params?.header, header)) return params;
  return { ...params, header: { ...params?.header, [header]: newKey() } };
}

/**
 * A random UUID (v4) where there is randomUUID (Node, secure contexts); elsewhere (a page on
 * plain http) 128 random bits as hex: unique either way, and a server takes any string.
 */
const newKey = (): string => crypto.randomUUID?.() ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
