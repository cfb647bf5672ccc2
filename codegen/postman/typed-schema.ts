/**
 * A typed collection's JSON Schema → an OpenAPI 3.0 schema. The schemas come from JSON Schema
 * drafts (Postman's "Generate from Body") or OpenAPI 3.1 specs (openapi-to-postmanv2), so the
 * draft's spellings become 3.0's: `type: ["string", "null"]` is `type: string, nullable: true`,
 * several types are an `anyOf`, `const` is a one-value enum, `examples: [a, …]` gives `example: a`,
 * `oneOf` is an `anyOf` (the SDK's types are the same), an exclusive bound given as a number
 * (draft 6+) is `minimum` with `exclusiveMinimum: true`. Keywords 3.0 has no place for
 * (`if`/`then`, `patternProperties`, …) are left out rather than misstated;
 * openapi-to-postmanv2's placeholders (`"<string>"`, `"<long>"`) are no default or example.
 * A schema that is not one (a type OpenAPI does not know, `properties` that are not an object,
 * a `$ref` nothing here can resolve) is named in a warning with the item, and the caller infers
 * from the sample instead. https://spec.openapis.org/oas/v3.0.3#schema-object
 */
import type { Diagnostics } from "../diagnostics.js";
import type { Schema } from "../openapi.js";
import { placeholderSchema } from "../convert/schema-from-example.js";
import { setOwn } from "./own-keys.js";
import type { PostmanTypedSchema } from "./model.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const TYPES = new Set(["object", "array", "string", "integer", "number", "boolean"]);
/** As deep as an inferred example may go (`too-deep` there); deeper is no schema a person wrote. */
const MAX_DEPTH = 64;

/** Why a schema is refused, and where inside it (a path of keys). */
class NotASchema extends Error {
  constructor(
    readonly reason: string,
    readonly path: readonly (string | number)[],
  ) {
    super(reason);
  }
}

/**
 * The OpenAPI schema of a typed body or value, or undefined (with a warning naming `item`) when
 * it is not a schema OpenAPI 3.0 can hold.
 */
export function convertTypedSchema(typed: PostmanTypedSchema, what: string, diag: Diagnostics, item: string | undefined): Schema | undefined {
  try {
    const schema = toSchema(typed.schema, []);
    DECLARED.add(schema);
    return schema;
  } catch (e) {
    if (!(e instanceof NotASchema)) throw e;
    const inside = e.path.length > 0 ? ` at ${e.path.join(".")}` : "";
    const message = `the typed collection's schema of ${what} is not a schema OpenAPI 3.0 can hold (${e.reason}${inside}); ${what} is typed from its sample instead`;
    diag.warning("invalid-shape", message, item === undefined ? { pointer: typed.pointer } : { pointer: typed.pointer, item });
    return undefined;
  }
}

/** Schemas a typed collection declared (by identity), so later stages can tell them from inferred ones. */
const DECLARED = new WeakSet<Schema>();

/**
 * Whether this schema object is one a typed collection declared, not one inferred from a sample:
 * a stage that reconciles inferred types (one type per parameter name) leaves declared ones be.
 */
export const isDeclaredSchema = (schema: Schema): boolean => DECLARED.has(schema);

const isPlaceholder = (v: unknown): boolean => typeof v === "string" && placeholderSchema(v) !== undefined;

function toSchema(v: unknown, path: (string | number)[]): Schema {
  if (path.length > MAX_DEPTH) throw new NotASchema(`nested more than ${MAX_DEPTH} levels`, path);
  if (v === true) return {};
  if (!isObject(v)) throw new NotASchema(`${v === false ? "false" : JSON.stringify(v) ?? String(v)} is not a schema`, path);
  if (typeof v.$ref === "string") throw new NotASchema(`the reference ${JSON.stringify(v.$ref)} cannot be resolved`, path);
  const schema: Schema = {};
  const variants: Schema[] = [];
  // type: a name, or a list of names where "null" means nullable.
  if (v.type !== undefined) {
    const names = Array.isArray(v.type) ? v.type : [v.type];
    if (names.length === 0 || !names.every((n) => typeof n === "string" && (TYPES.has(n) || n === "null"))) {
      throw new NotASchema(`the type ${JSON.stringify(v.type)} is not one of ${[...TYPES].join(", ")} (or null)`, [...path, "type"]);
    }
    const kinds = [...new Set(names as string[])].filter((n) => n !== "null");
    if (kinds.length < names.length && names.includes("null")) schema.nullable = true;
    if (kinds.length === 1) schema.type = kinds[0] as Schema["type"];
    else if (kinds.length > 1) variants.push(...kinds.map((k) => ({ type: k as Schema["type"] })));
  }
  for (const key of ["title", "description", "format", "pattern"] as const) {
    if (typeof v[key] === "string" && v[key] !== "") schema[key] = v[key] as string;
  }
  for (const key of ["minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "multipleOf"] as const) {
    if (typeof v[key] === "number" && Number.isFinite(v[key])) schema[key] = v[key] as number;
  }
  // Draft 6+ writes an exclusive bound as the number itself; 3.0 as a flag beside minimum/maximum.
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    const value = v[exclusive];
    if (value === true && schema[bound] !== undefined) schema[exclusive] = true;
    else if (typeof value === "number" && Number.isFinite(value) && (schema[bound] === undefined || (bound === "minimum" ? value >= schema[bound]! : value <= schema[bound]!))) {
      schema[bound] = value;
      schema[exclusive] = true;
    }
  }
  for (const key of ["deprecated", "uniqueItems", "readOnly", "writeOnly"] as const) {
    if (v[key] === true) schema[key] = true;
  }
  const values = v.const !== undefined ? [v.const] : v.enum;
  if (values !== undefined) {
    if (!Array.isArray(values) || values.length === 0) throw new NotASchema("`enum` is not a list of values", [...path, "enum"]);
    const scalars = values.filter((x) => x !== null);
    if (!scalars.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean")) {
      throw new NotASchema("`enum` holds a value that is not a string, number or boolean", [...path, "enum"]);
    }
    if (scalars.length < values.length) schema.nullable = true;
    if (scalars.length > 0) schema.enum = scalars as (string | number | boolean)[];
  }
  if (v.default !== undefined && !isPlaceholder(v.default)) schema.default = v.default;
  const example = v.example !== undefined ? v.example : Array.isArray(v.examples) ? v.examples[0] : undefined;
  if (example !== undefined && !isPlaceholder(example)) schema.example = example;
  if (v.properties !== undefined) {
    if (!isObject(v.properties)) throw new NotASchema("`properties` is not an object", [...path, "properties"]);
    const properties: Record<string, Schema> = {};
    for (const [name, property] of Object.entries(v.properties)) {
      // A property named `$ref` would read as a reference to every OpenAPI tool: left out, as inferred schemas leave it.
      if (name !== "$ref") setOwn(properties, name, toSchema(property, [...path, "properties", name]));
    }
    schema.properties = properties;
    schema.type ??= variants.length === 0 ? "object" : undefined;
    if (schema.type === undefined) delete schema.type;
  }
  if (v.required !== undefined && v.required !== null) {
    if (!Array.isArray(v.required) || !v.required.every((r) => typeof r === "string")) throw new NotASchema("`required` is not a list of property names", [...path, "required"]);
    // Only properties the schema has: OpenAPI tools reject a required name with no property.
    const required = schema.properties ? (v.required as string[]).filter((r) => Object.hasOwn(schema.properties!, r)) : (v.required as string[]);
    if (required.length > 0) schema.required = [...new Set(required)];
  }
  if (v.additionalProperties !== undefined) {
    schema.additionalProperties = typeof v.additionalProperties === "boolean" ? v.additionalProperties : toSchema(v.additionalProperties, [...path, "additionalProperties"]);
  }
  if (v.items !== undefined) {
    // A tuple (`items: [a, b]`, draft 4–2019) is an array of any of its members to 3.0.
    schema.items = Array.isArray(v.items) ? { anyOf: v.items.map((s, i) => toSchema(s, [...path, "items", i])) } : toSchema(v.items, [...path, "items"]);
    schema.type ??= variants.length === 0 ? "array" : undefined;
    if (schema.type === undefined) delete schema.type;
  } else if (schema.type === "array") {
    schema.items = {};
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    if (v[key] === undefined) continue;
    if (!Array.isArray(v[key]) || v[key].length === 0) throw new NotASchema(`\`${key}\` is not a list of schemas`, [...path, key]);
    variants.push(...(v[key] as unknown[]).map((s, i) => toSchema(s, [...path, key, i])));
  }
  if (v.allOf !== undefined) Object.assign(schema, mergeAllOf(v.allOf, schema, path));
  if (variants.length > 0) {
    // `{ type: [a, b] }` or `anyOf` beside other keywords: each variant keeps nullable.
    schema.anyOf = schema.nullable ? variants.map((s) => ({ ...s, nullable: true })) : variants;
  }
  return schema;
}

/**
 * `allOf` of object schemas (how specs extend a base) is one object: properties and required
 * united. Anything else an `allOf` holds has no 3.0 form here.
 */
function mergeAllOf(list: unknown, base: Schema, path: (string | number)[]): Schema {
  if (!Array.isArray(list) || list.length === 0) throw new NotASchema("`allOf` is not a list of schemas", [...path, "allOf"]);
  const properties: Record<string, Schema> = { ...base.properties };
  const required = new Set(base.required ?? []);
  list.forEach((member, i) => {
    const part = toSchema(member, [...path, "allOf", i]);
    if (part.type !== undefined && part.type !== "object") throw new NotASchema("`allOf` of schemas that are not objects", [...path, "allOf", i]);
    for (const [name, property] of Object.entries(part.properties ?? {})) setOwn(properties, name, property);
    for (const name of part.required ?? []) required.add(name);
  });
  const merged: Schema = { type: "object", properties };
  if (required.size > 0) merged.required = [...required];
  return merged;
}
