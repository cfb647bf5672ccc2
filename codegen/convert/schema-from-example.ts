/**
 * Schemas inferred from example values. Several samples of the same thing are merged: a
 * property present in every sample is required, one missing from some is optional, and
 * samples of different kinds become an `anyOf`.
 */
import type { Schema } from "../openapi.js";

type Kind = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

const kindOf = (v: unknown): Kind =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number"
        ? Number.isInteger(v) ? "integer" : "number"
        : typeof v === "boolean" ? "boolean" : typeof v === "object" ? "object" : "string";

const FORMATS: [string, RegExp][] = [
  ["date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/],
  ["date", /^\d{4}-\d{2}-\d{2}$/],
  ["uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ["email", /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i],
  ["uri", /^https?:\/\/[^\s]+$/],
];

/** Infers one schema that every sample fits. No samples, or only nulls, give `{}` (anything). */
export function inferSchema(samples: readonly unknown[]): Schema {
  const values = samples.filter((s) => s !== undefined);
  const byKind = new Map<Kind, unknown[]>();
  for (const v of values) {
    const k = kindOf(v);
    byKind.set(k, [...(byKind.get(k) ?? []), v]);
  }
  const nullable = byKind.delete("null");
  if (byKind.has("integer") && byKind.has("number")) {
    byKind.set("number", [...byKind.get("number")!, ...byKind.get("integer")!]);
    byKind.delete("integer");
  }
  const schemas = [...byKind].map(([kind, vs]) => schemaOfKind(kind as Exclude<Kind, "null">, vs));
  if (schemas.length === 0) return {};
  const schema: Schema = schemas.length === 1 ? schemas[0]! : { anyOf: schemas };
  if (nullable) schema.nullable = true;
  return schema;
}

function schemaOfKind(kind: Exclude<Kind, "null">, values: unknown[]): Schema {
  switch (kind) {
    case "object": {
      const objects = values as Record<string, unknown>[];
      const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
      const properties: Record<string, Schema> = {};
      for (const key of keys) properties[key] = inferSchema(objects.map((o) => o[key]));
      const required = keys.filter((key) => objects.every((o) => key in o && o[key] !== undefined));
      const schema: Schema = { type: "object" };
      if (keys.length > 0) schema.properties = properties;
      if (required.length > 0) schema.required = required;
      return schema;
    }
    case "array":
      return { type: "array", items: inferSchema((values as unknown[][]).flat()) };
    case "string": {
      const format = FORMATS.find(([, re]) => (values as string[]).every((s) => re.test(s)));
      return format ? { type: "string", format: format[0] } : { type: "string" };
    }
    default:
      return { type: kind };
  }
}

/** What a text value (a form field, a query parameter) holds, read the way a person would. */
export interface TextValue {
  schema: Schema;
  /** The value typed like its schema. */
  value: unknown;
  /** True when the text is a JSON object or array, to be sent as JSON text. */
  json: boolean;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/**
 * `"true"`/`"false"` are booleans, a canonical digit string is an integer, JSON object or
 * array text (when `allowJson`) is that JSON, and anything else is a string.
 */
export function inferFromText(text: string, allowJson: boolean): TextValue {
  const trimmed = text.trim();
  if (trimmed === "true" || trimmed === "false") return { schema: { type: "boolean" }, value: trimmed === "true", json: false };
  if (INTEGER.test(trimmed) && Number.isSafeInteger(Number(trimmed))) {
    return { schema: { type: "integer" }, value: Number(trimmed), json: false };
  }
  if (allowJson && /^[[{]/.test(trimmed)) {
    try {
      const value: unknown = JSON.parse(trimmed);
      return { schema: inferSchema([value]), value, json: true };
    } catch {
      // Not JSON after all: a string that happens to start with a bracket.
    }
  }
  return { schema: { type: "string" }, value: text, json: false };
}
