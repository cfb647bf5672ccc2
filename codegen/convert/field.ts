/**
 * One named value of a request (path variable, query or header parameter, form field):
 * its schema from the sample value and the description's annotations, its example typed
 * like that schema, and whether it is required.
 */
import type { Diagnostics, Position } from "../diagnostics.js";
import type { Schema } from "../openapi.js";
import { htmlToMarkdown } from "../postman/description.js";
import { readAnnotations, withStatedBounds } from "./annotations.js";
import { inferFromText, tooDeepMessage } from "./schema-from-example.js";

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
}

/** Converts a field; `allowJson` lets form fields hold JSON text (parameters stay scalar). */
export function convertField(field: FieldInput, allowJson: boolean, diag: Diagnostics, at: Position): ConvertedField {
  const notes = readAnnotations(htmlToMarkdown(field.description ?? ""));
  const sample = field.value !== undefined && field.value !== "" ? inferFromText(field.value, allowJson) : undefined;
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
  const result: ConvertedField = { schema, required: notes.required, json: sample?.json === true && !schema.enum };
  if (notes.description) result.description = notes.description;
  if (example !== undefined) result.example = example;
  return result;
}

/** Enum values are typed together: all integers, all booleans, or strings. */
function enumSchema(values: string[]): Schema {
  if (values.every((v) => /^-?(0|[1-9][0-9]*)$/.test(v))) return { type: "integer", enum: values.map(Number) };
  if (values.every((v) => v === "true" || v === "false")) return { type: "boolean", enum: values.map((v) => v === "true") };
  return { type: "string", enum: values };
}
