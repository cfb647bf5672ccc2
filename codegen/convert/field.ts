/**
 * One named value of a request (path variable, query or header parameter, form field):
 * its schema from the sample value and the description's annotations, its example typed
 * like that schema, and whether it is required.
 */
import type { Diagnostics, Position } from "../diagnostics.js";
import type { Schema } from "../openapi.js";
import { htmlToMarkdown } from "../postman/description.js";
import { readAnnotations, readRequestSection, withStatedBounds } from "./annotations.js";
import type { PostmanTypedValue } from "../postman/model.js";
import { convertTypedSchema } from "../postman/typed-schema.js";
import { getOwn, setOwn } from "../postman/own-keys.js";
import { inferFromText, placeholderSchema, tooDeepMessage } from "./schema-from-example.js";

export interface ConvertedField {
  schema: Schema;
  description?: string;
  required: boolean;
  example?: unknown;
  /** The sample was JSON text: the field carries JSON (multipart `encoding` says so). */
  json: boolean;
}

export interface FieldInput {
  key: string;
  value?: string | undefined;
  description?: string | undefined;
  /** The type a typed collection gives the field: it decides the schema, the sample stays the example. */
  typed?: PostmanTypedValue | undefined;
  /**
   * The request's description as Markdown: where the field's own text states no set of values, a
   * section of it about the field (its name in backticks or bold at the start of a line, bullet or
   * table row) may (`readRequestSection`).
   */
  requestMarkdown?: string | undefined;
}

const OBJECT_TEXT = "[object Object]";

/** Converts a field; `allowJson` lets form fields hold JSON text (parameters stay scalar). */
export function convertField(field: FieldInput, allowJson: boolean, diag: Diagnostics, at: Position): ConvertedField {
  const sample = field.value !== undefined && field.value !== "" ? inferFromText(field.value, allowJson) : undefined;
  // The sample as text, when it is a real value (a placeholder says nothing about which values are allowed).
  const sampleText = sample && sample.value !== undefined && !sample.json ? field.value!.trim() : undefined;
  const notes = readAnnotations(htmlToMarkdown(field.description ?? ""), sampleText);
  // Only for a scalar: beside a JSON object or array sample, a list names keys or items.
  if (!notes.enum && field.requestMarkdown && sample?.json !== true) Object.assign(notes, readRequestSection(field.requestMarkdown, field.key, sampleText, allowJson ? "body" : "parameter"));
  const typed = field.typed && convertTypedSchema(field.typed, `\`${field.key}\``, diag, at.item);
  if (typed) return typedField(field, typed, field.typed!.required || notes.required, notes.description, diag, at);
  if (sample?.tooDeep) diag.warning("too-deep", tooDeepMessage(`the JSON value of \`${field.key}\``, sample.tooDeep), at);
  let schema: Schema = sample ? sample.schema : { type: "string" };
  let example = sample?.value;
  // A list in prose beside a JSON object or array sample names its keys or items, not its values.
  if (notes.enum && (notes.enumFrom === "one-of-note" || sample?.json !== true)) {
    schema = enumSchema(notes.enum);
    if (example !== undefined && !schema.enum!.some((v) => String(v) === String(example))) {
      diag.warning(
        "example-not-in-enum",
        `the example ${JSON.stringify(field.value)} of \`${field.key}\` is not one of ${schema.enum!.join(", ")}; it was left out of the examples`,
        at,
      );
      example = undefined;
    } else if (example !== undefined) {
      example = schema.enum!.find((v) => String(v) === String(example));
    }
  }
  schema = withStatedBounds(schema, notes);
  // `[object Object]` is openapi-to-postmanv2 6's text for an object field it could not write, and its
  // `(Required)` there is the object's own `required` list (of the keys inside), not the field's.
  const required = notes.required && field.value !== OBJECT_TEXT;
  const result: ConvertedField = { schema, required, json: sample?.json === true && !schema.enum };
  if (notes.description) result.description = notes.description;
  if (example !== undefined) result.example = example;
  return result;
}

/**
 * A JSON body's top-level properties, each with the enum the request's description states for it
 * in a line, bullet or table row that starts with its name (`readRequestSection`): a raw JSON body
 * has no description per field, so its request's text is the only place that can say. Only scalar
 * properties without an enum take one, and not when the body's own sample is another value.
 */
export function withRequestStatedEnums(schema: Schema, example: unknown, requestMarkdown: string | undefined): Schema {
  if (!requestMarkdown || schema.type !== "object" || !schema.properties) return schema;
  const sampleOf = typeof example === "object" && example !== null && !Array.isArray(example) ? (example as Record<string, unknown>) : {};
  let properties: Record<string, Schema> | undefined;
  for (const key of Object.keys(schema.properties)) {
    const property = getOwn(schema.properties, key)!;
    if (property.enum || !(property.type === "string" || property.type === "integer" || property.type === "number" || property.type === "boolean")) continue;
    const value = getOwn(sampleOf, key);
    // A placeholder (`<string>`) says nothing about which values are allowed.
    const sample = value === undefined || value === null || typeof value === "object" || (typeof value === "string" && placeholderSchema(value) !== undefined) ? undefined : String(value);
    const stated = readRequestSection(requestMarkdown, key, sample, "body");
    if (!stated?.enum || (sample !== undefined && !stated.enum.includes(sample))) continue;
    const typed = enumSchema(stated.enum);
    // The sample's JSON type decides: "1" in a string field stays the text "1".
    const values = typed.type === property.type ? typed.enum! : property.type === "string" ? stated.enum : undefined;
    if (!values) continue;
    properties ??= { ...schema.properties };
    setOwn(properties, key, { ...property, enum: values });
  }
  return properties ? { ...schema, properties } : schema;
}

/** Enum values are typed together: all integers, all booleans, or strings. */
function enumSchema(values: string[]): Schema {
  if (values.every((v) => /^-?(0|[1-9][0-9]*)$/.test(v))) return { type: "integer", enum: values.map(Number) };
  if (values.every((v) => v === "true" || v === "false")) return { type: "boolean", enum: values.map((v) => v === "true") };
  return { type: "string", enum: values };
}

/**
 * A field whose type a typed collection gives: that schema, and the sample as its example when
 * it is a value of that type (`"42"` is the integer 42 for an integer, the text "42" for a string)
 * and, with an enum, one of its values.
 */
function typedField(field: FieldInput, schema: Schema, required: boolean, description: string | undefined, diag: Diagnostics, at: Position): ConvertedField {
  const text = field.value;
  let example: unknown;
  if (text !== undefined && text !== "") {
    const read = inferFromText(text, schema.type === "object" || schema.type === "array");
    if (read.value !== undefined) {
      if (schema.type === undefined || schema.type === "string") example = schema.type === "string" ? text : read.value;
      else if (fitsType(read.value, schema.type)) example = read.value;
    }
  }
  if (example !== undefined && schema.enum && !schema.enum.some((v) => v === example)) {
    diag.warning(
      "example-not-in-enum",
      `the example ${JSON.stringify(text)} of \`${field.key}\` is not one of ${schema.enum.join(", ")}; it was left out of the examples`,
      at,
    );
    example = undefined;
  }
  const result: ConvertedField = { schema, required, json: schema.type === "object" || schema.type === "array" };
  if (description) result.description = description;
  if (example !== undefined) result.example = example;
  return result;
}

/** Whether a sample value is of a schema type (an integer is a number too). */
export function fitsType(value: unknown, type: NonNullable<Schema["type"]>): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
  }
}
