// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Idempotency keys: one per call, the same on every attempt, so that a retried POST or PATCH
 * cannot do its work twice. Its own module, imported by the operations that may send a key
 * (POST, PATCH, and those whose spec declares the header): an app that calls none bundles none of it.
 */
import { hasHeader, type OperationCall } from "./call.gen.js";

/**
 * The call's parameters with a key in its idempotency header (the one the operation declares,
 * else `Idempotency-Key` for a POST or PATCH when the client or call asks for keys), or nothing
 * when it sends none. A key the caller gave (in the parameters or the per-call headers) is used
 * as it is.
 */
export function idempotent(operation: OperationCall, keys: boolean | undefined, headers: unknown): NonNullable<OperationCall["params"]> | undefined {
  const { params } = operation;
  const header = operation.idempotencyKey ?? (keys && /^(POST|PATCH)$/.test(operation.method) ? "Idempotency-Key" : undefined);
  if (!header) return undefined;
  if (hasHeader(headers, header) || hasHeader(params?.header, header)) return params ?? {};
  return { ...params, header: { ...params?.header, [header]: newKey() } };
}

/**
 * A random UUID (v4) where there is randomUUID (Node, secure contexts); elsewhere (a page on
 * plain http) 128 random bits as hex: unique either way, and a server takes any string.
 */
const newKey = (): string => crypto.randomUUID?.() ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
