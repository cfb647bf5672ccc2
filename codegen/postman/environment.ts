/**
 * A Postman environment export (`{ "name", "values": [{ key, value, enabled }] }`): values
 * for the collection's `{{variables}}`, which override the collection's own (Postman's scope
 * order: collection < environment).
 */
import type { Diagnostics } from "../diagnostics.js";
import type { PostmanVariable } from "./model.js";
import { jsonText } from "./parse.js";

/** Parses an environment file; undefined (with an error recorded) when it is not one. */
export function parseEnvironment(text: string, diag: Diagnostics): PostmanVariable[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    diag.error("not-json", `${diag.file} is not valid JSON (${(e as Error).message})`, { pointer: "" });
    return undefined;
  }
  const values = (json as { values?: unknown } | null)?.values;
  if (!Array.isArray(values)) {
    diag.error("invalid-environment", `${diag.file} is not a Postman environment: it has no \`values\` array`, { pointer: "" });
    return undefined;
  }
  return values.flatMap((v): PostmanVariable[] => {
    if (typeof v !== "object" || v === null || typeof (v as { key?: unknown }).key !== "string") return [];
    const { key, value, enabled } = v as { key: string; value?: unknown; enabled?: unknown };
    if (enabled === false) return [];
    const text = value === undefined || value === null ? undefined : typeof value === "string" ? value : jsonText(value);
    return [text === undefined ? { key } : { key, value: text }];
  });
}
